import { readFileSync } from 'node:fs';
import { childProcesses } from '../threads/stop-children.js';

/** Peak resident memory of the build: this process (worker threads included) and the processes it starts. */
export interface MemoryWatch {
  /** Stops watching; returns the largest resident size of any one process of the build, in MiB. */
  stop(): number;
}

/** Peak resident size (VmHWM) of a process in KiB, or 0 when it is gone. */
function peakKib(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/**
 * The largest peak resident size (VmHWM, in KiB) of the processes this one started and that still run, from any
 * thread (Linux; 0 elsewhere). A process's VmHWM is its high-water mark: read just before the process is stopped,
 * it is the peak of its whole life. Whoever stops a child process reads it so (the search index, before closing a
 * Pagefind service) and hands the figure to `noteChildPeak` on the main thread.
 */
export function childrenPeakKib(): number {
  let peak = 0;
  for (const pid of childProcesses()) peak = Math.max(peak, peakKib(pid));
  return peak;
}

/** The watches running, each with the largest child process peak noted (KiB). */
const watches = new Set<{ childPeakKib: number }>();

/** Notes the peak resident size (KiB, `childrenPeakKib`) of child processes about to be stopped, for the running watches. */
export function noteChildPeak(kib: number): void {
  for (const watch of watches) watch.childPeakKib = Math.max(watch.childPeakKib, kib);
}

/**
 * Watches the peak memory of the build: `process.resourceUsage().maxRSS` for this process, and on Linux the
 * peak resident size of every child process (Pagefind's services) — noted by whoever stops one (`noteChildPeak`),
 * and read of those still running when the watch stops. Nothing is sampled meanwhile: a child's high-water mark
 * read before it stops is exact, where sampling every few hundred milliseconds read `/proc` for every thread of
 * the process all through the build.
 */
export function watchMemory(): MemoryWatch {
  const watch = { childPeakKib: 0 };
  watches.add(watch);
  return {
    stop() {
      watches.delete(watch);
      watch.childPeakKib = Math.max(watch.childPeakKib, childrenPeakKib());
      return Math.max(process.resourceUsage().maxRSS, watch.childPeakKib) / 1024;
    },
  };
}

/**
 * For developers: with NEWS_ARCHIVE_DEBUG_MEMORY set, prints `label` and this thread's heap after a full
 * collection (when node runs with --expose-gc) and the process's resident size, on stderr.
 */
export function debugMemory(label: string): void {
  if (!process.env.NEWS_ARCHIVE_DEBUG_MEMORY) return;
  (globalThis as { gc?: () => void }).gc?.();
  const { heapUsed, rss, external, arrayBuffers } = process.memoryUsage();
  const mb = (n: number): number => Math.round(n / 1e6);
  process.stderr.write(`${label}: heap ${mb(heapUsed)} MB, external ${mb(external)} MB (array buffers ${mb(arrayBuffers)}), rss ${mb(rss)} MB\n`);
}
