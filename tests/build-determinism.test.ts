import { copyFile, cp, mkdir, mkdtemp, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/build/build.js';
import { PAGES_MANIFEST } from '../src/render/page-reuse.js';
import { isListedPage, listHtmlPages, sitemapXml } from '../src/publish/sitemap.js';
import { Capture } from './fixtures/inputs/capture.js';
import { runCli, SEEDS, snapshot } from './fixtures/inputs/run-cli.js';

let dir: string;
const extra: Record<string, string> = {
  'b/second.md': '---\ntitle: Second\ndate: 2024-01-02\n---\nText of the second article. "It is fine," Anna Berg said.\n',
  'a/first.txt': 'First article\n\nJanuary 1, 2024\n\n"We agree," Anna Berg said.\n',
  'same-1.txt': 'Same title\n\nOne body.\n',
  'same-2.txt': 'Same title\n\nAnother body.\n',
};

async function writeContent(content: string, reverse: boolean): Promise<void> {
  const seeds = (await readdir(SEEDS)).filter((f) => f.endsWith('.txt'));
  const files: Array<[string, () => Promise<void>]> = [
    ...seeds.map((seed): [string, () => Promise<void>] => [seed, () => copyFile(join(SEEDS, seed), join(content, seed))]),
    ...Object.entries(extra).map(([file, text]): [string, () => Promise<void>] => [
      file,
      async () => {
        await mkdir(join(content, file, '..'), { recursive: true });
        await writeFile(join(content, file), text);
      },
    ]),
  ];
  if (reverse) files.reverse();
  for (const [, write] of files) await write();
}

/** The `<loc>`s of a sitemap. */
const locs = (xml: string): string[] => [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]!);

/** The sitemap names the pages a walk of the finished site finds (the build takes them from the render instead). */
async function expectSitemapOfWalk(site: string): Promise<void> {
  const walked = (await listHtmlPages(site)).filter(isListedPage);
  expect(walked.length).toBeGreaterThan(2);
  const expected = locs(sitemapXml(walked, { basePath: '/', siteUrl: 'https://example.org/' }));
  expect(locs(await readFile(join(site, 'sitemap.xml'), 'utf8'))).toEqual(expected);
}

async function buildInto(content: string, out: string, cache: boolean): Promise<Record<string, string>> {
  await build({ contentDir: content, outDir: out, basePath: '/', siteUrl: 'https://example.org/', cache, stderr: new Capture(), stdout: new Capture() });
  return snapshot(out);
}

/** The digests of the site's pages, as the build notes them for the next one. */
async function pageDigestsOf(site: string): Promise<Record<string, string>> {
  return (JSON.parse(await readFile(join(site, PAGES_MANIFEST), 'utf8')) as { pages: Record<string, string> }).pages;
}

/** The inode of each of `files` in `site`. */
async function inodes(site: string, files: readonly string[]): Promise<Map<string, number>> {
  return new Map(await Promise.all(files.map(async (file): Promise<[string, number]> => [file, (await stat(join(site, file))).ino])));
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'news-archive-determinism-'));
  await mkdir(join(dir, 'one', 'content'), { recursive: true });
  await mkdir(join(dir, 'two', 'content'), { recursive: true });
  await writeContent(join(dir, 'one', 'content'), false);
  await writeContent(join(dir, 'two', 'content'), true);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('determinism', () => {
  it('the same content gives byte-identical output, whatever the order files were created in, with or without the cache', async () => {
    const first = await buildInto(join(dir, 'one', 'content'), join(dir, 'one', 'site'), false);
    const again = await buildInto(join(dir, 'one', 'content'), join(dir, 'one', 'site'), true);
    const cached = await buildInto(join(dir, 'one', 'content'), join(dir, 'one', 'site'), true);
    const reversed = await buildInto(join(dir, 'two', 'content'), join(dir, 'two', 'site'), true);
    expect(Object.keys(first).length).toBeGreaterThan(2);
    expect(again).toEqual(first);
    expect(cached).toEqual(first);
    expect(reversed).toEqual(first);
  }, 60_000);

  it('does not depend on the time zone the build runs in', async () => {
    const sites: Array<Record<string, string>> = [];
    for (const [i, tz] of ['UTC', 'Pacific/Kiritimati', 'America/Adak'].entries()) {
      const run = runCli(['build', '--content', 'one/content', '--out', `tz-${i}`, '--site-url', 'https://example.org/'], dir, { TZ: tz });
      expect(run.status, run.stderr).toBe(0);
      sites.push(await snapshot(join(dir, `tz-${i}`)));
    }
    const differing = (a: Record<string, string>, b: Record<string, string>): string[] =>
      [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((file) => a[file] !== b[file]);
    expect(differing(sites[0]!, sites[1]!)).toEqual([]);
    expect(differing(sites[0]!, sites[2]!)).toEqual([]);
  }, 120_000);

  it('a rebuild after files are changed in place, added, removed and renamed gives the output of a build from nothing', async () => {
    const content = join(dir, 'three', 'content');
    await mkdir(join(dir, 'three'), { recursive: true });
    await cp(join(dir, 'one', 'content'), content, { recursive: true });
    // Old files, so the rebuild trusts their timestamps and reads only what changed.
    const old = new Date(Date.now() - 3_600_000);
    const age = async (file: string): Promise<void> => utimes(join(content, file), old, old);
    for (const file of await readdir(content, { recursive: true })) await age(file);
    const site = join(dir, 'three', 'site');
    await buildInto(content, site, true);
    await buildInto(content, site, true);

    const seeds = (await readdir(content)).filter((f) => f.endsWith('.txt') && !f.startsWith('same-')).sort();
    // Changed in place: same length, same modification time.
    const text = await readFile(join(content, seeds[0]!), 'utf8');
    await writeFile(join(content, seeds[0]!), text.replace(/[a-z]/, (c) => (c === 'e' ? 'o' : 'e')));
    await age(seeds[0]!);
    await writeFile(join(content, 'b', 'added.md'), '---\ntitle: Added\ndate: 2024-02-03\n---\n"We will see," Anna Berg said.\n');
    await age('b/added.md');
    await rename(join(content, seeds[1]!), join(content, 'a', 'renamed.txt'));
    await rm(join(content, 'same-2.txt'));
    // The rebuild updates the live site in place: a page whose digest is the same is not written again (same inode).
    const digestsBefore = await pageDigestsOf(site);
    const inodesBefore = await inodes(site, Object.keys(digestsBefore));
    const rebuilt = await buildInto(content, site, true);
    const digestsAfter = await pageDigestsOf(site);
    const unchanged = Object.keys(digestsAfter).filter((page) => digestsBefore[page] === digestsAfter[page]);
    expect(unchanged.length).toBeGreaterThan(5);
    expect(unchanged.length).toBeLessThan(Object.keys(digestsAfter).length);
    const inodesAfter = await inodes(site, unchanged);
    for (const page of unchanged) expect(inodesAfter.get(page), page).toBe(inodesBefore.get(page));
    const fresh = await buildInto(content, join(dir, 'three', 'fresh'), false);
    expect(Object.keys(rebuilt).some((file) => file.includes('records'))).toBe(true);
    expect(rebuilt).toEqual(fresh);
    await expectSitemapOfWalk(site);
    await expectSitemapOfWalk(join(dir, 'three', 'fresh'));
    // Nothing is left beside the site (no staging folder), and no spare in the cache folder.
    expect((await readdir(join(dir, 'three'))).filter((name) => name.startsWith('.news-archive-'))).toEqual([]);
    expect((await readdir(join(dir, 'three', '.cache'))).filter((name) => name.startsWith('spare-'))).toEqual([]);

    // Once more, back to the first content but one article: pages removed, changed back, made again.
    await writeFile(join(content, seeds[0]!), text);
    await age(seeds[0]!);
    await rm(join(content, 'b', 'added.md'));
    const again = await buildInto(content, site, true);
    expect(again).toEqual(await buildInto(content, join(dir, 'three', 'fresh'), false));
    await expectSitemapOfWalk(site);
  }, 60_000);
});
