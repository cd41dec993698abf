import { mkdir, mkdtemp, readdir, readFile, rm, cp, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/build/build.js';

/**
 * Builds the five seeds (plus one article whose front matter names a speaker and a topic, so those
 * pages exist whatever the extractor finds) and checks that every internal href and src of every
 * page resolves to a file — and every #fragment to an id in it — at the root and under a base path.
 */

const SEEDS = fileURLToPath(new URL('../content/', import.meta.url));
const EXTRA = `---
title: "Links test: a dated article"
date: 2024-05-01
source: Test Wire
speakers:
  - name: Dmitry Peskov
    role: Kremlin spokesman
topics:
  - Link checking
---
Moscow (Test Wire) - “We have never refused to negotiate,” Kremlin spokesman Dmitry Peskov said on Wednesday.
`;

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true });
  return entries.filter((f) => f.endsWith('.html')).map((f) => f.split('\\').join('/')).sort();
}

/** Every href and src in a page (attribute values, entities for & decoded). */
function links(html: string): string[] {
  const found: string[] = [];
  for (const m of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) found.push((m[1] ?? '').replace(/&amp;/g, '&'));
  return found;
}

const ids = (html: string): Set<string> => new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1] ?? ''));

interface Built {
  dir: string;
  outDir: string;
}

async function buildSeeds(basePath: string): Promise<Built> {
  const dir = await mkdtemp(join(tmpdir(), 'news-archive-links-'));
  const contentDir = join(dir, 'content');
  const outDir = join(dir, 'site');
  await mkdir(contentDir, { recursive: true });
  await cp(SEEDS, contentDir, { recursive: true });
  await writeFile(join(contentDir, 'links-test.md'), EXTRA);
  const quiet = new Writable({ write: (_c, _e, done) => done() });
  await build({ contentDir, outDir, basePath, siteUrl: 'https://example.org', cache: false, stdout: quiet, stderr: quiet });
  return { dir, outDir };
}

/** Problems with the internal links of a built site; empty when all resolve. */
async function brokenLinks(outDir: string, basePath: string): Promise<{ problems: string[]; checked: number }> {
  const problems: string[] = [];
  let checked = 0;
  const pageCache = new Map<string, string>();
  const read = async (file: string): Promise<string> => {
    let html = pageCache.get(file);
    if (html === undefined) {
      html = await readFile(join(outDir, file), 'utf8');
      pageCache.set(file, html);
    }
    return html;
  };
  for (const page of await htmlFiles(outDir)) {
    const html = await read(page);
    for (const link of links(html)) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(link)) {
        // The one data: URL is the empty icon that spares browsers a favicon request.
        if (/^(javascript|vbscript):/i.test(link) || (/^data:/i.test(link) && link !== 'data:,')) problems.push(`${page}: unsafe link ${link}`);
        continue; // external (canonical, og:url …)
      }
      checked += 1;
      const [pathAndQuery, fragment] = link.split('#', 2) as [string, string | undefined];
      const path = pathAndQuery.split('?')[0] ?? '';
      let target: string;
      if (path === '') {
        target = page;
      } else if (path.startsWith('/')) {
        if (!path.startsWith(basePath)) {
          problems.push(`${page}: ${link} does not start with the base path ${basePath}`);
          continue;
        }
        target = decodeURIComponent(path.slice(basePath.length));
      } else {
        problems.push(`${page}: relative link ${link}`);
        continue;
      }
      if (target === '' || target.endsWith('/')) target += 'index.html';
      if (!existsSync(join(outDir, target))) {
        problems.push(`${page}: ${link} → missing ${target}`);
        continue;
      }
      if (fragment && target.endsWith('.html') && !ids(await read(target)).has(decodeURIComponent(fragment))) {
        problems.push(`${page}: ${link} → no id "${fragment}" in ${target}`);
      }
    }
  }
  return { problems, checked };
}

describe('every internal link of the built site resolves', { timeout: 120_000 }, () => {
  const sites = new Map<string, Built>();
  beforeAll(async () => {
    for (const basePath of ['/', '/sub/path/']) sites.set(basePath, await buildSeeds(basePath));
  }, 240_000);
  afterAll(async () => {
    for (const { dir } of sites.values()) await rm(dir, { recursive: true, force: true });
  });

  for (const basePath of ['/', '/sub/path/']) {
    it(`with base path ${basePath}`, async () => {
      const { outDir } = sites.get(basePath)!;
      const pages = await htmlFiles(outDir);
      // The kinds of page the site must have.
      for (const must of ['index.html', '404.html', 'search/index.html', 'topics/index.html', 'speakers/index.html', 'quotes/index.html', 'timeline/index.html', 'topics/link-checking/index.html', 'speakers/dmitry-peskov/index.html']) {
        expect(pages).toContain(must);
      }
      // One page per article in records.json (the seeds that the extractor can read, and the extra one), at its url.
      const records = JSON.parse(await readFile(join(outDir, 'records.json'), 'utf8')) as { articles: { url: string }[] };
      expect(records.articles.length).toBeGreaterThanOrEqual(1);
      expect(pages.filter((p) => p.startsWith('articles/')).length).toBe(records.articles.length);
      for (const { url } of records.articles) expect(pages).toContain(`${url.slice(basePath.length)}index.html`);
      const { problems, checked } = await brokenLinks(outDir, basePath);
      expect(checked).toBeGreaterThan(pages.length * 5);
      expect(problems).toEqual([]);
    });
  }

  it('finds a broken link when there is one (the checker itself works)', async () => {
    const { outDir } = sites.get('/sub/path/')!;
    const page = join(outDir, 'index.html');
    const original = await readFile(page, 'utf8');
    try {
      await writeFile(page, original.replace('</main>', '<a href="/sub/path/nowhere/">x</a><a href="/topics/">y</a></main>'));
      const { problems } = await brokenLinks(outDir, '/sub/path/');
      expect(problems.some((p) => p.includes('missing nowhere/index.html'))).toBe(true);
      expect(problems.some((p) => p.includes('does not start with the base path'))).toBe(true);
    } finally {
      await writeFile(page, original);
    }
  });
});
