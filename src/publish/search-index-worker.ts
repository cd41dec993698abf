import { parentPort } from 'node:worker_threads';
import { indexShard, type ShardJob } from './search-pagefind.js';

/** A worker thread indexing shards one at a time, with a Pagefind service of its own (see `search-workers.ts`). */

export interface ShardRequest {
  id: number;
  job: ShardJob;
}

export interface ShardReply {
  id: number;
  /** null when the shard was written. */
  error: string | null;
}

parentPort?.on('message', (request: ShardRequest) => {
  indexShard(request.job).then(
    () => parentPort?.postMessage({ id: request.id, error: null } satisfies ShardReply),
    (error: unknown) => parentPort?.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) } satisfies ShardReply),
  );
});
