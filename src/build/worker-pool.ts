import { Worker } from 'node:worker_threads';
import type { ExtractBatch, ExtractBatchResult } from './extract-worker.js';

/**
 * Starts one extraction worker. From compiled `dist/` the worker is `extract-worker.js` beside this file;
 * when this module runs as TypeScript source (the tests), the worker loads the `.ts` source through tsx.
 */
function startWorker(): Worker {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    const target = JSON.stringify(new URL('./extract-worker.ts', here).href);
    return new Worker(`import('tsx/esm/api').then((m) => { m.register(); return import(${target}); })`, { eval: true });
  }
  return new Worker(new URL('./extract-worker.js', here));
}

/**
 * Extracts `texts` on `count` worker threads, `batchSize` texts per message, and hands each finished batch to
 * `onBatch(start, results)` — in completion order; `start` is the index of the batch's first text.
 * Rejects when a worker fails; batches already handed over stay valid.
 */
export async function extractInWorkers(
  texts: readonly string[],
  count: number,
  batchSize: number,
  onBatch: (start: number, results: Array<string | null>) => void,
): Promise<void> {
  const batches: Array<{ start: number; end: number }> = [];
  for (let start = 0; start < texts.length; start += batchSize) batches.push({ start, end: Math.min(texts.length, start + batchSize) });
  if (batches.length === 0) return;
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let next = 0;
      let finished = 0;
      let failed = false;
      const fail = (error: unknown): void => {
        if (failed) return;
        failed = true;
        reject(error instanceof Error ? error : new Error(String(error)));
      };
      const send = (worker: Worker): void => {
        if (next >= batches.length) return;
        const id = next++;
        const batch = batches[id]!;
        const message: ExtractBatch = { id, texts: texts.slice(batch.start, batch.end) };
        worker.postMessage(message);
      };
      const workerCount = Math.max(1, Math.min(count, batches.length));
      for (let w = 0; w < workerCount; w++) {
        const worker = startWorker();
        workers.push(worker);
        worker.on('message', (result: ExtractBatchResult) => {
          if (failed) return;
          const batch = batches[result.id];
          if (!batch || result.results.length !== batch.end - batch.start) {
            fail(new Error(`extraction worker sent a malformed result for batch ${result.id}`));
            return;
          }
          try {
            onBatch(batch.start, result.results);
          } catch (error) {
            fail(error);
            return;
          }
          finished += 1;
          if (finished === batches.length) resolve();
          else send(worker);
        });
        worker.on('error', fail);
        worker.on('exit', (code) => {
          if (finished < batches.length) fail(new Error(`extraction worker exited (code ${code}) before the work was done`));
        });
        // Two batches in flight per worker, so a worker never waits for the main thread.
        send(worker);
        send(worker);
      }
    });
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
