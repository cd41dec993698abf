import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Archive } from '../src/archive/types.js';
import { publishExtras } from '../src/publish/publish-extras.js';
import { parseXml } from './browser/support/xml.js';
import { fileTree, tempFolders } from './temp-folders.js';

const archive: Archive = {
  articles: [
    {
      id: 'peace-talks',
      url: '/news/articles/peace-talks/',
      file: 'a.txt',
      title: 'Peace talks stall',
      date: '2024-02-01',
      source: 'Reuters',
      byline: null,
      dateline: null,
      speakers: [{ id: 'jane-roe', name: 'Jane Roe' }],
      quotes: [{ id: 'q', text: 'We are not ready', speaker: 'Jane Roe', speakerId: 'jane-roe', cue: 'said' }],
      topics: [{ id: 'diplomacy', label: 'Diplomacy' }],
      body: 'Talks stalled.',
      messages: [],
    },
  ],
};

const page = (body: string): string => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body>${body}</body></html>`;
const pages: Record<string, string> = {
  'index.html': page('<h1>Home</h1>'),
  'articles/peace-talks/index.html': page(
    '<main data-pagefind-body><h1>Peace talks stall</h1><blockquote>“We are not ready,” Jane Roe said.</blockquote><span data-pagefind-filter="speaker">Jane Roe</span></main>',
  ),
  'search/index.html': page('<div id="search"></div>'),
};

const tempDir = tempFolders('news-archive-publish-');

async function site(): Promise<string> {
  const dir = await tempDir();
  for (const [file, html] of Object.entries(pages)) {
    await mkdir(dirname(join(dir, file)), { recursive: true });
    await writeFile(join(dir, file), html);
  }
  return dir;
}


describe('publishExtras', () => {
  it('writes the feeds, sitemap, robots.txt and the Pagefind bundle with its UI', async () => {
    const dir = await site();
    await publishExtras(archive, { outDir: dir, basePath: '/news/', siteUrl: null });
    for (const file of ['feed.xml', 'topics/diplomacy/feed.xml', 'speakers/jane-roe/feed.xml', 'sitemap.xml']) {
      const xml = await readFile(join(dir, file), 'utf8');
      expect(() => parseXml(xml), file).not.toThrow();
    }
    expect(await readFile(join(dir, 'robots.txt'), 'utf8')).toContain('Sitemap: /news/sitemap.xml');
    const bundle = await readdir(join(dir, 'pagefind'));
    for (const file of ['pagefind.js', 'pagefind-ui.js', 'pagefind-ui.css', 'pagefind-entry.json']) expect(bundle).toContain(file);
    const entry = JSON.parse(await readFile(join(dir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    // Only the page marked data-pagefind-body is indexed.
    expect(Object.values(entry.languages).map((l) => l.page_count)).toEqual([1]);
    expect(bundle.some((f) => f.includes('playground'))).toBe(false);
  });

  it('takes the pages it is given (the render\'s) for the sitemap and the search index, instead of listing the folder', async () => {
    const [walked, given] = await Promise.all([site(), site()]);
    const options = { basePath: '/news/', siteUrl: 'https://example.org' };
    await publishExtras(archive, { ...options, outDir: walked });
    // The same pages as the folder holds: the same site. Without the article's page: not in the sitemap, and its record
    // is not indexed (as for a page the render did not write).
    const all = await publishExtras(archive, { ...options, outDir: given }, undefined, { pages: Object.keys(pages).sort() });
    expect(all.search.pages).toBe(1);
    const [tw, tg] = await Promise.all([fileTree(walked), fileTree(given)]);
    expect([...tg.keys()]).toEqual([...tw.keys()]);
    for (const [file, bytes] of tw) expect(bytes.equals(tg.get(file)!), file).toBe(true);
    const fewer = await site();
    const result = await publishExtras(archive, { ...options, outDir: fewer }, undefined, { pages: ['index.html', 'search/index.html'] });
    const sitemap = await readFile(join(fewer, 'sitemap.xml'), 'utf8');
    expect(sitemap).toContain('https://example.org/news/search/');
    expect(sitemap).not.toContain('peace-talks');
    expect(result.search.pages).toBe(0);
  });

  it('is byte-identical across two builds, even when run at the same time', async () => {
    const [a, b] = await Promise.all([site(), site()]);
    await Promise.all([
      publishExtras(archive, { outDir: a, basePath: '/news/', siteUrl: 'https://example.org' }),
      publishExtras(archive, { outDir: b, basePath: '/news/', siteUrl: 'https://example.org' }),
    ]);
    const [ta, tb] = await Promise.all([fileTree(a), fileTree(b)]);
    expect([...ta.keys()]).toEqual([...tb.keys()]);
    for (const [file, bytes] of ta) expect(bytes.equals(tb.get(file)!), file).toBe(true);
  });

  it('links the feeds whose entries did not change from the previous build, and writes the same site as a build anew', async () => {
    const options = { basePath: '/news/', siteUrl: 'https://example.org' };
    const first = archive.articles[0]!;
    const second = { ...first, id: 'ceasefire', url: '/news/articles/ceasefire/', file: 'b.txt', title: 'Ceasefire holds', date: '2024-03-01', topics: [{ id: 'security', label: 'Security' }] };
    const before = await site();
    await publishExtras({ articles: [first] }, { ...options, outDir: before });
    // The new article changes the archive's feed and Jane Roe's; the diplomacy feed stays as it was.
    const after = await site();
    await publishExtras({ articles: [second, first] }, { ...options, outDir: after, previousOutDir: before });
    const anew = await site();
    await publishExtras({ articles: [second, first] }, { ...options, outDir: anew });
    const inode = async (dir: string, file: string): Promise<number> => (await stat(join(dir, file))).ino;
    expect(await inode(after, 'topics/diplomacy/feed.xml')).toBe(await inode(before, 'topics/diplomacy/feed.xml'));
    for (const changed of ['feed.xml', 'speakers/jane-roe/feed.xml']) expect(await inode(after, changed)).not.toBe(await inode(before, changed));
    expect(await readFile(join(after, 'speakers/jane-roe/feed.xml'), 'utf8')).toContain('Ceasefire holds');
    const [ta, tb] = await Promise.all([fileTree(after), fileTree(anew)]);
    expect([...ta.keys()]).toEqual([...tb.keys()]);
    for (const [file, bytes] of ta) expect(bytes.equals(tb.get(file)!), file).toBe(true);
  });
});
