import { parentPort } from 'node:worker_threads';
import { extractArticle } from '../extract/index.js';

/** A batch of article texts sent to a worker. */
export interface ExtractBatch {
  id: number;
  texts: string[];
}

/**
 * The batch's results, in order: each article's record as JSON text, UTF-8, one after another in `bytes` (its buffer
 * transferred, not copied: the main thread writes these bytes to the cache as they are and reads the body out of them
 * as bytes, `readCachedArticle`); `lengths` the byte length of each, -1 where extraction threw.
 */
export interface ExtractBatchResult {
  id: number;
  bytes: Uint8Array<ArrayBuffer>;
  lengths: number[];
}

/** Where a batch's JSON is encoded before its bytes are copied out: kept from batch to batch. */
let scratch = Buffer.allocUnsafe(0);

/** Extracts one batch; results travel back as the bytes of their JSON text, which the cache stores as they are. */
export function extractBatch(batch: ExtractBatch): ExtractBatchResult {
  const jsons = batch.texts.map((text) => {
    try {
      return JSON.stringify(extractArticle(text));
    } catch {
      return null;
    }
  });
  // At most three bytes of UTF-8 per UTF-16 code unit.
  let room = 0;
  for (const json of jsons) room += json === null ? 0 : json.length * 3;
  if (scratch.length < room) scratch = Buffer.allocUnsafe(Math.max(room, scratch.length * 2));
  let at = 0;
  const lengths = jsons.map((json) => {
    if (json === null) return -1;
    const written = scratch.write(json, at, 'utf8');
    at += written;
    return written;
  });
  // A copy of the bytes written, in a buffer of its own that can be transferred.
  const bytes = new Uint8Array(at);
  bytes.set(scratch.subarray(0, at));
  return { id: batch.id, bytes, lengths };
}

parentPort?.on('message', (batch: ExtractBatch) => {
  const result = extractBatch(batch);
  parentPort?.postMessage(result, [result.bytes.buffer]);
});
