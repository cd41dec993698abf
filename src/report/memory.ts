import { readdirSync, readFileSync } from 'node:fs';

/** Peak resident memory of the build: this process (worker threads included) and the processes it starts. */
export interface MemoryWatch {
  /** Stops watching; returns the largest resident size of any one process of the build, in MiB. */
  stop(): number;
}

const SAMPLE_MS = 200;

/** Peak resident size (VmHWM) of a process in KiB, or 0 when it is gone. */
function peakKib(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** The processes this one started (and theirs), from Linux's `/proc/PID/task/TID/children`. */
function descendants(pid: number, seen = new Set<number>()): number[] {
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  for (const task of tasks) {
    let children = '';
    try {
      children = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8');
    } catch {
      continue;
    }
    for (const child of children.split(' ').filter(Boolean).map(Number)) {
      if (seen.has(child)) continue;
      seen.add(child);
      descendants(child, seen);
    }
  }
  return [...seen];
}

/**
 * Watches the peak memory of the build: `process.resourceUsage().maxRSS` for this process, and on Linux the
 * peak resident size of every child process (Pagefind's indexer, for instance), sampled while they run.
 * Elsewhere only this process is counted.
 */
export function watchMemory(): MemoryWatch {
  let childPeakKib = 0;
  const sample = (): void => {
    for (const pid of descendants(process.pid)) childPeakKib = Math.max(childPeakKib, peakKib(pid));
  };
  const timer = process.platform === 'linux' ? setInterval(sample, SAMPLE_MS) : null;
  timer?.unref();
  return {
    stop() {
      if (timer !== null) {
        clearInterval(timer);
        sample();
      }
      return Math.max(process.resourceUsage().maxRSS, childPeakKib) / 1024;
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
