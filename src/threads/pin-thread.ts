import { execFileSync } from 'node:child_process';
import { readFileSync, readlinkSync } from 'node:fs';

/**
 * Pinning a thread to one core, so that the processes it starts from then on (a child inherits the affinity of the
 * thread that starts it) run on that core alone: the search index pins each Pagefind service so (see
 * `search-workers.ts`). Linux only, with util-linux's `taskset`; wherever that is missing or refuses, nothing is
 * pinned and nothing else changes.
 */

/** The cores this process may run on (`Cpus_allowed_list` of `/proc/self/status`), ascending; empty where unknown. */
export function allowedCores(): number[] {
  if (process.platform !== 'linux') return [];
  try {
    const line = /^Cpus_allowed_list:\s*(.+)$/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? '';
    const cores: number[] = [];
    for (const part of line.trim().split(',')) {
      const range = /^(\d+)(?:-(\d+))?$/.exec(part);
      if (!range) return [];
      for (let core = Number(range[1]); core <= Number(range[2] ?? range[1]); core += 1) cores.push(core);
    }
    return cores;
  } catch {
    return [];
  }
}

/** Pins the calling thread to `core`; false, and nothing changed, where it cannot. */
export function pinThisThread(core: number): boolean {
  if (process.platform !== 'linux') return false;
  try {
    // The link names this thread's task (`<pid>/task/<tid>`): a synchronous call runs on the calling thread itself.
    const tid = readlinkSync('/proc/thread-self').split('/').pop() ?? '';
    if (!/^\d+$/.test(tid)) return false;
    execFileSync('taskset', ['-p', '-c', String(core), tid], { stdio: 'ignore', timeout: 5000 });
    return true;
  } catch {
    return false;
  }
}
