import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { childProcesses, stopChildProcesses } from '../src/threads/stop-children.js';

describe.runIf(process.platform === 'linux')('stopChildProcesses', () => {
  it('lists the processes this process started and stops them', async () => {
    const child = spawn('sleep', ['30'], { stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((done) => child.on('exit', (_code, signal) => done(signal)));
    expect(child.pid).toBeTypeOf('number');
    expect(childProcesses()).toContain(child.pid);
    expect(await stopChildProcesses()).toContain(child.pid);
    expect(await exited).toBe('SIGTERM');
    expect(childProcesses()).not.toContain(child.pid);
  });
});
