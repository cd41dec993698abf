import { cp } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import type { QuotesMonth } from '../archive/quotes-index.js';
import type { Archive, ArticleRecord } from '../archive/types.js';
import { pageDigests } from './page-digests.js';
import { PageReuse, templatesDigest, type PagesManifest } from './page-reuse.js';
import { publicDir, templatesDir } from './paths.js';
import { RenderPool, WORKER_LIMITS, type WorkerLimits } from './render-pool.js';
import { renderJob, slimSiteData, withJobPages, type BatchItem, type JobPages, type RenderJob } from './render-job.js';
import { listHtmlPagesSync } from '../publish/sitemap.js';
import { debugMemory } from '../report/memory.js';
import type { KeptFiles } from '../write/kept-files.js';
import { HeapKeeper } from './collect-garbage.js';
import { releaseNunjucksEnvironments } from './nunjucks-cache.js';
import { preloadEleventy, runEleventy } from './run-eleventy.js';
import { siteData, type SiteData, type SiteDataOptions } from './site-data.js';
import { fillSpeakerPages } from '../archive/speakers-index.js';
import { fillTopicPages } from '../archive/topics-index.js';

export interface RenderOptions {
  /** Called as pages are written or taken from the previous build: `done` of `total` (the index pages not counted). */
  onProgress?: (done: number, total: number) => void;
  /** Folder the pages are written to (a temporary folder that is swapped in later). */
  outDir: string;
  /** URL prefix, starting and ending with `/`. */
  basePath: string;
  /** Absolute site URL for canonical links, or null. */
  siteUrl: string | null;
  /** Article pages per Eleventy run; bounds a run's memory. Default: an eighth of the articles, between 50 and `ARTICLE_BATCH`. */
  batchSize?: number;
  /**
   * Render on worker threads (`workers` of them) while this thread renders the index pages: `true`,
   * `false` (everything on this thread), or `'auto'` (the default: when there are two or more cores
   * and at least `IN_PROCESS_BELOW` pages to render).
   */
  worker?: boolean | 'auto';
  /** How many worker threads. Default: the cores available, at most `MAX_WORKERS`. */
  workers?: number;
  /** Heap limits of each worker thread. Default `WORKER_LIMITS`. */
  workerLimits?: WorkerLimits;
  /**
   * The folder holding the previous build of this site (the current `--out`), or null. Pages whose
   * inputs are unchanged since then are taken from it instead of rendered (see `page-reuse.ts`);
   * the digests travel in the site as `.news-archive-pages.json`.
   */
  previousOutDir?: string | null;
  /**
   * The files of `previousOutDir` kept where they are: `outDir` then receives only what changed, and the build updates
   * `previousOutDir` in place with it (`StagedOutput.commit`). Null (the default): unchanged pages are linked from
   * `previousOutDir` into `outDir`, which is then the whole site.
   */
  keptFiles?: KeptFiles | null;
  /** The page digests of `previousOutDir` (`readPagesManifest`), when the caller has read them already. */
  previousPages?: Promise<PagesManifest> | null;
  /** Static assets copied as they are to the site's root. Default `publicDir()`. */
  publicDir?: string;
  /** The archive's quotes index (`quotesByMonth(archive, basePath)`), when the caller has made it already. */
  quoteMonths?: readonly QuotesMonth[];
  /** Quotes and article links shown per Eleventy run of speaker, topic, quotes and timeline pages. Default `PAGE_WEIGHT_BUDGET`. */
  pageWeightBudget?: number;
  /**
   * Called once the pages to render are known. `toRender`: pages to render, not taken from the previous build (under
   * `IN_PROCESS_BELOW`, on this thread).
   */
  onPlanned?: (plan: { toRender: number }) => void;
}

/** Most article pages per Eleventy run. */
export const ARTICLE_BATCH = 1000;

/** Size of one Eleventy run of speaker, topic, quotes or timeline pages, in quotes and article links shown. */
export const PAGE_WEIGHT_BUDGET = 10_000;

/** Fewer pages to render than this are rendered on this thread: starting workers would cost more. */
export const IN_PROCESS_BELOW = 300;

/** Most worker threads. */
export const MAX_WORKERS = 2;

/**
 * The render's main thread forces a collection of its heap (`HeapKeeper`) only above this many bytes used: at
 * 100,000 articles (~1 GB once the site data is made) it keeps the heap, and the peak, down; at 20,000 (~400 MB) and
 * below, the collections (a few seconds of CPU, mostly V8's marking threads) are left to V8.
 */
export const COLLECT_ABOVE = 512 * 1024 * 1024;

/**
 * Splits `items` into slices whose summed `weight` stays within `budget` (a heavier item gets a
 * slice of its own): a run's memory follows what its pages show, not how many pages it has.
 */
function weightedSlices<T>(items: readonly T[], weight: (item: T) => number, budget: number): T[][] {
  const slices: T[][] = [];
  let slice: T[] = [];
  let sum = 0;
  for (const item of items) {
    const w = Math.max(1, weight(item));
    if (slice.length > 0 && sum + w > budget) {
      slices.push(slice);
      slice = [];
      sum = 0;
    }
    slice.push(item);
    sum += w;
  }
  if (slice.length > 0) slices.push(slice);
  return slices;
}

/**
 * What every page's digest begins with: the templates, the render and archive code (`templatesDigest`) and the site
 * options, from which the site data is made (its name too): they stand for it.
 */
export async function renderSalt(siteOptions: SiteDataOptions, templates: string = templatesDir()): Promise<string> {
  return `${await templatesDigest(templates)}\n${JSON.stringify(siteOptions)}\n`;
}

/** What the render does, once planned: the jobs and the index run's data. */
interface RenderPlan {
  /** The runs of pages to render, in order; taken out as they are handed on, so their data goes once rendered. */
  jobs: RenderJob[];
  /** Pages to render (not kept, not linked). */
  toRender: number;
  salt: string;
  quoteMonths: readonly QuotesMonth[];
  /** Every list of the site data, for the index pages' run, which takes it (it is then let go). */
  indexData: SiteData | null;
  /** Pages being taken from the previous build (counted in `reuse.reused` once taken). */
  taking: number;
  /**
   * Once every page to take is taken: the jobs of those that could not be (to render after all). The pages are
   * taken (kept or linked) while this thread renders the others.
   */
  taken: () => Promise<RenderJob[]>;
}

interface PlanContext {
  siteOptions: SiteDataOptions;
  templates: string;
  batch: number;
  budget: number;
  debug: (what: string) => void;
}

/**
 * Computes the site's data and the pages' digests, keeps or links the pages that did not change, and cuts the rest
 * into jobs. Whatever only this needs (the digests, the lists of pages, the articles' neighbours) goes when it returns,
 * before any page is rendered: the main thread's heap is then the archive, the jobs not yet handed on and the index
 * run's data.
 */
async function planRender(archive: Archive, options: RenderOptions, reuse: PageReuse, { siteOptions, templates, batch, budget, debug }: PlanContext): Promise<RenderPlan> {
  const list = archive.articles;
  const salt = await renderSalt(siteOptions, templates);
  reuse.noteSalt(salt);
  // Pages the previous build wrote from the same inputs are taken from it (kept, or linked on another thread, see
  // `PageReuse.takeAll`); a page that cannot be taken is rendered after all.
  const toTake: { page: string; failed: () => void }[] = [];
  const digests = pageDigests(archive, salt);
  const fresh = <T>(items: readonly T[], page: (item: T) => string, digest: (item: T) => string): T[] => {
    const todo: T[] = [];
    for (const item of items) {
      const path = page(item);
      if (reuse.unchanged(path, digest(item))) toTake.push({ page: path, failed: () => todo.push(item) });
      else todo.push(item);
    }
    return todo;
  };
  const link = (a: ArticleRecord | undefined): { title: string; url: string } | null => (a ? { title: a.title, url: a.url } : null);
  const items: BatchItem[] = list.map((article, i) => ({ article, older: link(list[i + 1]), newer: link(list[i - 1]) }));
  const articles = fresh(items, (item) => `articles/${item.article.id}/index.html`, digests.article);
  // The article pages are taken (linked on another thread) while this one computes the site's data.
  const takingFirst = toTake.length;
  const taking = reuse.takeAll(toTake.splice(0), options.outDir);
  taking.catch(() => undefined);
  // The speakers' and topics' pages as outlines (no quotes): only those rendered are filled, when their jobs are cut.
  const data = siteData(archive, siteOptions, false, options.quoteMonths, true);
  debug('site data');
  const speakers = fresh(data.speakers, (s) => `speakers/${s.id}/index.html`, digests.speaker);
  const topics = fresh(data.topics, (t) => `topics/${t.id}/index.html`, digests.topic);
  const months = fresh(data.quoteMonths, (m) => `quotes/${m.slug}/index.html`, digests.quoteMonth);
  const years = fresh(data.timeline.years, (y) => `timeline/${y.year}/index.html`, digests.timelineYear);
  debug('digests');
  options.onPlanned?.({ toRender: articles.length + speakers.length + topics.length + months.length + years.length });
  // The pages taken are not waited for: this thread renders the other pages meanwhile, and those that could not be taken after.
  const pending = takingFirst + toTake.length;
  const takingRest = reuse.takeAll(toTake.splice(0), options.outDir);
  const takingAll = Promise.all([taking, takingRest]);
  takingAll.catch(() => undefined);

  // The jobs: bounded runs of one kind of page each.
  const context = { templates, outDir: options.outDir, options: siteOptions, cacheKey: salt, data: slimSiteData(data) };
  const jobsOf = (lists: { speakers: typeof speakers; topics: typeof topics; months: typeof months; years: typeof years; articles: BatchItem[] }): RenderJob[] => {
    fillSpeakerPages(archive, lists.speakers);
    fillTopicPages(archive, lists.topics);
    const pages: JobPages[] = [
      ...weightedSlices(lists.speakers, (p) => p.quoteCount + p.topics.reduce((n, t) => n + t.count, 0) + p.articleCount, budget).map((slice) => ({ kind: 'speakers' as const, items: slice })),
      ...weightedSlices(lists.topics, (p) => p.articleCount + p.quotes.length + p.speakers.length, budget).map((slice) => ({ kind: 'topics' as const, items: slice })),
      ...weightedSlices(lists.months, (m) => m.quotes.reduce((n, q) => n + 1 + q.sources.length, 0), budget).map((slice) => ({ kind: 'quoteMonths' as const, items: slice })),
      ...weightedSlices(lists.years, (y) => y.count, budget).map((slice) => ({ kind: 'timelineYears' as const, items: slice })),
    ];
    for (let from = 0; from < lists.articles.length; from += batch) pages.push({ kind: 'articles', items: lists.articles.slice(from, from + batch) });
    return pages.map((p) => ({ ...context, ...p }));
  };
  const jobs = jobsOf({ speakers, topics, months, years, articles });
  const toRender = articles.length + speakers.length + topics.length + months.length + years.length;
  // The jobs hold their own slices: the lists are emptied, so that a page that could not be taken, added to its
  // list (`fresh`) after the jobs were cut, is all they then hold, and nothing else is kept through the render.
  for (const list of [speakers, topics, months, years, articles] as unknown[][]) list.length = 0;
  const taken = async (): Promise<RenderJob[]> => {
    const [first, rest] = await takingAll;
    debug(`${first + rest} pages ${reuse.kept !== null ? 'kept' : 'linked'}`);
    return jobsOf({ speakers, topics, months, years, articles });
  };
  return { jobs, toRender, salt, quoteMonths: data.quoteMonths, indexData: data, taking: pending, taken };
}

export interface RenderResult {
  pages: number;
  /** Pages taken unchanged from the previous build (kept or linked) instead of rendered. */
  reused: number;
  /** The archive's quotes index (`quotesByMonth(archive, basePath)`), for the stages after this one. */
  quoteMonths: readonly QuotesMonth[];
  /**
   * The site's HTML pages once rendered, as `listHtmlPages(outDir)` lists them (relative paths, forward slashes, sorted,
   * nothing under `pagefind/`): the pages rendered one per item (kept, linked or rendered), those of the index run, and
   * those copied from the public folder. Known without reading the folder.
   */
  htmlPages: string[];
}

/**
 * Renders the browsable site with Eleventy 3 (programmatic API) from `templates/`, assets copied
 * from `public/`. Bodies are turned into sanitized HTML in TypeScript first (`render-job.ts`); the
 * templates only lay out precomputed data. One run on this thread writes the index pages (from
 * compact article refs); the pages rendered one per item (articles, speakers, topics, quote months,
 * timeline years) follow in jobs of bounded size, each an Eleventy run given only its slice, shared
 * out to worker threads, so memory stays bounded however large the archive and both cores work.
 * Pages whose inputs did not change since the previous build are taken from it instead. Writes
 * nothing outside `outDir`; the output does not depend on which thread rendered what.
 */
export async function renderSite(archive: Archive, options: RenderOptions): Promise<RenderResult> {
  const started = performance.now();
  const cpuAtStart = process.cpuUsage();
  const debug = (what: string): void => {
    if (!process.env.NEWS_ARCHIVE_DEBUG_MEMORY) return;
    const cpu = process.cpuUsage(cpuAtStart);
    debugMemory(`render: ${what} (${((performance.now() - started) / 1000).toFixed(1)} s, CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s)`);
  };
  const siteOptions = { basePath: options.basePath, siteUrl: options.siteUrl };
  const templates = templatesDir();
  const list = archive.articles;
  const batch = Math.max(1, options.batchSize ?? Math.min(ARTICLE_BATCH, Math.max(50, Math.ceil(list.length / 8))));
  const budget = Math.max(1, options.pageWeightBudget ?? PAGE_WEIGHT_BUDGET);
  const cores = availableParallelism();
  const threads = Math.max(1, options.workers ?? Math.min(MAX_WORKERS, cores));
  const mayUseWorkers = options.worker === true || ((options.worker ?? 'auto') === 'auto' && cores >= 2);

  // Eleventy loads while this thread waits (for the previous pages' digests).
  preloadEleventy();
  // Pages whose inputs did not change since the previous build are taken from it (kept there, or linked).
  const reuse = await PageReuse.open(options.previousOutDir ?? null, options.keptFiles ?? null, options.previousPages ?? null);
  // With no previous build to take pages from, a large archive is rendered on workers: start them now,
  // so they load while this thread computes the site's data and the digests.
  const newPool = (): RenderPool => new RenderPool(threads, options.workerLimits ?? WORKER_LIMITS);
  let pool: RenderPool | null = null;
  let rendered = 0;
  let quoteMonths: readonly QuotesMonth[] = [];
  let indexPages: string[] = [];
  if (mayUseWorkers && (options.worker === true || (reuse.previousPages === 0 && list.length >= IN_PROCESS_BELOW))) pool = newPool();
  try {
    const plan = await planRender(archive, options, reuse, { siteOptions, templates, batch, budget, debug });
    quoteMonths = plan.quoteMonths;
    const { jobs, toRender, salt } = plan;
    const runs = jobs.length;
    if (pool === null && mayUseWorkers && jobs.length > 0 && (options.worker === true || toRender >= IN_PROCESS_BELOW)) pool = newPool();
    else if (pool !== null && jobs.length === 0) {
      await pool.close();
      pool = null;
    }

    /** Home, indexes, timeline, quotes, search, 404, and the pages of `together` in the same run (see `withJobPages`). */
    const indexes = async (together: readonly RenderJob[] = []): Promise<number> => {
      const data = plan.indexData;
      plan.indexData = null;
      if (data === null) return 0;
      indexPages = await runEleventy(templates, options.outDir, together.length > 0 ? withJobPages(data, together) : data, salt);
      counted(together.reduce((n, job) => n + job.items.length, 0));
      debug('indexes');
      return indexPages.length;
    };
    const total = toRender + plan.taking;
    let done = 0;
    const counted = (n: number): number => {
      done += n;
      options.onProgress?.(Math.min(done, total), total);
      return n;
    };
    counted(0);
    /** Waits for the pages taken meanwhile; the jobs of those that could not be taken. */
    const takenAfterAll = async (): Promise<RenderJob[]> => {
      const late = await plan.taken();
      counted(reuse.reused);
      return late;
    };
    // Each job is taken out of the list as it is handed on, so that its pages' data can go once they are rendered.
    if (pool !== null) {
      const running: Promise<number>[] = [];
      /** The runs of pages other than articles, which hold the site data's large lists (speakers', topics' pages). */
      const others: Promise<number>[] = [];
      for (let job = jobs.shift(); job !== undefined; job = jobs.shift()) {
        const run = pool.render(job).then(counted);
        running.push(run);
        if (job.kind !== 'articles') others.push(run);
      }
      // While the workers start: the planning's garbage (the digests, the site data's scaffolding) would otherwise
      // stay resident through the runs, as this thread allocates too little meanwhile for V8 to collect it. So would,
      // little by little, what sending 1,000 articles at a time leaves: collected whenever it reaches a quarter of
      // what is live. Only on a heap above `COLLECT_ABOVE`: below, what V8 leaves is not worth the CPU.
      const heap = new HeapKeeper(0.25, COLLECT_ABOVE);
      if (heap.check()) debug('garbage collected');
      for (const run of running) void run.then(() => heap.check() && debug('garbage collected'), () => undefined);
      others.push(indexes());
      running.push(others[others.length - 1]!);
      // The site data's lists are garbage once the index run and the other pages are rendered: the articles' runs,
      // the longest part, go on without them.
      if (others.length < running.length) {
        Promise.all(others).then(
          () => {
            if (heap.check(0)) debug('pages other than articles rendered, garbage collected');
          },
          () => undefined,
        );
      }
      for (const n of await Promise.all(running)) rendered += n;
      for (const job of await takenAfterAll()) rendered += counted(await pool.render(job));
    } else {
      // A small render: its pages in the index pages' run (a run's set-up costs more than a few pages).
      rendered += await indexes(jobs.splice(0));
      for (const job of await takenAfterAll()) rendered += counted(await renderJob(job));
    }
    debug(`${runs} runs of pages`);
  } finally {
    await reuse.close();
    await pool?.close();
    releaseNunjucksEnvironments();
  }
  const assets = options.publicDir ?? publicDir();
  await cp(assets, options.outDir, { recursive: true });
  await reuse.save(options.outDir);
  return { pages: rendered + reuse.reused, reused: reuse.reused, quoteMonths, htmlPages: sitePages(reuse.pages, [...indexPages, ...listHtmlPagesSync(assets)]) };
}

/**
 * The site's HTML pages, sorted as `listHtmlPages` sorts them, from what wrote them: the item pages (`sorted`), the
 * index run's and the public folder's (`others`, a few: the public folder is listed as the output would be). A page may
 * come from more than one. Merged, not sorted again: the item pages are tens of thousands.
 */
function sitePages(sorted: readonly string[], others: readonly string[]): string[] {
  const rest = [...new Set(others)].filter((page) => !page.startsWith('pagefind/')).sort();
  const pages: string[] = [];
  let j = 0;
  for (const page of sorted) {
    for (; j < rest.length && rest[j]! <= page; j += 1) if (rest[j] !== page) pages.push(rest[j]!);
    pages.push(page);
  }
  for (; j < rest.length; j += 1) pages.push(rest[j]!);
  return pages;
}
