import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildOptions } from '../src/build/build.js';
import { Capture } from './fixtures/inputs/capture.js';
import { runCli, SEEDS } from './fixtures/inputs/run-cli.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'news-archive-overlap-'));
  await mkdir(join(dir, 'content'));
  for (const seed of (await readdir(SEEDS)).filter((f) => f.endsWith('.txt'))) await copyFile(join(SEEDS, seed), join(dir, 'content', seed));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function options(stderr: Capture, out = 'site'): BuildOptions {
  return { contentDir: join(dir, 'content'), outDir: join(dir, out), basePath: '/', siteUrl: null, stderr, stdout: new Capture(), progressThreshold: 0 };
}

async function files(root: string): Promise<Map<string, Buffer>> {
  const entries = (await readdir(root, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  const out = new Map<string, Buffer>();
  for (const e of entries) out.set(join(e.parentPath, e.name).slice(root.length), await readFile(join(e.parentPath, e.name)));
  return out;
}

describe('the search index written while a small render runs', { timeout: 120_000 }, () => {
  it('says so in the indexing line, and the site is the one a build without the cache writes', async () => {
    const stderr = new Capture();
    await build(options(stderr));
    await writeFile(join(dir, 'content', 'added.txt'), 'Harbour tariffs fall again\n\n"Tariffs will fall," Jane Roe said on Monday.\n');
    const rebuilt = new Capture();
    await build(options(rebuilt));
    expect(rebuilt.lines().find((l) => l.startsWith('indexing: '))).toMatch(/^indexing: feeds, sitemap and search index \(1 shard, indexed while rendering\), \d+ files in [\d.]+ s$/);
    await build({ ...options(new Capture(), 'fresh'), cache: false });
    const [site, fresh] = await Promise.all([files(join(dir, 'site')), files(join(dir, 'fresh'))]);
    expect([...site.keys()].sort()).toEqual([...fresh.keys()].sort());
    for (const [file, bytes] of site) expect(bytes.equals(fresh.get(file)!), file).toBe(true);
  });

  it('fails the build once rendered when Pagefind fails, as a build indexing after the render does, the previous site as it was', async () => {
    const before = await readFile(join(dir, 'site', 'records.json'), 'utf8');
    await writeFile(join(dir, 'content', 'another.txt'), 'Another harbour story\n\nText.\n');
    const binary = process.env.PAGEFIND_BINARY_PATH;
    process.env.PAGEFIND_BINARY_PATH = join(dir, 'no-such-pagefind');
    const stderr = new Capture();
    try {
      await expect(build(options(stderr))).rejects.toThrow(/^Pagefind could not start; reinstall with `npm ci`/);
    } finally {
      if (binary === undefined) delete process.env.PAGEFIND_BINARY_PATH;
      else process.env.PAGEFIND_BINARY_PATH = binary;
    }
    // The render finished (its line printed) before the failure was reported.
    expect(stderr.lines().filter((l) => l.startsWith('rendering: '))).toHaveLength(1);
    expect(await readFile(join(dir, 'site', 'records.json'), 'utf8')).toBe(before);
    expect((await readdir(dir)).filter((name) => name.startsWith('.news-archive-'))).toEqual([]);
  });

  it('starts the index as soon as the archive is assembled when few articles changed over pages of the same templates and options, not otherwise', () => {
    const order = (args: string[]): { search: number; siteData: number } => {
      const run = runCli(['build', '--content', 'content', '--out', 'cli-site', ...args], dir, { NEWS_ARCHIVE_DEBUG_MEMORY: '1' });
      expect(run.status, run.stderr).toBe(0);
      const lines = run.stderr.split('\n');
      return { search: lines.findIndex((l) => l.startsWith('search: ')), siteData: lines.findIndex((l) => l.startsWith('render: site data')) };
    };
    order([]);
    const again = order([]);
    expect(again.search).toBeGreaterThanOrEqual(0);
    expect(again.search).toBeLessThan(again.siteData);
    // Another base path changes every page: the index waits until the render knows it renders few.
    const moved = order(['--base-path', '/news/']);
    expect(moved.siteData).toBeGreaterThanOrEqual(0);
    expect(moved.search).toBeGreaterThan(moved.siteData);
  });
});
