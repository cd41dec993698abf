import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { BodyStore, storeBody } from '../src/archive/body-store.js';
import { quotesByMonth } from '../src/archive/quotes-index.js';
import type { Archive, ArticleRecord } from '../src/archive/types.js';
import { startSearchIndex, writeSearchIndex } from '../src/publish/search-index.js';
import { inertFilterValue, markdownText, searchPages, type SearchPage } from '../src/publish/search-records.js';
import type { ShardManifest } from '../src/publish/search-reuse.js';
import { MAX_SHARD_WEIGHT, MIN_SHARD_CAP, planShards, shardCap, SHARDS_AIMED } from '../src/publish/search-shards.js';
import { fileTree, tempFolders } from './temp-folders.js';

function article(n: number, date: string | null, extra: Partial<ArticleRecord> = {}): ArticleRecord {
  const id = `story-${String(n).padStart(3, '0')}`;
  return {
    id,
    url: `/news/articles/${id}/`,
    file: `${id}.txt`,
    title: `Story ${n} about harbour tariffs`,
    date,
    source: 'Wire',
    byline: null,
    dateline: null,
    speakers: [{ id: 'jane-roe', name: 'Jane Roe', role: 'Minister' }],
    quotes: [{ id: `q-${id}-1`, text: `Tariffs will fall in phase ${n}`, speaker: 'Jane Roe', speakerId: 'jane-roe', cue: 'said' }],
    topics: [{ id: 'trade', label: 'Trade' }],
    body: `The port of Tessaly${n} reopened.\n\nOfficials met on **Monday**.`,
    messages: [],
    ...extra,
  };
}

/** Articles over three years (2022: 6, 2023: 4, 2024: 2) and one undated. */
function sampleArchive(): Archive {
  const dates = ['2024-11-02', '2024-03-09', '2023-12-01', '2023-08-15', '2023-05-05', '2023-01-20', '2022-12-24', '2022-10-10', '2022-07-01', '2022-04-04', '2022-02-02', '2022-01-01'];
  return { articles: [...dates.map((d, i) => article(i + 1, d)), article(99, null)] };
}

const tempDir = tempFolders('news-archive-search-');


async function manifest(dir: string): Promise<ShardManifest> {
  return JSON.parse(await readFile(join(dir, 'pagefind', 'shards.json'), 'utf8')) as ShardManifest;
}

describe('inertFilterValue', () => {
  it('leaves plain names as they are', () => {
    expect(inertFilterValue('Jane Roe')).toBe('Jane Roe');
    expect(inertFilterValue('War & Peace')).toBe('War & Peace');
    expect(inertFilterValue('Zoë “Z” O’Neil')).toBe('Zoë “Z” O’Neil');
  });

  it('turns markup into full-width look-alikes that no decoding can make markup again', () => {
    expect(inertFilterValue("<img src=x onerror=alert('x')>Mallory")).toBe("＜img src=x onerror=alert('x')＞Mallory");
    // Typed escaped, or escaped twice over: still no way back to "<".
    expect(inertFilterValue('&lt;script&gt;')).toBe('＜script＞');
    expect(inertFilterValue('&amp;lt;script&amp;gt;')).toBe('＜script＞');
    expect(inertFilterValue('&amp;#60;b&amp;#x3E;')).toBe('＜b＞');
    // An ampersand that could start a reference after another decoding is disarmed too.
    expect(inertFilterValue('&amp;amp;lt')).toBe('＜');
    expect(inertFilterValue('&amp;nbsp;')).toBe('＆nbsp;');
  });
});

describe('markdownText', () => {
  it('keeps the text a body shows and drops its syntax, link targets and raw HTML', () => {
    const text = markdownText('## Port reopens\n\nTalks on *tariffs* and [the deal](https://example.org/x) ![a map](map.png) went on <b>late</b>.\n\n> We are ready, she said.\n\n- one\n- two');
    expect(text).toBe('Port reopens\nTalks on tariffs and the deal a map went on late.\nWe are ready, she said.\none\ntwo');
  });

  it('reads block quotes the same whether or not the fast path takes them', () => {
    expect(markdownText('First.\n\n> Quoted words.\n\nLast.')).toBe('First.\nQuoted words.\nLast.');
  });
});

describe('searchPages', () => {
  it('makes a record per article and per quotes month, with the filters, title and date sort of their pages', () => {
    const archive: Archive = { articles: [article(1, '2024-07-09', { speakers: [{ id: 'm', name: '<img src=x onerror=alert(1)>' }] }), article(2, null)] };
    const pages = searchPages(archive, '/news/');
    expect(pages.map((p) => [p.url, p.period])).toEqual([
      ['/articles/story-001/', '2024-07'],
      ['/articles/story-002/', null],
      ['/quotes/2024/07/', '2024-07'],
      ['/quotes/undated/', null],
    ]);
    const [first, second, month] = pages.map((p) => p.record());
    expect(first).toMatchObject({ url: '/articles/story-001/', language: 'en', meta: { title: 'Story 1 about harbour tariffs' }, sort: { date: '2024-07-09' } });
    expect(first?.filters).toEqual({ year: ['2024'], speaker: ['＜img src=x onerror=alert(1)＞'], topic: ['Trade'] });
    expect(first?.content).toContain('9 July 2024 · Wire');
    expect(first?.content).toContain('The port of Tessaly1 reopened.\nOfficials met on Monday.');
    expect(first?.content).toContain('Tariffs will fall in phase 1');
    expect(second?.filters.year).toEqual(['undated']);
    expect(second?.sort).toEqual({});
    expect(month?.meta).toEqual({ title: 'Quotes from July 2024 (1)' });
    expect(month?.content).toBe('Quotes from July 2024 (1)\nTariffs will fall in phase 1\nJane Roe');
    // The articles reporting a quote are indexed on their own pages, not again under each quote.
    expect(month?.content).not.toContain('Story 1 about harbour tariffs');
  });
  it('takes the quotes index the render stage computed (URLs with the base path) and gives the same pages', () => {
    const archive = sampleArchive();
    const own = searchPages(archive, '/news/');
    const given = searchPages(archive, '/news/', quotesByMonth(archive, '/news/'));
    const view = (pages: SearchPage[]) => pages.map((p) => ({ url: p.url, period: p.period, size: p.size, source: p.source(), record: p.record() }));
    expect(view(given)).toEqual(view(own));
    expect(given.filter((p) => p.url.startsWith('/quotes/')).map((p) => p.url)).toContain('/quotes/2024/11/');
  });

  it("changes a quotes month's source with anything its record shows: a quote's text or speaker, an article's title, date or source, the order", () => {
    const monthSource = (archive: Archive): string => searchPages(archive, '/news/').find((p) => p.url === '/quotes/2023/08/')!.source();
    const base = monthSource(sampleArchive());
    expect(monthSource(sampleArchive())).toBe(base);
    const changed = (change: (a: ArticleRecord) => void): string => {
      const archive = sampleArchive();
      change(archive.articles[3]!);
      return monthSource(archive);
    };
    const sources = [
      changed((a) => (a.quotes = [{ ...a.quotes[0]!, text: 'Tariffs will rise' }])),
      changed((a) => (a.quotes = [{ ...a.quotes[0]!, speaker: 'John Doe', speakerId: 'john-doe' }])),
      changed((a) => (a.title = 'Another title')),
      changed((a) => (a.date = '2023-08-16')),
      changed((a) => (a.source = 'Daily')),
      changed((a) => (a.quotes = [a.quotes[0]!, { ...a.quotes[0]!, id: `${a.quotes[0]!.id}b`, text: 'A second quote' }])),
    ];
    for (const source of sources) expect(source).not.toBe(base);
    expect(new Set(sources).size).toBe(sources.length);
    // Its record follows from it: the same source, the same record.
    const records = [sampleArchive(), sampleArchive()].map((archive) => searchPages(archive, '/news/').find((p) => p.url === '/quotes/2023/08/')!.record());
    expect(records[1]).toEqual(records[0]);
  });

  it("indexes a quote once: in the body when the body says it, else in the quotes section with its speaker", () => {
    const quoted = article(7, '2024-05-05', {
      body: 'The port reopened.\n\n“Tariffs will fall in phase 7,” Jane Roe said on **Monday**.',
      quotes: [
        { id: 'q-7-1', text: 'Tariffs will fall in phase 7', speaker: 'Jane Roe', speakerId: 'jane-roe', cue: 'said' },
        { id: 'q-7-2', text: 'Nobody wrote this down', speaker: 'Ann Lee', speakerId: 'ann-lee', cue: 'told reporters' },
      ],
    });
    const [record] = searchPages({ articles: [quoted] }, '/news/').map((p) => p.record());
    const content = record!.content;
    expect(content.split('Tariffs will fall in phase 7')).toHaveLength(2);
    expect(content).toContain('Quotes in this article (2)\nNobody wrote this down\nAnn Lee (told reporters)');
    const none = searchPages({ articles: [{ ...quoted, quotes: quoted.quotes.slice(0, 1) }] }, '/news/').map((p) => p.record());
    expect(none[0]!.content).not.toContain('Quotes in this article');
  });

  it('reads no body kept on disk for sizes and digests, and each once when its record is built', () => {
    const store = BodyStore.open();
    try {
      const archive = sampleArchive();
      const sizes = searchPages(archive, '/news/').map((p) => p.size);
      for (const a of archive.articles) storeBody(a, store, store.put(a.body));
      const read = vi.spyOn(store, 'read');
      const pages = searchPages(archive, '/news/');
      expect(pages.map((p) => p.size)).toEqual(sizes);
      for (const p of pages) p.source();
      expect(read).toHaveBeenCalledTimes(0);
      for (const p of pages) p.record();
      expect(read).toHaveBeenCalledTimes(archive.articles.length);
    } finally {
      store.close();
    }
  });
});

describe('planShards', () => {
  const page = (url: string, period: string | null, size = 100): SearchPage => ({ url, period, size, record: () => ({ url, content: '', language: 'en', meta: {}, filters: {}, sort: {} }) });
  const keys = (pages: SearchPage[], cap: number): [string, number][] => planShards(pages, cap).map((s) => [s.key, s.pages.length]);

  it('keeps an archive under the cap in one shard, pages sorted by URL', () => {
    const shards = planShards([page('/b/', '2024-01'), page('/a/', null)], 10);
    expect(shards.map((s) => [s.key, s.pages.map((p) => p.url)])).toEqual([['all', ['/a/', '/b/']]]);
  });

  it('gives each year a shard, undated pages one of their own, in chronological order', () => {
    const pages = [page('/1/', '2024-02'), page('/2/', '2023-05'), page('/3/', null), page('/4/', '2023-11')];
    expect(keys(pages, 3)).toEqual([['2023', 2], ['2024', 1], ['undated', 1]]);
  });

  it('splits a year over the cap into halves, quarters and months, and only where needed', () => {
    const months = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11'];
    const pages = months.map((m, i) => page(`/p${i}/`, `2024-${m}`));
    pages.push(page('/extra-1/', '2024-01'), page('/extra-2/', '2024-01'), page('/extra-3/', '2024-02'));
    // 2024: 14 pages; h1 9, h2 5; q1 6 (Jan 3, Feb 2, Mar 1), q2 3.
    expect(keys(pages, 5)).toEqual([['2024-01', 3], ['2024-02', 2], ['2024-03', 1], ['2024-q2', 3], ['2024-h2', 5]]);
  });

  it('counts a long page once per 8 KiB of text', () => {
    expect(keys([page('/a/', '2023-01', 20_000), page('/b/', '2024-01')], 3)).toEqual([['2023', 1], ['2024', 1]]);
    expect(keys([page('/a/', '2023-01', 10), page('/b/', '2024-01')], 3)).toEqual([['all', 2]]);
  });

  it('changes one shard when a page is added', () => {
    const pages = Array.from({ length: 40 }, (_, i) => page(`/p${i}/`, `${2000 + (i % 5)}-${String((i % 12) + 1).padStart(2, '0')}`));
    const before = planShards(pages, 6);
    const after = planShards([...pages, page('/new/', '2002-03')], 6);
    expect(after.map((s) => s.key)).toEqual(before.map((s) => s.key));
    const changed = after.filter((s, i) => s.pages.map((p) => p.url).join() !== before[i]?.pages.map((p) => p.url).join());
    expect(changed.map((s) => s.key)).toEqual(['2002-h1']);
  });

  it('caps a shard at the smallest cap, doubled in steps while the archive would need more than the shards aimed at', () => {
    expect(shardCap(0)).toBe(MIN_SHARD_CAP);
    expect(shardCap(MIN_SHARD_CAP * SHARDS_AIMED)).toBe(MIN_SHARD_CAP);
    expect(shardCap(MIN_SHARD_CAP * SHARDS_AIMED + 1)).toBe(MIN_SHARD_CAP * 2);
    expect(shardCap(1e9)).toBe(MAX_SHARD_WEIGHT);
    // Steps only: the cap never falls as the archive grows, and is the same over a whole step.
    const caps = Array.from({ length: 400 }, (_, i) => shardCap(i * 500));
    for (let i = 1; i < caps.length; i++) expect(caps[i]!).toBeGreaterThanOrEqual(caps[i - 1]!);
    expect(new Set(caps).size).toBeLessThanOrEqual(4);
  });

  it('cuts an archive over the smallest cap into years by default, without a cap given', () => {
    const pages = Array.from({ length: MIN_SHARD_CAP + 100 }, (_, i) => page(`/p${i}/`, `${2000 + (i % 3)}-01`));
    expect(planShards(pages).map((s) => s.key)).toEqual(['2000', '2001', '2002']);
    expect(planShards(pages.slice(0, MIN_SHARD_CAP)).map((s) => s.key)).toEqual(['all']);
  });
});

describe('writeSearchIndex', { timeout: 120_000 }, () => {
  it('writes one index in pagefind/ for a small archive, with its shard list', async () => {
    const dir = await tempDir();
    const result = await writeSearchIndex(sampleArchive(), { outDir: dir, basePath: '/news/' });
    expect(result).toEqual({ pages: 13 + 13, shards: 1, reused: 0 });
    const list = await manifest(dir);
    expect(list.shards.map((s) => [s.key, s.bundle, s.pages])).toEqual([['all', 'pagefind/', 26]]);
    const bundle = await readdir(join(dir, 'pagefind'));
    for (const file of ['pagefind.js', 'pagefind-ui.js', 'pagefind-ui.css', 'pagefind-entry.json', 'shards.json']) expect(bundle).toContain(file);
    expect(bundle).not.toContain('shards');
  });

  it('leaves out records whose page is not in the site', async () => {
    const dir = await tempDir();
    const result = await writeSearchIndex(sampleArchive(), { outDir: dir, basePath: '/news/', pages: ['articles/story-001/index.html', 'index.html', 'quotes/2024/11/index.html'] });
    expect(result.pages).toBe(2);
  });

  it('shards a larger archive by year: the first in pagefind/ with the UI, the others with their index files only', async () => {
    const dir = await tempDir();
    const result = await writeSearchIndex(sampleArchive(), { outDir: dir, basePath: '/news/' }, { maxShardWeight: 10 });
    const list = await manifest(dir);
    expect(list.version).toBe(1);
    // 2022: 6 articles + 6 quotes months = 12 > 10: halves (h1: 3 + 3, h2: 3 + 3).
    expect(list.shards.map((s) => [s.key, s.bundle, s.pages])).toEqual([
      ['2022-h1', 'pagefind/', 6],
      ['2022-h2', 'pagefind/shards/2022-h2/', 6],
      ['2023', 'pagefind/shards/2023/', 8],
      ['2024', 'pagefind/shards/2024/', 4],
      ['undated', 'pagefind/shards/undated/', 2],
    ]);
    expect(result).toEqual({ pages: 26, shards: 5, reused: 0 });
    const secondary = (await readdir(join(dir, 'pagefind', 'shards', '2023'))).sort();
    expect(secondary.filter((f) => !f.endsWith('.pf_meta'))).toEqual(['filter', 'fragment', 'index', 'pagefind-entry.json']);
    const entry = JSON.parse(await readFile(join(dir, 'pagefind', 'shards', '2023', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    expect(Object.values(entry.languages).map((l) => l.page_count)).toEqual([8]);
  });

  it('is byte-identical however many shards are indexed at once', async () => {
    const [a, b] = [await tempDir(), await tempDir()];
    await writeSearchIndex(sampleArchive(), { outDir: a, basePath: '/news/' }, { maxShardWeight: 10, parallel: 2 });
    await writeSearchIndex(sampleArchive(), { outDir: b, basePath: '/news/' }, { maxShardWeight: 10, parallel: 1 });
    const [ta, tb] = await Promise.all([fileTree(a), fileTree(b)]);
    expect([...ta.keys()]).toEqual([...tb.keys()]);
    for (const [file, bytes] of ta) expect(bytes.equals(tb.get(file)!), file).toBe(true);
  });

  it('is byte-identical however the records are batched on their way to Pagefind', async () => {
    const many: Archive = { articles: Array.from({ length: 230 }, (_, i) => article(i + 1, `${2022 + (i % 2)}-${String((i % 12) + 1).padStart(2, '0')}-01`)) };
    const [a, b] = [await tempDir(), await tempDir()];
    await writeSearchIndex(many, { outDir: a, basePath: '/news/' }, { maxShardWeight: 200, parallel: 2, recordBatch: 7 });
    await writeSearchIndex(many, { outDir: b, basePath: '/news/' }, { maxShardWeight: 200, parallel: 1, recordBatch: 1000 });
    expect((await manifest(a)).shards.map((s) => [s.key, s.pages])).toEqual([['2022', 121], ['2023', 121]]);
    const [ta, tb] = [await fileTree(a), await fileTree(b)];
    expect([...ta.keys()]).toEqual([...tb.keys()]);
    for (const [file, bytes] of ta) expect(bytes.equals(tb.get(file)!), file).toBe(true);
  });

  it('reuses the shards whose pages did not change, and the site is the same as one indexed anew', async () => {
    const [first, second, fresh] = [await tempDir(), await tempDir(), await tempDir()];
    await writeSearchIndex(sampleArchive(), { outDir: first, basePath: '/news/' }, { maxShardWeight: 10 });
    const unchanged = await writeSearchIndex(sampleArchive(), { outDir: second, basePath: '/news/', previousOutDir: first }, { maxShardWeight: 10 });
    expect(unchanged).toMatchObject({ shards: 5, reused: 5 });

    // One more article in 2023 (in a month that has quotes already): only the 2023 shard is indexed again.
    const grown = sampleArchive();
    grown.articles.splice(3, 0, article(50, '2023-08-20'));
    const third = await tempDir();
    const rebuilt = await writeSearchIndex(grown, { outDir: third, basePath: '/news/', previousOutDir: second }, { maxShardWeight: 10 });
    expect(rebuilt).toMatchObject({ shards: 5, reused: 4 });
    const before = await manifest(second);
    const after = await manifest(third);
    expect(after.shards.filter((s, i) => s.digest !== before.shards[i]?.digest).map((s) => s.key)).toEqual(['2023']);

    await writeSearchIndex(grown, { outDir: fresh, basePath: '/news/' }, { maxShardWeight: 10 });
    const [tr, tf] = await Promise.all([fileTree(third), fileTree(fresh)]);
    expect([...tr.keys()]).toEqual([...tf.keys()]);
    for (const [file, bytes] of tr) expect(bytes.equals(tf.get(file)!), file).toBe(true);
  });
});

describe('startSearchIndex (while the pages render)', { timeout: 120_000 }, () => {
  const sitePages = (archive: Archive): string[] => [
    ...archive.articles.map((a) => `${a.url.slice('/news/'.length)}index.html`),
    ...quotesByMonth(archive, '/news/').map((m) => `${m.url.slice('/news/'.length)}index.html`),
  ];

  it('writes the same bytes as writeSearchIndex once the pages are there, records sent at once to two shard threads', async () => {
    const [a, b] = [await tempDir(), await tempDir()];
    const archive = sampleArchive();
    const run = startSearchIndex(archive, { outDir: a, basePath: '/news/' }, { maxShardWeight: 10, parallel: 2 });
    const result = await run.finish(sitePages(archive));
    await run.settled;
    const expected = await writeSearchIndex(archive, { outDir: b, basePath: '/news/', pages: sitePages(archive) }, { maxShardWeight: 10, parallel: 1 });
    expect(result).toEqual(expected);
    expect(result).toEqual({ pages: 26, shards: 5, reused: 0 });
    const [ta, tb] = await Promise.all([fileTree(a), fileTree(b)]);
    expect([...ta.keys()]).toEqual([...tb.keys()]);
    for (const [file, bytes] of ta) expect(bytes.equals(tb.get(file)!), file).toBe(true);
  });

  it('indexes again without the records whose page was not written after all', async () => {
    const [a, b] = [await tempDir(), await tempDir()];
    const archive = sampleArchive();
    const pages = sitePages(archive).filter((p) => p !== 'articles/story-003/index.html');
    const run = startSearchIndex(archive, { outDir: a, basePath: '/news/' }, { maxShardWeight: 10 });
    const result = await run.finish(pages);
    expect(result.pages).toBe(25);
    await writeSearchIndex(archive, { outDir: b, basePath: '/news/', pages }, { maxShardWeight: 10 });
    const [ta, tb] = await Promise.all([fileTree(a), fileTree(b)]);
    expect([...ta.keys()]).toEqual([...tb.keys()]);
    for (const [file, bytes] of ta) expect(bytes.equals(tb.get(file)!), file).toBe(true);
  });

  it('indexes the changed shards first and links the others meanwhile: the same site as one indexed anew', async () => {
    const [first, second, fresh] = [await tempDir(), await tempDir(), await tempDir()];
    await writeSearchIndex(sampleArchive(), { outDir: first, basePath: '/news/' }, { maxShardWeight: 10 });
    // One more article in 2022's first half, the primary shard (pagefind/, with the UI): indexed while the other four are linked.
    const grown = sampleArchive();
    grown.articles.splice(9, 0, article(51, '2022-03-03'));
    const run = startSearchIndex(grown, { outDir: second, basePath: '/news/', previousOutDir: first }, { maxShardWeight: 10, parallel: 2 });
    expect(await run.finish(sitePages(grown))).toMatchObject({ shards: 5, reused: 4 });
    await writeSearchIndex(grown, { outDir: fresh, basePath: '/news/' }, { maxShardWeight: 10 });
    const [ts, tf] = await Promise.all([fileTree(second), fileTree(fresh)]);
    expect([...ts.keys()]).toEqual([...tf.keys()]);
    for (const [file, bytes] of ts) expect(bytes.equals(tf.get(file)!), file).toBe(true);
  });

  it('settles, without throwing, when Pagefind fails; finish gives the error', async () => {
    const dir = await tempDir();
    const binary = process.env.PAGEFIND_BINARY_PATH;
    process.env.PAGEFIND_BINARY_PATH = join(dir, 'no-such-pagefind');
    try {
      const run = startSearchIndex(sampleArchive(), { outDir: dir, basePath: '/news/' });
      await expect(run.settled).resolves.toBeUndefined();
      await expect(run.finish(sitePages(sampleArchive()))).rejects.toThrow(/Pagefind could not start/);
    } finally {
      if (binary === undefined) delete process.env.PAGEFIND_BINARY_PATH;
      else process.env.PAGEFIND_BINARY_PATH = binary;
    }
  });
});
