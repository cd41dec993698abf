import { cp, readdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { Archive, ArticleRecord } from '../archive/types.js';
import { renderArticleBatch, slimSiteData, type ArticleBatchJob, type BatchItem } from './article-batch.js';
import { PageReuse, pageDigest, templatesDigest } from './page-reuse.js';
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
  /** Article pages per Eleventy run (speaker and topic pages: half as many); bounds memory on large archives. Default: a quarter of the articles, between 250 and 2,000. */
  batchSize?: number;
  /**
   * Render article batches in a worker thread as well as in this one: `true`, `false`, or `'auto'`
   * (the default: when there are two or more batches and two or more cores).
   */
  worker?: boolean | 'auto';
  /**
   * The folder holding the previous build of this site (the current `--out`), or null. Speaker, topic
   * and article pages whose inputs are unchanged since then are linked from it instead of rendered
   * (see `page-reuse.ts`); the digests travel in the site as `.news-archive-pages.json`.
   */
  previousOutDir?: string | null;
  /** Quotes and article links shown per Eleventy run of speaker, topic and quotes pages. Default `PAGE_WEIGHT_BUDGET`. */
  pageWeightBudget?: number;
}

/** Default number of article pages per Eleventy run. */
export const ARTICLE_BATCH = 2000;

/** Size of one Eleventy run of speaker, topic or quotes pages, in quotes and article links shown. */
export const PAGE_WEIGHT_BUDGET = 10_000;

/**
 * Runs `render` over `items` in slices whose summed `weight` stays within `budget` (a heavier item
 * gets a run of its own): a run's memory follows what its pages show, not how many pages it has.
 */
async function inWeightedBatches<T>(items: readonly T[], weight: (item: T) => number, budget: number, render: (slice: T[]) => Promise<void>): Promise<void> {
  let slice: T[] = [];
  let sum = 0;
  for (const item of items) {
    const w = Math.max(1, weight(item));
    if (slice.length > 0 && sum + w > budget) {
      await render(slice);
      slice = [];
      sum = 0;
    }
    slice.push(item);
    sum += w;
  }
  if (slice.length > 0) await render(slice);
}

export interface RenderResult {
  pages: number;
  /** Pages linked unchanged from the previous build instead of rendered. */
  reused: number;
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
  // At least four article batches when there are enough articles, so two threads share the work.
  const batch = Math.max(1, options.batchSize ?? Math.min(ARTICLE_BATCH, Math.max(250, Math.ceil(archive.articles.length / 4))));
  const started = performance.now();
  const debugMemory = (what: string): void => {
    if (!process.env.NEWS_ARCHIVE_DEBUG_MEMORY) return;
    (globalThis as { gc?: () => void }).gc?.();
    const { heapUsed, rss } = process.memoryUsage();
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    process.stderr.write(`render: ${what}: heap ${Math.round(heapUsed / 1e6)} MB, rss ${Math.round(rss / 1e6)} MB, ${seconds} s\n`);
  };
  // Pages whose inputs did not change since the previous build are taken from it.
  const reuse = await PageReuse.open(options.previousOutDir ?? null);
  const salt = `${await templatesDigest(templates)}\n${JSON.stringify(siteOptions)}\n${data.name}\n`;
  const fresh = async <T extends { id: string }>(kind: string, items: readonly T[], inputs: (item: T) => unknown): Promise<T[]> => {
    const todo: T[] = [];
    for (const item of items) {
      if (!(await reuse.reuse(`${kind}/${item.id}/index.html`, pageDigest(salt, inputs(item)), options.outDir))) todo.push(item);
    }
    return todo;
  };
  debugMemory('site data');
  const speakers = await fresh('speakers', data.speakers, (s) => s);
  const topics = await fresh('topics', data.topics, (t) => t);
  const list = archive.articles;
  const link = (a: ArticleRecord | undefined): { title: string; url: string } | null => (a ? { title: a.title, url: a.url } : null);
  const items: BatchItem[] = list.map((article, i) => ({ article, older: link(list[i + 1]), newer: link(list[i - 1]) }));
  const articles = await fresh('articles', items.map((item) => ({ id: item.article.id, item })), ({ item }) => item);

  debugMemory('digests');
  // Article pages, batch by batch: a worker thread takes batches from the start while this thread
  // renders the indexes, then this one takes batches from the end too.
  const jobs: ArticleBatchJob[] = [];
  const slim = slimSiteData(data);
  for (let from = 0; from < articles.length; from += batch) {
    jobs.push({ templates, outDir: options.outDir, options: siteOptions, cacheKey: salt, data: slim, items: articles.slice(from, from + batch).map(({ item }) => item) });
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
      await runEleventy(templates, options.outDir, data, salt);
      debugMemory('indexes');
      const budget = Math.max(1, options.pageWeightBudget ?? PAGE_WEIGHT_BUDGET);
      await inWeightedBatches(speakers, (p) => p.quoteCount + p.topics.reduce((n, t) => n + t.count, 0) + p.articleCount, budget, (speakerPages) =>
        runEleventy(join(templates, 'speaker.njk'), options.outDir, { ...data, speakerPages }, salt),
      );
      debugMemory('speakers');
      await inWeightedBatches(topics, (p) => p.articleCount + p.quotes.length + p.speakers.length, budget, (topicPages) =>
        runEleventy(join(templates, 'topic.njk'), options.outDir, { ...data, topicPages }, salt),
      );
      debugMemory('topics');
      await inWeightedBatches(data.quoteMonths, (m) => m.quotes.reduce((n, q) => n + 1 + q.sources.length, 0), budget, (quoteMonthPages) =>
        runEleventy(join(templates, 'quotes-month.njk'), options.outDir, { ...data, quoteMonthPages }, salt),
      );
      debugMemory('quotes');
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
  await reuse.save(options.outDir);
  return { pages: await countPages(options.outDir), reused: reuse.reused };
}
