import { cp, readdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { Archive } from '../archive/types.js';
import { renderArticleBatch, slimSiteData, type ArticleBatchJob } from './article-batch.js';
import { publicDir, templatesDir } from './paths.js';
import { RenderWorker } from './render-pool.js';
import { runEleventy } from './run-eleventy.js';
import { siteData } from './site-data.js';

export interface RenderOptions {
  /** Folder the pages are written to (a temporary folder that is swapped in later). */
  outDir: string;
  /** URL prefix, starting and ending with `/`. */
  basePath: string;
  /** Absolute site URL for canonical links, or null. */
  siteUrl: string | null;
  /** Article pages per Eleventy run (speaker and topic pages: half as many); bounds memory on large archives. Default 2,000. */
  batchSize?: number;
  /**
   * Render article batches in a worker thread as well as in this one: `true`, `false`, or `'auto'`
   * (the default: when there are two or more batches and two or more cores).
   */
  worker?: boolean | 'auto';
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

/**
 * Renders the browsable site with Eleventy 3 (programmatic API) from `templates/`, assets copied
 * from `public/`. Bodies are turned into sanitized HTML in TypeScript first (`site-data.ts`); the
 * templates only lay out precomputed data. One run writes the index pages (from compact article
 * refs); speaker, topic and article pages follow in runs of `batchSize`, each given only its slice,
 * so memory stays bounded however large the archive, and article batches are shared with a worker
 * thread to use a second core. Writes nothing outside `outDir`; the output does not depend on which
 * thread rendered what.
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
  // Article pages, batch by batch: a worker thread takes batches from the start while this thread
  // renders the indexes, then this one takes batches from the end too.
  const jobs: ArticleBatchJob[] = [];
  const slim = slimSiteData(data);
  const list = archive.articles;
  for (let from = 0; from < list.length; from += batch) {
    const start = Math.max(0, from - 1);
    const records = list.slice(start, Math.min(list.length, from + batch + 1));
    jobs.push({ templates, outDir: options.outDir, options: siteOptions, data: slim, records, first: from - start, count: Math.min(batch, list.length - from) });
  }
  const useWorker = options.worker === 'auto' || options.worker === undefined ? jobs.length >= 2 && availableParallelism() >= 2 : options.worker;
  const worker = useWorker && jobs.length > 0 ? new RenderWorker() : null;
  try {
    const inWorker = async (): Promise<void> => {
      if (!worker) return;
      for (let job = jobs.shift(); job; job = jobs.shift()) await worker.render(job);
    };
    const here = async (): Promise<void> => {
      // Indexes, timeline, quotes, search, 404: the paginated article, speaker and topic templates get no items here.
      await runEleventy(templates, options.outDir, data);
      debugMemory('indexes');
      await inBatches(data.speakers, Math.ceil(batch / 2), (speakerPages) => runEleventy(join(templates, 'speaker.njk'), options.outDir, { ...data, speakerPages }));
      debugMemory('speakers');
      await inBatches(data.topics, Math.ceil(batch / 2), (topicPages) => runEleventy(join(templates, 'topic.njk'), options.outDir, { ...data, topicPages }));
      debugMemory('topics');
      for (let job = jobs.pop(); job; job = jobs.pop()) {
        await renderArticleBatch(job);
        debugMemory('a batch of articles');
      }
    };
    await Promise.all([inWorker(), here()]);
  } finally {
    await worker?.close();
  }
  await cp(publicDir(), options.outDir, { recursive: true });
  return { pages: await countPages(options.outDir) };
}
