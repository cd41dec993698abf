import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import nunjucks from 'nunjucks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { assembleArchive } from '../src/archive/assemble.js';
import { releaseNunjucksEnvironments } from '../src/render/nunjucks-cache.js';
import { templatesDir } from '../src/render/paths.js';
import { renderJob, slimSiteData, type RenderJob } from '../src/render/render-job.js';
import { siteData } from '../src/render/site-data.js';
import { sampleInputs } from './render-sample-archive.js';
import { tempFolders } from './temp-folders.js';

const tempDir = tempFolders('news-archive-njk-cache-');

/** The article pages of the sample archive as one job writing to `outDir`. */
function articleJob(outDir: string, cacheKey?: string): RenderJob {
  const options = { basePath: '/', siteUrl: 'https://example.org' };
  const archive = assembleArchive(sampleInputs(), { basePath: '/' });
  const list = archive.articles;
  const items = list.map((article, i) => ({ article, older: list[i + 1] ?? null, newer: list[i - 1] ?? null }));
  return { templates: templatesDir(), outDir, options, data: slimSiteData(siteData(archive, options)), kind: 'articles', items, ...(cacheKey === undefined ? {} : { cacheKey }) };
}

async function pages(dir: string): Promise<Map<string, string>> {
  const list = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.html')).sort();
  return new Map(await Promise.all(list.map(async (f) => [f, await readFile(join(dir, f), 'utf8')] as const)));
}

/** Spies on Nunjucks' compiler: how many times a template whose path ends with `name` was compiled. */
function compilesOf(name: string): () => number {
  const spy = vi.spyOn(nunjucks.compiler, 'compile');
  return () => spy.mock.calls.filter((call) => String(call[3] ?? '').endsWith(name)).length;
}

afterEach(() => {
  vi.restoreAllMocks();
  releaseNunjucksEnvironments();
});

describe('compiled page templates', () => {
  it('compiles a paginated template once per run, not once per page, and each page still shows its own item', async () => {
    const out = await tempDir();
    const compiles = compilesOf(`${join('templates', 'article.njk')}`);
    const job = articleJob(out);
    const written = await renderJob(job);
    expect(written).toBe(job.items.length);
    expect(job.items.length).toBeGreaterThanOrEqual(3);
    expect(compiles()).toBe(1);
    const html = await pages(out);
    for (const { article } of job.items) {
      const page = html.get(join('articles', article.id, 'index.html'));
      expect(page).toContain(`<h1 data-pagefind-meta="title">`);
      // The page's own title (escaped as the template escapes it), in its <title> and <h1>.
      const title = article.title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
      expect(page).toContain(`<h1 data-pagefind-meta="title">${title}</h1>`);
      expect(page).toContain(`<title>${title} · `);
    }
  });

  it('shares the compiled template across the runs of a kept environment, with the same pages', async () => {
    const [first, second] = [await tempDir(), await tempDir()];
    const compiles = compilesOf(`${join('templates', 'article.njk')}`);
    await renderJob(articleJob(first, 'shared'));
    await renderJob(articleJob(second, 'shared'));
    expect(compiles()).toBe(1);
    expect(await pages(second)).toEqual(await pages(first));
  });

  it('compiles again for a new environment, with the same pages', async () => {
    const [first, second] = [await tempDir(), await tempDir()];
    const compiles = compilesOf(`${join('templates', 'article.njk')}`);
    await renderJob(articleJob(first));
    await renderJob(articleJob(second));
    expect(compiles()).toBe(2);
    expect(await pages(second)).toEqual(await pages(first));
  });
});
