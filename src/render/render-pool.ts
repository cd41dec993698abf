import { Worker } from 'node:worker_threads';
import type { ArticleBatchJob } from './article-batch.js';
import type { BatchReply, BatchRequest } from './render-worker.js';

/** A batch's live data is far smaller; the limit makes the worker collect garbage early, keeping its memory bounded. */
const LIMITS = { maxOldGenerationSizeMb: 1024 };

/** A worker thread rendering article batches; the `.ts` source is loaded through tsx when running as source (tests). */
export class RenderWorker {
  readonly #worker: Worker;
  readonly #pending = new Map<number, { done: () => void; fail: (error: Error) => void }>();
  #next = 0;

  constructor() {
    const here = import.meta.url;
    if (here.endsWith('.ts')) {
      const target = JSON.stringify(new URL('./render-worker.ts', here).href);
      this.#worker = new Worker(`import('tsx/esm/api').then((m) => { m.register(); return import(${target}); })`, { eval: true, resourceLimits: LIMITS });
    } else {
      this.#worker = new Worker(new URL('./render-worker.js', here), { resourceLimits: LIMITS });
    }
    this.#worker.on('message', (reply: BatchReply) => {
      const pending = this.#pending.get(reply.id);
      this.#pending.delete(reply.id);
      if (reply.error === null) pending?.done();
      else pending?.fail(new Error(`rendering articles in a worker thread failed: ${reply.error}`));
    });
    this.#worker.on('error', (error) => this.#failAll(error));
    this.#worker.on('exit', (code) => {
      if (this.#pending.size > 0) this.#failAll(new Error(`the render worker stopped (exit code ${code})`));
    });
  }

  #failAll(error: Error): void {
    for (const { fail } of this.#pending.values()) fail(error);
    this.#pending.clear();
  }

  render(job: ArticleBatchJob): Promise<void> {
    const id = this.#next++;
    return new Promise((done, fail) => {
      this.#pending.set(id, { done, fail });
      this.#worker.postMessage({ id, job } satisfies BatchRequest);
    });
  }

  async close(): Promise<void> {
    await this.#worker.terminate();
  }
}
