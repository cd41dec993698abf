import { cp, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import Eleventy from '@11ty/eleventy';
import type { Archive } from '../archive/types.js';
import { configureEleventy } from './eleventy-config.js';
import { publicDir, templatesDir } from './paths.js';
import { articlePages, siteData, type SiteData } from './site-data.js';

export interface RenderOptions {
  /** Folder the pages are written to (a temporary folder that is swapped in later). */
  outDir: string;
  /** URL prefix, starting and ending with `/`. */
  basePath: string;
  /** Absolute site URL for canonical links, or null. */
  siteUrl: string | null;
  /** Article pages per Eleventy run (speaker and topic pages: half as many); bounds memory on large archives. Default 2,000. */
  batchSize?: number;
}

/** Default number of article pages per Eleventy run. */
export const ARTICLE_BATCH = 2000;

/** Runs `render` over `items` in slices of `size`. */
async function inBatches<T>(items: readonly T[], size: number, render: (slice: T[]) => Promise<void>): Promise<void> {
  for (let from = 0; from < items.length; from += size) await render(items.slice(from, from + size));
}

export interface RenderResult {
  pages: number;
}

/** Counts the HTML files under `dir`. */
async function countPages(dir: string): Promise<number> {
  const files = await readdir(dir, { recursive: true });
  return files.filter((f) => f.endsWith('.html')).length;
}

/** One Eleventy run over `input` (the templates folder, or one template in it) with `data` as `site`. */
async function runEleventy(input: string, outDir: string, data: SiteData): Promise<void> {
  const eleventy = new Eleventy(input, outDir, {
    quietMode: true,
    config: (config) => configureEleventy(config, data),
  });
  eleventy.disableLogger();
  await eleventy.write();
}

/**
 * Renders the browsable site with Eleventy 3 (programmatic API) from `templates/`, assets copied
 * from `public/`. Bodies are turned into sanitized HTML in TypeScript first (`site-data.ts`); the
 * templates only lay out precomputed data. One run writes the index pages (from compact article
 * refs); article pages follow in runs of `batchSize`, each given only its slice, so memory stays
 * bounded however large the archive. Writes nothing outside `outDir`.
 */
export async function renderSite(archive: Archive, options: RenderOptions): Promise<RenderResult> {
  const siteOptions = { basePath: options.basePath, siteUrl: options.siteUrl };
  const data = siteData(archive, siteOptions);
  const templates = templatesDir();
  const batch = Math.max(1, options.batchSize ?? ARTICLE_BATCH);
  const debugMemory = (what: string): void => {
    if (!process.env.NEWS_ARCHIVE_DEBUG_MEMORY) return;
    (globalThis as { gc?: () => void }).gc?.();
    const { heapUsed, rss } = process.memoryUsage();
    process.stderr.write(`render: ${what}: heap ${Math.round(heapUsed / 1e6)} MB, rss ${Math.round(rss / 1e6)} MB\n`);
  };
  // Indexes, timeline, quotes, search, 404: the paginated article, speaker and topic templates get no items here.
  await runEleventy(templates, options.outDir, data);
  debugMemory('indexes');
  await inBatches(data.speakers, Math.ceil(batch / 2), (speakerPages) => runEleventy(join(templates, 'speaker.njk'), options.outDir, { ...data, speakerPages }));
  debugMemory('speakers');
  await inBatches(data.topics, Math.ceil(batch / 2), (topicPages) => runEleventy(join(templates, 'topic.njk'), options.outDir, { ...data, topicPages }));
  debugMemory('topics');
  for (let from = 0; from < archive.articles.length; from += batch) {
    const articles = articlePages(archive, siteOptions, from, from + batch);
    await runEleventy(join(templates, 'article.njk'), options.outDir, { ...data, articles });
    debugMemory(`articles from ${from}`);
  }
  await cp(publicDir(), options.outDir, { recursive: true });
  return { pages: await countPages(options.outDir) };
}
