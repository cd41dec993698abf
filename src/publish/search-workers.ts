import type { Worker } from 'node:worker_threads';
import { startWorker } from '../threads/start-worker.js';
import type { ShardReply, ShardRequest } from './search-index-worker.js';
import { indexShard, SearchIndexError, type ShardJob } from './search-pagefind.js';

/** Runs shard jobs: in this thread, or in worker threads, each with a Pagefind service of its own. */
export interface ShardRunner {
  /** Indexes `job` in slot `slot` (0 ≤ slot < the runner's slots); one job per slot at a time. */
  run(slot: number, job: ShardJob): Promise<void>;
  close(): Promise<void>;
}

/** One slot: the shards are indexed in this thread, one after the other. */
export const inThisThread: ShardRunner = {
  run: (_slot, job) => indexShard(job),
  close: async () => undefined,
};

/**
 * `slots` worker threads, started when first used. Each thread has its own copy of Pagefind's Node module and
 * so its own service process: two shards are indexed at once on two cores, and each service's memory is bounded
 * by its shard. From compiled `dist/` the worker is `search-index-worker.js`; from TypeScript source (the tests)
 * it loads the `.ts` source through tsx.
 */
export class WorkerRunner implements ShardRunner {
  readonly #workers: (ShardWorker | undefined)[];

  constructor(slots: number) {
    this.#workers = new Array<ShardWorker | undefined>(slots).fill(undefined);
  }

  run(slot: number, job: ShardJob): Promise<void> {
    let worker = this.#workers[slot];
    if (!worker) this.#workers[slot] = worker = new ShardWorker();
    return worker.run(job);
  }

  async close(): Promise<void> {
    await Promise.all(this.#workers.map((w) => w?.close()));
  }
}

/**
 * A shard's records are tens of megabytes at most: the limit makes the thread collect its garbage early instead
 * of growing (two such threads live in the build's process, whose peak memory counts).
 */
const SHARD_WORKER_LIMITS = { maxOldGenerationSizeMb: 384 };

class ShardWorker {
  readonly #worker: Worker;
  readonly #pending = new Map<number, { done: () => void; fail: (error: Error) => void }>();
  #next = 0;

  constructor() {
    this.#worker = startWorker(import.meta.url, 'search-index-worker', SHARD_WORKER_LIMITS);
    this.#worker.on('message', (reply: ShardReply) => {
      const pending = this.#pending.get(reply.id);
      this.#pending.delete(reply.id);
      if (reply.error === null) pending?.done();
      else pending?.fail(new SearchIndexError(reply.error));
    });
    this.#worker.on('error', (error) => this.#failAll(error));
    this.#worker.on('exit', (code) => {
      if (this.#pending.size > 0) this.#failAll(new SearchIndexError(`the search index worker stopped (exit code ${code})`));
    });
  }

  #failAll(error: Error): void {
    for (const { fail } of this.#pending.values()) fail(error);
    this.#pending.clear();
  }

  run(job: ShardJob): Promise<void> {
    const id = this.#next++;
    return new Promise((done, fail) => {
      this.#pending.set(id, { done, fail });
      this.#worker.postMessage({ id, job } satisfies ShardRequest);
    });
  }

  async close(): Promise<void> {
    await this.#worker.terminate();
  }
}
