import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSearchIndex, type SearchIndexResult } from '../../src/publish/search-index.js';
import type { ShardManifest } from '../../src/publish/search-reuse.js';
import { listHtmlPages } from '../../src/publish/sitemap.js';
import { haveChromium, launchChromium, watchedPage, type WatchedPage } from './support/chromium.js';
import { HOSTILE } from './support/hostile-articles.js';
import { serveStatic, type StaticServer } from './support/server.js';
import { buildSite, type BuiltSite } from './support/site.js';

/**
 * The search over a sharded index: the seeds, three articles in three other years and the hostile articles (markup
 * pasted into every field), built under a base path, then indexed again with a tiny shard cap so that every year
 * is a shard of its own (or several); the search page merges them.
 */
const BASE = '/sub/path/';

const story = (title: string, date: string, speaker: string, words: string): string =>
  [
    '---',
    `title: ${title}`,
    `date: ${date}`,
    'source: Harbour Gazette',
    `speakers: [${speaker}]`,
    'topics: [Harbours]',
    '---',
    `${title}`,
    '',
    `The lighthouse keepers of Varnholt met on Monday. ${words}`,
    '',
    `“We will rebuild the old lighthouse before winter,” ${speaker} said.`,
    '',
  ].join('\n');

const EXTRA: Record<string, string> = {
  'harbour-2019.txt': story('Quillfeather opens the Varnholt lighthouse', '2019-05-04', 'Jane Quillfeather', 'Ferries resumed their crossings.'),
  'harbour-2020.txt': story('Quillfeather doubles the Varnholt ferry fleet', '2020-06-07', 'Jane Quillfeather', 'The marmalade festival was cancelled.'),
  'harbour-2021.txt': story('Brightwater audits the Varnholt harbour accounts', '2021-09-10', 'Omar Brightwater', 'Auditors counted the buoys.'),
};

let site: BuiltSite;
let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let shards: ShardManifest;
let previous: string | undefined;
let rebuilt: SearchIndexResult;
const watched: WatchedPage[] = [];

const urlOf = (file: string): string => {
  const article = site.archive.articles.find((a) => a.file === file);
  if (!article) throw new Error(`${file} is not in the archive`);
  return article.url;
};

describe.skipIf(!haveChromium)('search over a sharded index', { timeout: 60_000 }, () => {
  beforeAll(async () => {
    [site, browser] = await Promise.all([buildSite({ basePath: BASE, extra: { ...EXTRA, ...HOSTILE } }), launchChromium()]);
    const pages = await listHtmlPages(site.outDir);
    // A rebuild: the previous index had the 2020 article without its marmalade, so its shard is indexed again,
    // seeded with the previous bundle's files (the others are linked from it).
    previous = await mkdtemp(join(tmpdir(), 'news-archive-previous-'));
    const before = { articles: site.archive.articles.map((a) => (a.file === 'harbour-2020.txt' ? { ...a, body: a.body.replace('marmalade', 'summer') } : a)) };
    await writeSearchIndex(before, { outDir: previous, basePath: BASE, pages }, { maxShardWeight: 3 });
    rebuilt = await writeSearchIndex(site.archive, { outDir: site.outDir, basePath: BASE, pages, previousOutDir: previous }, { maxShardWeight: 3 });
    shards = JSON.parse(await readFile(join(site.outDir, 'pagefind', 'shards.json'), 'utf8')) as ShardManifest;
    server = await serveStatic(site.outDir, BASE);
    context = await browser.newContext();
    context.setDefaultTimeout(10_000);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await site?.remove();
    if (previous !== undefined) await rm(previous, { recursive: true, force: true });
  });

  async function searchPage(): Promise<Page> {
    const w = await watchedPage(context, server.origin);
    watched.push(w);
    await w.page.goto(`${server.home}search/`);
    return w.page;
  }

  it('has one shard per year, the extra articles in three of them, 2019 the primary', () => {
    const keys = shards.shards.map((s) => s.key);
    expect(keys.slice(0, 3)).toEqual(['2019', '2020', '2021']);
    expect(shards.shards[0]?.bundle).toBe('pagefind/');
    expect(shards.shards[1]?.bundle).toBe('pagefind/shards/2020/');
    expect(keys.length).toBeGreaterThan(3);
  });

  it('was rebuilt from the previous index, only the changed shard indexed again', () => {
    expect(rebuilt).toMatchObject({ shards: shards.shards.length, reused: shards.shards.length - 1 });
  });

  it('finds an article that is only in a merged shard, by a word its shard was indexed again for', async () => {
    const page = await searchPage();
    await page.locator('#search input[type="text"], #search input[type="search"]').first().fill('marmalade');
    const found = await results(page, 'marmalade');
    expect(found).toEqual([urlOf('harbour-2020.txt')]);
  });

  it('finds pages of every shard for one word, and the speaker filter narrows them across shards', async () => {
    const page = await searchPage();
    await page.locator('#search input[type="text"], #search input[type="search"]').first().fill('lighthouse');
    const all = await results(page, 'lighthouse');
    for (const file of Object.keys(EXTRA)) expect(all).toContain(urlOf(file));

    const group = page.locator('details.pagefind-ui__filter-block', { has: page.locator('summary', { hasText: /^\s*speaker\s*$/i }) });
    if (!(await group.evaluate((d) => (d as HTMLDetailsElement).open))) await group.locator('summary').click();
    // The filter's count adds up the shards: Jane Quillfeather is in the 2019 and the 2020 shard.
    const box = group.locator('input[type="checkbox"][value="Jane Quillfeather"]');
    await expect.poll(async () => (await group.locator(`label[for="${await box.getAttribute('id')}"]`).innerText()).replace(/\s+/g, ' ')).toMatch(/Jane Quillfeather \(2\)/);
    await box.check();
    const narrowed = await results(page, 'lighthouse', (n) => n < all.length);
    expect(narrowed.sort()).toEqual([urlOf('harbour-2019.txt'), urlOf('harbour-2020.txt')].sort());
  });

  it('shows the pasted markup of a merged shard’s filter values as text, and runs none of it', async () => {
    const hostile = site.archive.articles.find((a) => a.file === 'hostile-front-matter.md');
    const bundle = shards.shards.find((s) => s.key.startsWith(hostile?.date?.slice(0, 4) ?? '-'))?.bundle;
    expect(bundle).toMatch(/^pagefind\/shards\//);
    const page = await searchPage();
    await page.locator('#search input[type="text"], #search input[type="search"]').first().fill('council');
    expect(await results(page, 'council')).toContain(hostile?.url);
    const group = page.locator('details.pagefind-ui__filter-block', { has: page.locator('summary', { hasText: /^\s*speaker\s*$/i }) });
    if (!(await group.evaluate((d) => (d as HTMLDetailsElement).open))) await group.locator('summary').click();
    await expect.poll(async () => (await group.innerText()).includes('＜img src=x onerror=alert(')).toBe(true);
    await page.waitForTimeout(300);
    expect(await page.locator('#search img, #search script, #search iframe, #search svg[onload]').count()).toBe(0);
    expect(watched.flatMap((w) => w.dialogs)).toEqual([]);
  });

  it('logged no error and made no request off the site', () => {
    expect(watched.flatMap((w) => w.offsite)).toEqual([]);
    expect(watched.flatMap((w) => w.errors)).toEqual([]);
    expect(watched.flatMap((w) => w.dialogs)).toEqual([]);
  });
});

/** The result URLs once Pagefind's UI has answered `query` (and its count passes `settled`), every result loaded. */
async function results(page: Page, query: string, settled: (count: number) => boolean = () => true): Promise<string[]> {
  let count = -1;
  await expect
    .poll(async () => {
      const message = (await page.locator('.pagefind-ui__message').textContent({ timeout: 1000 }).catch(() => null)) ?? '';
      const match = /^(?:(\d+) results?|No results) for (.*)$/.exec(message.trim());
      count = match && match[2] === query ? Number(match[1] ?? 0) : -1;
      return count >= 0 && settled(count);
    }, { timeout: 10_000, message: `Pagefind answers "${query}"` })
    .toBe(true);
  const more = page.locator('.pagefind-ui__button', { hasText: /more/i });
  while (await more.isVisible()) await more.click();
  const links = (): Promise<string[]> =>
    page.locator('li.pagefind-ui__result').evaluateAll((lis) => lis.map((li) => li.querySelector('a.pagefind-ui__result-link')?.getAttribute('href') ?? ''));
  await expect.poll(async () => (await links()).filter(Boolean).length, { timeout: 10_000, message: `${count} results for "${query}" shown` }).toBe(count);
  return links();
}
