import { copyFile, mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, SEEDS, snapshot, startCli } from './fixtures/inputs/run-cli.js';

let dir: string;

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Waits until `check` holds, polling every 5 ms, for at most `ms`. */
async function until(check: () => Promise<boolean>, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return true;
    await sleep(5);
  }
  return false;
}

const staging = async (): Promise<string | null> => (await readdir(dir)).find((n) => n.startsWith('.news-archive-site.building-')) ?? null;
/** The staging folder holds a records.json written since `since`. */
const recordsWritten = async (name: string, since: number): Promise<boolean> =>
  stat(join(dir, name, 'records.json')).then(
    (info) => info.mtimeMs >= since,
    () => false,
  );

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'news-archive-kill-'));
  await mkdir(join(dir, 'content'));
  for (const seed of (await readdir(SEEDS)).filter((f) => f.endsWith('.txt'))) await copyFile(join(SEEDS, seed), join(dir, 'content', seed));
  const first = runCli(['build', '--out', 'site'], dir);
  expect(first.status).toBe(0);
  // The next builds have something new to write.
  await writeFile(join(dir, 'content', 'new.txt'), 'A new article\n\n"It changes the site," Anna Berg said.\n');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a build killed halfway', () => {
  it('SIGKILL with the new site complete but not swapped in: the previous site is intact', async () => {
    const before = await snapshot(join(dir, 'site'));
    const since = Date.now();
    const child = startCli(['build', '--out', 'site'], dir, { NEWS_ARCHIVE_TEST_PAUSE_BEFORE_SWAP_MS: '20000' });
    const exited = new Promise((done) => child.on('exit', done));
    const ready = await until(async () => {
      const name = await staging();
      return name !== null && (await recordsWritten(name, since));
    }, 30_000);
    expect(ready).toBe(true);
    child.kill('SIGKILL');
    await exited;
    expect(await snapshot(join(dir, 'site'))).toEqual(before);

    // The next build cleans up what the killed one left and swaps in the new site.
    const next = runCli(['build', '--out', 'site'], dir);
    expect(next.status).toBe(0);
    expect(await staging()).toBeNull();
    expect(await snapshot(join(dir, 'site'))).not.toEqual(before);
  }, 60_000);

  it('SIGKILL as soon as the build starts writing: the previous site is intact', async () => {
    const before = await snapshot(join(dir, 'site'));
    await writeFile(join(dir, 'content', 'newer.txt'), 'A newer article\n\nText.\n');
    const child = startCli(['build', '--out', 'site', '--no-cache'], dir);
    const exited = new Promise((done) => child.on('exit', done));
    await until(async () => (await staging()) !== null, 30_000);
    child.kill('SIGKILL');
    await exited;
    expect(await snapshot(join(dir, 'site'))).toEqual(before);
  }, 60_000);

  it('SIGTERM: the build removes its staging folder and leaves the site', async () => {
    const before = await snapshot(join(dir, 'site'));
    await writeFile(join(dir, 'content', 'newest.txt'), 'The newest article\n\nText.\n');
    const since = Date.now();
    const child = startCli(['build', '--out', 'site'], dir, { NEWS_ARCHIVE_TEST_PAUSE_BEFORE_SWAP_MS: '20000' });
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    await until(async () => {
      const name = await staging();
      return name !== null && (await recordsWritten(name, since));
    }, 30_000);
    child.kill('SIGTERM');
    expect(await exited).toBe(143);
    expect(await staging()).toBeNull();
    expect(await snapshot(join(dir, 'site'))).toEqual(before);
  }, 60_000);
});
