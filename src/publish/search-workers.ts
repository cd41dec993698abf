import type { Worker } from 'node:worker_threads';
import { allowedCores } from '../threads/pin-thread.js';
import { startWorker } from '../threads/start-worker.js';
import type { ShardReply, ShardRequest } from './search-index-worker.js';
import { indexShard, SearchIndexError, type ShardJob } from './search-pagefind.js';
import type { SearchRecord } from './search-records.js';

/** Runs shard jobs: in this thread, or in worker threads, each with a Pagefind service of its own. */
export interface ShardRunner {
  /**
   * Indexes `job`, its records from `batches`, in slot `slot` (0 ≤ slot < the runner's slots); one job per slot at a
   * time. The batches are built as the slot asks for them, or, with `atOnce`, all sent before this returns.
   * Resolves with the peak resident size of the job's Pagefind service, in KiB (0 when not known).
   */
  run(slot: number, job: ShardJob, batches: Iterable<SearchRecord[]>, atOnce?: boolean): Promise<number>;
  close(): Promise<void>;
}

/** One slot: the shards are indexed in this thread, one after the other. */
export const inThisThread: ShardRunner = {
  run: (_slot, job, batches) => indexShard(job, batches),
  close: async () => undefined,
};

/**
 * `slots` worker threads, started when first used. Each thread has its own copy of Pagefind's Node module and
 * so its own service process: two shards are indexed at once on two cores, and each service's memory is bounded
 * by its shard. Each thread is pinned to a core of its own (`pin-thread.ts`), and so are the services it starts:
 * a service's threads (writing its fragment files, all in one folder) then do not spin on one another's locks
 * from two cores, and the two services do not trade places; measured at 5,000 articles, indexing took less CPU and
 * less time so. From compiled `dist/` the worker is `search-index-worker.js`; from TypeScript source (the tests) it
 * loads the `.ts` source through tsx.
 */
export class WorkerRunner implements ShardRunner {
  readonly #workers: (ShardWorker | undefined)[];
  /** The cores the slots' threads are pinned to, one each in turn; none on a single core or where pinning is not known. */
  readonly #cores: number[];

  constructor(slots: number) {
    this.#workers = new Array<ShardWorker | undefined>(slots).fill(undefined);
    const cores = allowedCores();
    this.#cores = cores.length >= 2 ? cores : [];
  }

  run(slot: number, job: ShardJob, batches: Iterable<SearchRecord[]>, atOnce = false): Promise<number> {
    let worker = this.#workers[slot];
    if (!worker) this.#workers[slot] = worker = new ShardWorker(this.#cores.length > 0 ? this.#cores[slot % this.#cores.length] : undefined);
    return worker.run(job, batches, atOnce);
  }

  async close(): Promise<void> {
    await Promise.all(this.#workers.map((w) => w?.close()));
  }
}

/**
 * The thread holds a batch or two of records at a time: the limit makes it collect its garbage early instead of
 * growing (two such threads live in the build's process, whose peak memory counts).
 */
const SHARD_WORKER_LIMITS = { maxOldGenerationSizeMb: 384 };

/** A shard being indexed by the thread: its batches still to send (null: all sent), and its promise. */
interface Pending {
  batches: Iterator<SearchRecord[]> | null;
  done: (peakKib: number) => void;
  fail: (error: Error) => void;
}

class ShardWorker {
  readonly #worker: Worker;
  readonly #pending = new Map<number, Pending>();
  #next = 0;
  readonly #core: number | undefined;

  constructor(core?: number) {
    this.#core = core;
    this.#worker = startWorker(import.meta.url, 'search-index-worker', SHARD_WORKER_LIMITS);
    this.#worker.on('message', (reply: ShardReply) => {
      const pending = this.#pending.get(reply.id);
      if (!pending) return;
      if (reply.kind === 'next') {
        if (pending.batches !== null) this.#send(reply.id, pending.batches, pending.fail);
        return;
      }
      this.#pending.delete(reply.id);
      if (reply.error === null) pending.done(reply.peakKib);
      else pending.fail(new SearchIndexError(reply.error));
    });
    this.#worker.on('error', (error) => this.#failAll(error));
    this.#worker.on('exit', (code) => {
      if (this.#pending.size > 0) this.#failAll(new SearchIndexError(`the search index worker stopped (exit code ${code})`));
    });
  }

  /** Builds the shard's next batch here, as the thread asks for it, and sends it (or the end of the records). */
  #send(id: number, batches: Iterator<SearchRecord[]>, fail: (error: Error) => void): boolean {
    let next: IteratorResult<SearchRecord[]>;
    try {
      next = batches.next();
    } catch (error) {
      // A record that cannot be built fails the shard; the thread is told the records ended, and is closed with the runner.
      this.#pending.delete(id);
      this.#worker.postMessage({ id, kind: 'end' } satisfies ShardRequest);
      fail(error instanceof Error ? error : new Error(String(error)));
      return false;
    }
    this.#worker.postMessage((next.done ? { id, kind: 'end' } : { id, kind: 'batch', records: next.value }) satisfies ShardRequest);
    return next.done !== true;
  }

  #failAll(error: Error): void {
    for (const { fail } of this.#pending.values()) fail(error);
    this.#pending.clear();
  }

  run(job: ShardJob, batches: Iterable<SearchRecord[]>, atOnce: boolean): Promise<number> {
    const id = this.#next++;
    return new Promise<number>((done, fail) => {
      const iterator = batches[Symbol.iterator]();
      this.#pending.set(id, { batches: atOnce ? null : iterator, done, fail });
      this.#worker.postMessage((this.#core === undefined ? { id, kind: 'start', job } : { id, kind: 'start', job, core: this.#core }) satisfies ShardRequest);
      // All at once: the thread's requests for more are then not answered.
      if (atOnce) while (this.#send(id, iterator, fail));
    });
  }

  async close(): Promise<void> {
    await this.#worker.terminate();
  }
}
