import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { allowedCores } from '../src/threads/pin-thread.js';

const affinity = (status: string): string => /^Cpus_allowed_list:\s*(.+)$/m.exec(status)?.[1]?.trim() ?? '';

/** Pins a fresh worker thread to `core` and reports what it got back and what its own and a child's affinity became. */
function pinInWorker(core: number): Promise<{ pinned: boolean; thread: string; child: string }> {
  const target = JSON.stringify(new URL('../src/threads/pin-thread.ts', import.meta.url).href);
  const code = `
    const { parentPort } = require('node:worker_threads');
    const { readFileSync } = require('node:fs');
    const { execFileSync } = require('node:child_process');
    import('tsx/esm/api').then((m) => { m.register(); return import(${target}); }).then(({ pinThisThread }) => {
      const pinned = pinThisThread(${core});
      const thread = readFileSync('/proc/thread-self/status', 'utf8');
      let child = '';
      try { child = execFileSync('cat', ['/proc/self/status'], { encoding: 'utf8' }); } catch {}
      parentPort.postMessage({ pinned, thread, child });
    });`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true });
    worker.once('message', (m: { pinned: boolean; thread: string; child: string }) => {
      void worker.terminate();
      resolve({ pinned: m.pinned, thread: affinity(m.thread), child: affinity(m.child) });
    });
    worker.once('error', reject);
  });
}

describe('pinThisThread', { timeout: 60_000 }, () => {
  it('knows the cores this process may use', () => {
    const cores = allowedCores();
    if (process.platform !== 'linux') expect(cores).toEqual([]);
    else {
      expect(cores.length).toBe(availableParallelism());
      expect([...cores].sort((a, b) => a - b)).toEqual(cores);
    }
  });

  it('pins the calling thread and what it starts to one core where taskset is found, and nothing else; otherwise changes nothing', async () => {
    const before = affinity(readFileSync('/proc/self/status', 'utf8'));
    const core = allowedCores().at(-1) ?? 0;
    const { pinned, thread, child } = await pinInWorker(core);
    const hasTaskset = process.platform === 'linux' && spawnSync('taskset', ['-V']).status === 0;
    expect(pinned).toBe(hasTaskset);
    expect(thread).toBe(hasTaskset ? String(core) : before);
    expect(child).toBe(hasTaskset ? String(core) : before);
    // The main thread (and the process as a whole) keeps every core.
    expect(affinity(readFileSync('/proc/thread-self/status', 'utf8'))).toBe(before);
  });
});
