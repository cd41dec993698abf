import { spawn, type ChildProcess } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { childrenPeakKib, noteChildPeak, watchMemory } from '../src/report/memory.js';

/** A child process holding about 300 MiB until it is killed; resolves once it holds them. */
async function holdingChild(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-e', 'const b = Buffer.alloc(300 * 1024 * 1024, 1); process.stdout.write("ready"); setInterval(() => b.length, 1000);']);
  await new Promise((done) => child.stdout!.once('data', done));
  return child;
}

async function kill(child: ChildProcess): Promise<void> {
  const exited = new Promise((done) => child.on('exit', done));
  child.kill();
  await exited;
}

describe('watchMemory', () => {
  it('counts this process', () => {
    const watch = watchMemory();
    const own = process.resourceUsage().maxRSS / 1024;
    expect(watch.stop()).toBeGreaterThanOrEqual(own);
  });

  it.runIf(process.platform === 'linux')('counts a child process noted before it stopped (its high-water mark)', async () => {
    const watch = watchMemory();
    const child = await holdingChild();
    const peak = childrenPeakKib();
    expect(peak).toBeGreaterThan(300 * 1024);
    noteChildPeak(peak);
    await kill(child);
    expect(watch.stop()).toBeGreaterThan(300);
  }, 20_000);

  it.runIf(process.platform === 'linux')('counts a child process still running when it stops', async () => {
    const watch = watchMemory();
    const child = await holdingChild();
    try {
      expect(watch.stop()).toBeGreaterThan(300);
    } finally {
      await kill(child);
    }
  }, 20_000);
});
