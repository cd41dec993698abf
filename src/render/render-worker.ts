import { parentPort } from 'node:worker_threads';
import { renderJob, type RenderJob } from './render-job.js';
import { preloadEleventy } from './run-eleventy.js';

/** Worker thread: renders the jobs it is sent, one at a time, and answers each. */
export interface JobRequest {
  job: RenderJob;
}
export interface JobReply {
  error: string | null;
  /** HTML pages written. */
  pages: number;
  /** Milliseconds the job took, and this thread's heap after it, in MB. */
  ms: number;
  heapMb: number;
}

// A worker is started before the render knows its jobs (while the main thread makes the site data): Eleventy loads meanwhile.
preloadEleventy();

parentPort?.on('message', (request: JobRequest) => {
  const started = performance.now();
  const reply = (error: string | null, pages = 0): void =>
    parentPort?.postMessage({ error, pages, ms: Math.round(performance.now() - started), heapMb: Math.round(process.memoryUsage().heapUsed / 1e6) } satisfies JobReply);
  renderJob(request.job).then(
    (pages) => reply(null, pages),
    (error: unknown) => reply(error instanceof Error ? (error.stack ?? error.message) : String(error)),
  );
});
