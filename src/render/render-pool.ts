import type { Worker } from 'node:worker_threads';
import { startWorker } from '../threads/start-worker.js';
import { portableJob, type RenderJob } from './render-job.js';
import type { JobReply, JobRequest } from './render-worker.js';

/** Bounds of each render worker's heap. */
export interface WorkerLimits {
  /** Old generation, MiB: a job's live data is far smaller; the limit makes the worker collect early, so its memory stays bounded. */
  maxOldGenerationSizeMb: number;
  /** Young generation, MiB: rendering makes many short-lived objects; room for them keeps them from being promoted and collected again. */
  maxYoungGenerationSizeMb: number;
}

/**
 * Default limits of a render worker. A young generation of 96 MiB (semi-spaces of 32) rather than 48: an article job
 * collects its young generation half as often, each time copying about as much (the job's pages, held to its end),
 * for ~10 % less CPU in the worker (article jobs of 1,000, two workers, medians of 4 runs: 5.3 s against 6.0 for
 * 6,000 pages) and ~20–80 MB more resident memory at 20,000 articles; 128 MiB saved no more CPU and cost ~190 MB.
 */
export const WORKER_LIMITS: WorkerLimits = { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 96 };

interface Pending {
  job: RenderJob;
  done: (pages: number) => void;
  fail: (error: Error) => void;
}

/** A job sent to its thread: only what its answer needs (the job's data is in the worker; this thread lets it go). */
interface Started {
  /** "N kind", for the debug line. */
  what: string;
  done: (pages: number) => void;
  fail: (error: Error) => void;
}

/** One worker thread rendering jobs one at a time; the `.ts` source is loaded through tsx when running as source (tests). */
class RenderThread {
  readonly worker: Worker;
  current: Started | null = null;

  constructor(limits: WorkerLimits, onIdle: (thread: RenderThread) => void, onDead: (thread: RenderThread, error: Error) => void) {
    this.worker = startWorker(import.meta.url, 'render-worker', { ...limits });
    this.worker.on('message', (reply: JobReply) => {
      const pending = this.current;
      if (process.env.NEWS_ARCHIVE_DEBUG_MEMORY && pending) {
        process.stderr.write(`render: worker ${this.worker.threadId}: ${pending.what} in ${reply.ms} ms, heap ${reply.heapMb} MB\n`);
      }
      this.current = null;
      if (reply.error === null) pending?.done(reply.pages);
      else pending?.fail(new Error(`rendering pages in a worker thread failed: ${reply.error}`));
      onIdle(this);
    });
    this.worker.on('error', (error) => onDead(this, error));
    this.worker.on('exit', (code) => onDead(this, new Error(`a render worker stopped (exit code ${code})`)));
  }

  start({ job, done, fail }: Pending): void {
    this.current = { what: `${job.items.length} ${job.kind}`, done, fail };
    this.worker.postMessage({ job: portableJob(job) } satisfies JobRequest);
  }
}

/**
 * Worker threads rendering jobs (Eleventy runs) from one queue: each takes the next job as soon as
 * it is free, so the threads share the work however uneven the jobs are. A job's pages are the
 * same whichever thread renders them.
 */
export class RenderPool {
  readonly #threads: RenderThread[] = [];
  readonly #queue: Pending[] = [];
  #closed = false;
  #failure: Error | null = null;

  constructor(size: number, limits: WorkerLimits = WORKER_LIMITS) {
    for (let i = 0; i < size; i += 1) {
      this.#threads.push(
        new RenderThread(
          limits,
          (thread) => this.#next(thread),
          (thread, error) => this.#dead(thread, error),
        ),
      );
    }
  }

  get size(): number {
    return this.#threads.length;
  }

  /** Each thread's heap limits, as the worker reports them. */
  resourceLimits(): Partial<WorkerLimits>[] {
    return this.#threads.map((t) => t.worker.resourceLimits ?? {});
  }

  #next(thread: RenderThread): void {
    const pending = this.#queue.shift();
    if (pending) thread.start(pending);
  }

  #dead(thread: RenderThread, error: Error): void {
    if (this.#closed) return;
    this.#failure ??= error;
    thread.current?.fail(error);
    thread.current = null;
    const at = this.#threads.indexOf(thread);
    if (at >= 0) this.#threads.splice(at, 1);
    if (this.#threads.length === 0) for (const pending of this.#queue.splice(0)) pending.fail(error);
  }

  /**
   * Renders `job` on the first free thread; resolves with the number of pages written. The pool holds the job only
   * until it is sent (structured cloning copies it to the worker), so its data can go while it renders.
   */
  render(job: RenderJob): Promise<number> {
    if (this.#threads.length === 0) return Promise.reject(this.#failure ?? new Error('the render pool has no threads'));
    return new Promise((done, fail) => {
      const pending = { job, done, fail };
      const idle = this.#threads.find((t) => t.current === null);
      if (idle) idle.start(pending);
      else this.#queue.push(pending);
    });
  }

  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all(this.#threads.map((t) => t.worker.terminate()));
  }
}
