import { parentPort } from 'node:worker_threads';
import { renderArticleBatch, type ArticleBatchJob } from './article-batch.js';

/** Worker thread: renders the article batches it is sent, one at a time, and answers each. */
export interface BatchRequest {
  id: number;
  job: ArticleBatchJob;
}
export interface BatchReply {
  id: number;
  error: string | null;
}

parentPort?.on('message', (request: BatchRequest) => {
  renderArticleBatch(request.job).then(
    () => parentPort?.postMessage({ id: request.id, error: null } satisfies BatchReply),
    (error: unknown) =>
      parentPort?.postMessage({ id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies BatchReply),
  );
});
