import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { watchMemory } from '../src/report/memory.js';

describe('watchMemory', () => {
  it('counts this process, and on Linux a child process that uses more', async () => {
    const watch = watchMemory();
    const own = process.resourceUsage().maxRSS / 1024;
    // A child that holds about 300 MiB for a second.
    const child = spawn(process.execPath, ['-e', 'const b = Buffer.alloc(300 * 1024 * 1024, 1); setTimeout(() => b.length, 1000);']);
    await new Promise((done) => child.on('exit', done));
    const peak = watch.stop();
    expect(peak).toBeGreaterThanOrEqual(own);
    if (process.platform === 'linux') expect(peak).toBeGreaterThan(300);
  }, 20_000);
});
