import type { Worker } from 'node:worker_threads';
import { startWorker } from '../threads/start-worker.js';
import type { ExtractBatch, ExtractBatchResult } from './extract-worker.js';

/** What the run in progress does with a worker's answer or failure. */
interface Run {
  answer(worker: Worker, result: ExtractBatchResult): void;
  fail(error: Error): void;
}

/**
 * Extraction worker threads kept for a whole build: started on the first `run`, reused by the next ones
 * (a build extracts its articles chunk by chunk, so that it never holds every text at once), stopped by `close`.
 * Once a worker fails, the pool is broken and every later `run` rejects at once.
 */
export class ExtractPool {
  readonly #count: number;
  readonly #workers: Worker[] = [];
  #run: Run | null = null;
  #broken: Error | null = null;

  /** `count` worker threads, at least one. */
  constructor(count: number) {
    this.#count = Math.max(1, count);
  }

  #start(): void {
    while (this.#workers.length < this.#count) {
      const worker = startWorker(import.meta.url, 'extract-worker');
      this.#workers.push(worker);
      worker.on('message', (result: ExtractBatchResult) => this.#run?.answer(worker, result));
      worker.on('error', (error) => this.#breakDown(error));
      worker.on('exit', (code) => this.#breakDown(new Error(`extraction worker exited (code ${code}) before the work was done`)));
    }
  }

  #breakDown(error: Error): void {
    if (this.#broken !== null) return;
    this.#broken = error;
    this.#run?.fail(error);
  }

  /**
   * Extracts `texts`, `batchSize` texts per message, and hands each finished batch to `onBatch(start, results)` —
   * in completion order; `start` is the index of the batch's first text, and each result the UTF-8 bytes of the
   * article's JSON (views of the buffer the worker transferred), or null where the extractor threw. Rejects when
   * a worker fails; batches already handed over stay valid. One run at a time.
   */
  run(texts: readonly string[], batchSize: number, onBatch: (start: number, results: Array<Buffer | null>) => void): Promise<void> {
    if (this.#broken !== null) return Promise.reject(this.#broken);
    if (this.#run !== null) return Promise.reject(new Error('ExtractPool.run: a run is already in progress'));
    const batches: Array<{ start: number; end: number }> = [];
    for (let start = 0; start < texts.length; start += batchSize) batches.push({ start, end: Math.min(texts.length, start + batchSize) });
    if (batches.length === 0) return Promise.resolve();
    this.#start();
    return new Promise<void>((resolve, reject) => {
      let next = 0;
      let finished = 0;
      const end = (error: Error | null): void => {
        this.#run = null;
        if (error === null) resolve();
        else reject(error);
      };
      const send = (worker: Worker): void => {
        if (next >= batches.length) return;
        const id = next++;
        const batch = batches[id]!;
        worker.postMessage({ id, texts: texts.slice(batch.start, batch.end) } satisfies ExtractBatch);
      };
      this.#run = {
        answer: (worker, result) => {
          const batch = batches[result.id];
          const results = batch === undefined || result.lengths.length !== batch.end - batch.start ? null : resultViews(result);
          if (!batch || results === null) {
            this.#breakDown(new Error(`extraction worker sent a malformed result for batch ${result.id}`));
            return;
          }
          try {
            onBatch(batch.start, results);
          } catch (error) {
            end(error instanceof Error ? error : new Error(String(error)));
            return;
          }
          finished += 1;
          if (finished === batches.length) end(null);
          else send(worker);
        },
        fail: (error) => end(error),
      };
      // Two batches in flight per worker, so a worker never waits for the main thread.
      for (const worker of this.#workers.slice(0, batches.length)) {
        send(worker);
        send(worker);
      }
    });
  }

  /** Stops the workers. */
  async close(): Promise<void> {
    this.#broken ??= new Error('the extraction pool is closed');
    const workers = this.#workers.splice(0);
    for (const worker of workers) worker.removeAllListeners('exit');
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

/** Each result of a batch as a view of the bytes sent (null where the extractor threw); null when they do not add up. */
function resultViews({ bytes, lengths }: ExtractBatchResult): Array<Buffer | null> | null {
  const all = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  const views = lengths.map((length) => {
    if (length < 0) return null;
    const view = all.subarray(at, at + length);
    at += length;
    return view;
  });
  return at === all.length ? views : null;
}
