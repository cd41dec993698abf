import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPTIONS } from '../src/cli/options.js';
import { runCli, snapshot, startCli } from './fixtures/inputs/run-cli.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'news-archive-cli-'));
  await mkdir(join(dir, 'content'));
  await writeFile(join(dir, 'content', 'one.txt'), 'A headline for the test\n\n"We will see," Anna Berg said.\n');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const oneLine = (text: string): void => {
  expect(text.trimEnd().split('\n')).toHaveLength(1);
};

describe('news-archive (the command line)', () => {
  it('--help documents every option and exits 0', () => {
    const run = runCli(['--help'], dir);
    expect(run.status).toBe(0);
    for (const option of OPTIONS) expect(run.stdout).toContain(`--${option.name}`);
    expect(runCli(['build', '-h'], dir).status).toBe(0);
  });

  it('--version prints the version', () => {
    const run = runCli(['--version'], dir);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('a wrong option: one line, exit status 2', () => {
    const run = runCli(['build', '--contnet', 'content'], dir);
    expect(run.status).toBe(2);
    oneLine(run.stderr);
    expect(run.stderr).toContain("unknown option '--contnet'");
  });

  it('no command: the help on stderr, exit status 2', () => {
    const run = runCli([], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Usage');
  });

  it('a missing content folder: one line, exit status 2', () => {
    const run = runCli(['build', '--content', 'nowhere', '--out', 'site'], dir);
    expect(run.status).toBe(2);
    oneLine(run.stderr);
    expect(run.stderr).toContain("'nowhere' does not exist");
  });

  it('--out . in a non-empty folder is refused and nothing is deleted', async () => {
    const before = await snapshot(dir);
    const run = runCli(['build', '--out', '.'], dir);
    expect(run.status).toBe(2);
    oneLine(run.stderr);
    expect(run.stderr).toMatch(/refusing/);
    expect(await snapshot(dir)).toEqual(before);
    expect((await readdir(dir)).sort()).toEqual(['content']);
  });

  it('refuses a non-empty --out not written by news-archive', async () => {
    await mkdir(join(dir, 'mine'), { recursive: true });
    await writeFile(join(dir, 'mine', 'notes.txt'), 'keep me');
    const run = runCli(['build', '--out', 'mine'], dir);
    expect(run.status).toBe(2);
    expect(await readdir(join(dir, 'mine'))).toEqual(['notes.txt']);
  });

  it('refuses an --out holding the content folder', () => {
    const run = runCli(['build', '--content', 'content', '--out', '.'], dir);
    expect(run.status).toBe(2);
    const inside = runCli(['build', '--content', 'content', '--out', 'content/site'], dir);
    expect(inside.status).toBe(2);
    expect(inside.stderr).toContain('inside the content folder');
  });

  it('builds, ends with a summary line, and builds again over its own output', async () => {
    const first = runCli(['build', '--out', 'site', '--base-path', 'news/archive', '--no-cache'], dir);
    expect(first.stderr).not.toContain(': error: ');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/news-archive: 1 article built, 0 left out, \d+ warnings?, \d+ pages? written in [\d.]+ s, peak memory \d+ MiB/);
    const names = await readdir(join(dir, 'site'));
    expect(names).toContain('records.json');
    expect(names).toContain('.news-archive');
    const second = runCli(['build', '--out', 'site'], dir);
    expect(second.status).toBe(0);
    // Nothing is left beside --out but the cache.
    expect((await readdir(dir)).filter((n) => n.startsWith('.') && n !== '.cache')).toEqual([]);
  });

  it('serve builds, serves the site under the base path, and stops on SIGTERM', async () => {
    const child = startCli(['serve', '--out', 'served', '--port', '0', '--base-path', '/news/'], dir);
    let stderr = '';
    const url = await new Promise<string>((found, fail) => {
      const timer = setTimeout(() => fail(new Error(`no URL from serve: ${stderr}`)), 60_000);
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        const m = /news-archive serve: (http:\/\/\S+)/.exec(stderr);
        if (m) {
          clearTimeout(timer);
          found(m[1]!);
        }
      });
    });
    expect(url).toMatch(/^http:\/\/localhost:\d+\/news\/$/);
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<html');
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 90_000);

  it('serve refuses a missing content folder or an --out it must not replace, with exit status 2', async () => {
    const missing = runCli(['serve', '--content', 'nowhere'], dir);
    expect(missing.status, missing.stderr).toBe(2);
    await mkdir(join(dir, 'notes'), { recursive: true });
    await writeFile(join(dir, 'notes', 'todo.txt'), 'keep me');
    const run = runCli(['serve', '--out', 'notes'], dir);
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/refusing to replace 'notes'/);
  });
});
