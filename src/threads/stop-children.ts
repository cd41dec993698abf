import { readdirSync, readFileSync } from 'node:fs';

/**
 * The processes this process started, from any of its threads (Linux: `/proc/self/task/<tid>/children`); empty
 * where that cannot be read. The search index's Pagefind services are started by worker threads through the
 * pagefind package, which does not hand out its child process.
 */
export function childProcesses(): number[] {
  if (process.platform !== 'linux') return [];
  const pids = new Set<number>();
  let tasks: string[];
  try {
    tasks = readdirSync('/proc/self/task');
  } catch {
    return [];
  }
  for (const task of tasks) {
    try {
      for (const pid of readFileSync(`/proc/self/task/${task}/children`, 'utf8').split(' ')) if (/^\d+$/.test(pid)) pids.add(Number(pid));
    } catch {
      // The thread ended meanwhile, or the kernel does not list children: nothing to add.
    }
  }
  return [...pids].sort((a, b) => a - b);
}

/**
 * Stops the processes this process started (SIGTERM) and resolves once they are gone or after `waitMs`: an
 * interrupted build calls it before removing its staging folder, so that no Pagefind service writes into the
 * folder while it is removed. Resolves with the processes signalled.
 */
export async function stopChildProcesses(waitMs = 2000): Promise<number[]> {
  const signalled = childProcesses().filter((pid) => {
    try {
      process.kill(pid, 'SIGTERM');
      return true;
    } catch {
      return false;
    }
  });
  const until = Date.now() + waitMs;
  while (signalled.some(isAlive) && Date.now() < until) await new Promise((wake) => setTimeout(wake, 20));
  return signalled;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !isZombie(pid);
  } catch {
    return false;
  }
}

/** A child that exited but was not yet reaped still answers signal 0; its state in `/proc/<pid>/stat` is `Z`. */
function isZombie(pid: number): boolean {
  try {
    return /^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}
