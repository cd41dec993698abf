import { parentPort } from 'node:worker_threads';
import { extractArticle } from '../extract/index.js';

/** A batch of article texts sent to a worker. */
export interface ExtractBatch {
  id: number;
  texts: string[];
}

/** The batch's results, in order: each article's record as JSON, or null when extraction threw. */
export interface ExtractBatchResult {
  id: number;
  results: Array<string | null>;
}

/** Extracts one batch; results travel back as JSON text, which the cache stores as is. */
export function extractBatch(batch: ExtractBatch): ExtractBatchResult {
  return {
    id: batch.id,
    results: batch.texts.map((text) => {
      try {
        return JSON.stringify(extractArticle(text));
      } catch {
        return null;
      }
    }),
  };
}

parentPort?.on('message', (batch: ExtractBatch) => {
  parentPort?.postMessage(extractBatch(batch));
});
