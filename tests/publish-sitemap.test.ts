import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isListedPage, listHtmlPages, robotsTxt, sitemapXml } from '../src/publish/sitemap.js';
import { childNamed, childrenNamed, parseXml } from './browser/support/xml.js';

const SITEMAP = 'http://www.sitemaps.org/schemas/sitemap/0.9';
let outDir = '';

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'news-archive-sitemap-'));
  for (const file of ['index.html', '404.html', 'articles/a/index.html', 'topics/war & peace/index.html', 'topics/<b>/index.html', 'pagefind/playground/index.html', 'feed.xml', 'style.css']) {
    await mkdir(dirname(join(outDir, file)), { recursive: true });
    await writeFile(join(outDir, file), '<!doctype html>');
  }
});

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

function locs(xml: string): string[] {
  const root = parseXml(xml);
  expect(root.name).toBe('urlset');
  expect(root.uri).toBe(SITEMAP);
  return childrenNamed(root, 'url').map((u) => childNamed(u, 'loc').text);
}

describe('sitemap', () => {
  it('finds every HTML page written, sorted, and none of Pagefind’s', async () => {
    expect(await listHtmlPages(outDir)).toEqual(['404.html', 'articles/a/index.html', 'index.html', 'topics/<b>/index.html', 'topics/war & peace/index.html']);
  });

  it('lists every page but the not-found page, with base-path URLs, escaped and percent-encoded', async () => {
    const pages = (await listHtmlPages(outDir)).filter(isListedPage);
    const xml = sitemapXml(pages, { basePath: '/news/', siteUrl: null });
    expect(locs(xml)).toEqual(['/news/articles/a/', '/news/', '/news/topics/%3Cb%3E/', '/news/topics/war%20%26%20peace/']);
    expect(xml).not.toContain('<b>');
  });

  it('gives absolute URLs when a site URL is given', async () => {
    const pages = (await listHtmlPages(outDir)).filter(isListedPage);
    for (const siteUrl of ['https://example.org', 'https://example.org/news/']) {
      expect(locs(sitemapXml(pages, { basePath: '/news/', siteUrl }))[1], siteUrl).toBe('https://example.org/news/');
    }
    expect(locs(sitemapXml(pages, { basePath: '/', siteUrl: 'https://example.org' }))[0]).toBe('https://example.org/articles/a/');
  });

  it('gives an article page its own date as lastmod, and no other page a date', () => {
    const xml = sitemapXml(['articles/a/index.html', 'index.html'], { basePath: '/news/', siteUrl: null }, new Map([['/news/articles/a/', '2024-03-01']]));
    const urls = childrenNamed(parseXml(xml), 'url');
    expect(childNamed(urls[0]!, 'lastmod').text).toBe('2024-03-01');
    expect(childrenNamed(urls[1]!, 'lastmod')).toEqual([]);
  });

  it('keeps pages that are not index.html under their own name', () => {
    expect(locs(sitemapXml(['about.html', 'x/y.html'], { basePath: '/', siteUrl: null }))).toEqual(['/about.html', '/x/y.html']);
  });

  it('writes robots.txt naming the sitemap', () => {
    expect(robotsTxt({ basePath: '/news/', siteUrl: null })).toBe('User-agent: *\nAllow: /\nSitemap: /news/sitemap.xml\n');
    expect(robotsTxt({ basePath: '/', siteUrl: 'https://example.org' })).toContain('Sitemap: https://example.org/sitemap.xml\n');
  });
});
