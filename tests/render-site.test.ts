import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assembleArchive, type ArchiveInput } from '../src/archive/assemble.js';
import { quotesByMonth } from '../src/archive/quotes-index.js';
import { renderSite } from '../src/render/render-site.js';
import { sampleInputs } from './render-sample-archive.js';

const BASE = '/sub/path/';

const hostile: ArchiveInput = {
  file: 'hostile.txt',
  article: {
    title: '<script>alert("title")</script> & “quotes”',
    titleFromLead: false,
    date: '2022-02-02',
    source: '<img src=x onerror=alert(1)>',
    byline: null,
    dateline: null,
    people: [{ name: '<b onmouseover=alert(1)>Evil</b> Person', role: '</script><script>alert(2)</script>', aliases: [] }],
    speakers: ['<b onmouseover=alert(1)>Evil</b> Person'],
    quotes: [{ text: '</script><script>alert(3)</script>', speaker: '<b onmouseover=alert(1)>Evil</b> Person', cue: 'said', line: 1 }],
    topics: ['"><svg onload=alert(4)>', 'javascript:alert(5)'],
    body: 'He said “</script><script>alert(3)</script>” and <iframe src="javascript:alert(6)"></iframe> [x](javascript:alert(7)) <a href="javascript:alert(8)" onclick="alert(9)">y</a>\n',
    messages: [],
  },
};

async function pages(dir: string): Promise<Map<string, string>> {
  const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.html')).sort();
  return new Map(await Promise.all(files.map(async (f) => [f, await readFile(join(dir, f), 'utf8')] as const)));
}

async function render(
  siteUrl: string | null,
  batching: { batchSize?: number; worker?: boolean; workers?: number; pageWeightBudget?: number } = {},
): Promise<{ dir: string; html: Map<string, string> }> {
  const dir = await mkdtemp(join(tmpdir(), 'news-archive-render-'));
  const archive = assembleArchive([...sampleInputs(), hostile], { basePath: BASE });
  const result = await renderSite(archive, { outDir: dir, basePath: BASE, siteUrl, ...batching });
  // The quotes index it hands on to the search index is the archive's.
  expect(result.quoteMonths).toEqual(quotesByMonth(archive, BASE));
  expect(result.quoteMonths.length).toBeGreaterThan(0);
  return { dir, html: await pages(dir) };
}

describe('renderSite', { timeout: 120_000 }, () => {
  let withUrl: { dir: string; html: Map<string, string> };
  let withoutUrl: { dir: string; html: Map<string, string> };
  beforeAll(async () => {
    withUrl = await render('https://example.org');
    withoutUrl = await render(null);
  }, 120_000);
  afterAll(async () => {
    for (const s of [withUrl, withoutUrl]) if (s) await rm(s.dir, { recursive: true, force: true });
  });
  const page = (path: string): string => {
    const html = withUrl.html.get(path);
    if (html === undefined) throw new Error(`no page ${path}; pages: ${[...withUrl.html.keys()].join(', ')}`);
    return html;
  };
  /** An article page by its headline (the h1, not a link to it from a neighbour). */
  const articlePath = (title: RegExp): string =>
    [...withUrl.html.keys()].find((p) => p.startsWith('articles/') && title.test(/<h1[^>]*>([^<]*)<\/h1>/.exec(withUrl.html.get(p) ?? '')?.[1] ?? ''))!;

  it('writes every kind of page', () => {
    for (const p of ['index.html', '404.html', 'search/index.html', 'topics/index.html', 'speakers/index.html', 'quotes/index.html', 'timeline/index.html', 'timeline/2024/index.html', 'timeline/undated/index.html', 'quotes/2024/07/index.html', 'speakers/dmitry-peskov/index.html', 'topics/istanbul-talks/index.html']) {
      expect(withUrl.html.has(p), p).toBe(true);
    }
    expect([...withUrl.html.keys()].filter((p) => p.startsWith('articles/'))).toHaveLength(7);
  });

  it('runs no script from the text: the only scripts are JSON-LD and files of the site', () => {
    for (const [path, html] of withUrl.html) {
      expect(html, path).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'[ ;]/);
      for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
        const attrs = m[1] ?? '';
        if (/type="application\/ld\+json"/.test(attrs)) {
          expect(() => JSON.parse(m[2] ?? ''), path).not.toThrow();
        } else {
          expect(attrs, path).toMatch(/\bsrc="\/sub\/path\//);
          expect(m[2], path).toBe('');
        }
      }
      // Every "<" followed by a letter is a real tag (text is escaped); none has an event attribute or is an element the text asked for.
      for (const tag of html.match(/<[a-z][^>]*>/gi) ?? []) {
        const names = tag.replace(/"[^"]*"/g, '""');
        expect(names, `${path}: ${tag}`).not.toMatch(/\son[a-z]+\s*=/i);
        expect(tag, path).not.toMatch(/^<(?:img|svg|iframe|b)\b/i);
      }
      expect(html, path).not.toMatch(/(?:href|src)="\s*javascript:/i);
      expect(html, path).not.toContain('<script>alert');
    }
  });

  it('describes each article in JSON-LD, each quote a Quotation with its creator', () => {
    const html = page(articlePath(/Kremlin backs T/));
    const json = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    const data = JSON.parse(json) as { '@type': string; headline: string; datePublished: string; hasPart: { '@type': string; text: string; creator?: { name: string } }[] };
    expect(data['@type']).toBe('NewsArticle');
    expect(data.datePublished).toBe('2024-07-09');
    expect(data.hasPart[0]).toMatchObject({ '@type': 'Quotation', creator: { name: 'Dmitry Peskov' } });
    expect(data.hasPart[3]?.creator).toBeUndefined();
    const evil = page(articlePath(/alert\(&quot;title/));
    expect(evil.match(/<script\b/g)).toHaveLength(1);
    expect(evil).toContain('\\u003c/script\\u003e\\u003cscript\\u003ealert(3)');
  });

  it('links canonical and Open Graph URLs only when the site URL is known', () => {
    const path = articlePath(/Kremlin backs T/);
    expect(page(path)).toContain(`<link rel="canonical" href="https://example.org/sub/path/${path.replace(/index\.html$/, '')}">`);
    expect(page(path)).toContain('<meta property="og:type" content="article">');
    expect(withoutUrl.html.get(path)).not.toContain('rel="canonical"');
    expect(withoutUrl.html.get(path)).toContain('<meta property="og:title" content="Kremlin backs Türkiye on call for peace platform">');
  });

  it('links the feeds: the archive’s everywhere, a topic’s and a speaker’s on their pages', () => {
    expect(page('index.html')).toContain('<link rel="alternate" type="application/atom+xml" title="News archive: all articles" href="/sub/path/feed.xml">');
    expect(page('topics/istanbul-talks/index.html')).toContain('href="/sub/path/topics/istanbul-talks/feed.xml"');
    expect(page('speakers/dmitry-peskov/index.html')).toContain('href="/sub/path/speakers/dmitry-peskov/feed.xml"');
  });

  it('marks articles and quotes for Pagefind, with speaker, topic and year filters, and nothing else', () => {
    const html = page(articlePath(/Kremlin backs T/));
    expect(html).toContain('<main id="main" tabindex="-1" data-pagefind-body>');
    expect(html).toContain('data-pagefind-filter="speaker">Dmitry Peskov</a>');
    expect(html).toContain('data-pagefind-filter="topic">Istanbul talks</a>'.replace('Istanbul talks', 'Peace talks'));
    expect(html).toContain('data-pagefind-filter="year:2024"');
    expect(page('quotes/2024/07/index.html')).toContain('data-pagefind-body');
    for (const p of ['index.html', 'topics/index.html', 'speakers/dmitry-peskov/index.html', 'timeline/index.html', 'search/index.html']) {
      expect(page(p), p).not.toContain('data-pagefind-body');
    }
  });

  it('shows one speaker page for one person spelled differently, with every quote and its article', () => {
    const zelensky = [...withUrl.html.keys()].filter((p) => /^speakers\/[^/]*zelensk/.test(p));
    expect(zelensky).toHaveLength(1);
    const html = page(zelensky[0]!);
    expect(html).toContain('We are ready');
    expect(html).toContain('Talks must go on');
    expect(html).toContain('Kremlin dismisses Zelenskiy request');
  });

  it('shows the same quote once on the quotes page, with both its sources', () => {
    const html = page('quotes/2024/07/index.html');
    expect(html.match(/<p>We have never refused to negotiate<\/p>/g)).toHaveLength(1);
    expect(html).toMatch(/Reported in 2 articles/);
  });

  it('keeps undated articles in their own section of the home page', () => {
    const html = page('index.html');
    expect(html.indexOf('id="undated"')).toBeGreaterThan(html.indexOf('id="latest"'));
    expect(html.slice(html.indexOf('id="undated"'))).toContain('Vladimir Zelensky meets Erdogan');
  });

  it('writes the same bytes on every run, all on this thread or in small runs shared by two worker threads', async () => {
    const again = await render('https://example.org', { batchSize: 2, pageWeightBudget: 1, worker: true, workers: 2 });
    try {
      expect([...again.html.keys()]).toEqual([...withUrl.html.keys()]);
      for (const [path, html] of withUrl.html) expect(again.html.get(path), path).toBe(html);
    } finally {
      await rm(again.dir, { recursive: true, force: true });
    }
  });
});
