import { mkdirSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { QuotesMonth } from '../archive/quotes-index.js';
import type { Archive } from '../archive/types.js';
import type { RenderOptions } from '../render/render-site.js';
import { debugMemory } from '../report/memory.js';
import { FileLinker, LINK_ON_THREAD_FROM } from '../write/file-linker.js';
import { feedDigest, feedsManifest, feedsSalt, FEEDS_MANIFEST, previousFeedDigests } from './feed-reuse.js';
import { feedPlans, feedXml, type EntryCache, type FeedPlan } from './feeds.js';
import { startSearchIndex, type SearchIndexResult, type SearchIndexRun } from './search-index.js';
import { isListedPage, listHtmlPages, robotsTxt, sitemapXml } from './sitemap.js';

export interface PublishResult {
  /** Files written by this stage (feeds, sitemap, robots.txt), not counting Pagefind's bundle. */
  files: number;
  /** The search index: pages indexed, shards, shards reused from the previous build. */
  search: SearchIndexResult;
}

/** What the render stage computed already and this stage can take instead of computing it again. */
export interface Computed {
  /** The archive's quotes index, `quotesByMonth(archive, basePath)` with the base path of `options`. */
  quoteMonths?: readonly QuotesMonth[];
  /** The search index, when started already while the pages were rendered (`startSearchIndex`): finished here instead. */
  search?: SearchIndexRun | null;
  /**
   * The site's HTML pages as `listHtmlPages(outDir)` would give them (`RenderResult.htmlPages`): the output folder is
   * then not read to list them.
   */
  pages?: readonly string[];
}

/**
 * Writes what comes after the pages, into the folder they were rendered to:
 * `feed.xml`, `topics/<id>/feed.xml`, `speakers/<id>/feed.xml` (Atom), `sitemap.xml`, `robots.txt`,
 * and the Pagefind search index and UI in `pagefind/` (in shards on a large archive, see `search-index.ts`).
 * A feed whose digest (its entries' articles, its links, the feed code: `feed-reuse.ts`) is the one in the previous
 * site's `.news-archive-feeds.json` is linked from that site instead of made again; `computed` takes what the render
 * stage already has (the quotes index, or the search index started while it rendered), so that it is not made twice.
 * The search index is written while the feeds are: Pagefind's services, on worker threads, beside this thread.
 */
export async function publishExtras(
  archive: Archive,
  options: RenderOptions,
  onProgress?: (shardsDone: number, shards: number) => void,
  computed: Computed = {},
): Promise<PublishResult> {
  const started = performance.now();
  const debug = (what: string): void => debugMemory(`publish: ${what} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  // The search index (Pagefind's services and their threads) and the feeds (on this one) at the same time; the sitemap
  // once the pages are listed, the search index checked against them.
  const search =
    computed.search ??
    startSearchIndex(archive, {
      ...options,
      ...(onProgress === undefined ? {} : { onProgress }),
      ...(computed.quoteMonths === undefined ? {} : { quoteMonths: computed.quoteMonths }),
    });
  // The unchanged feeds are linked on a thread of their own (a large site's thousands of small links) while this one
  // makes the feeds' digests and writes the changed ones. The pages are those the render wrote; only when it did not
  // say are they listed from the folder (on that thread too: tens of thousands of small reads).
  const linker = new FileLinker();
  try {
    const listing =
      computed.pages !== undefined
        ? Promise.resolve(computed.pages)
        : (archive.articles.length >= LINK_ON_THREAD_FROM ? linker.listHtmlPages(options.outDir) : listHtmlPages(options.outDir)).then((pages) => {
            debug(`${pages.length} pages listed`);
            return pages;
          });
    const searching = listing.then((pages) => search.finish(pages));
    const [files, index] = await Promise.allSettled([writeFiles(archive, options, linker, listing, debug), searching]);
    // Nothing is still being written when this returns or throws.
    await search.settled;
    if (files.status === 'rejected') throw files.reason;
    if (index.status === 'rejected') throw index.reason;
    debug('search index written');
    return { files: files.value, search: index.value };
  } finally {
    await linker.close();
  }
}

/**
 * Writes the feeds, then `sitemap.xml` and `robots.txt` once `listing` gives the site's pages; returns how many files.
 * A feed whose entries did not change since the previous build is kept in it (`RenderOptions.keptFiles`) or linked
 * from it by `linker` (on its thread), instead of made and written; one that cannot be taken after all is written.
 */
async function writeFiles(archive: Archive, options: RenderOptions, linker: FileLinker, listing: Promise<readonly string[]>, debug: (what: string) => void): Promise<number> {
  const { outDir } = options;
  const [salt, previous] = await Promise.all([feedsSalt(options), previousFeedDigests(options.previousOutDir)]);
  const digests = new Map<string, string>();
  const entries: EntryCache = new Map();
  const toWrite: FeedPlan[] = [];
  /** The feeds to link, by path: written should they not be linked after all. */
  const toLink = new Map<string, FeedPlan>();
  for (const plan of feedPlans(archive, options)) {
    const digest = feedDigest(salt, plan);
    digests.set(plan.file, digest);
    if (options.previousOutDir && previous.get(plan.file) === digest) toLink.set(plan.file, plan);
    else toWrite.push(plan);
  }
  const feedFile = (plan: FeedPlan): OutputFile => ({ file: plan.file, text: () => feedXml(plan, options, entries) });
  const linking = !options.previousOutDir
    ? Promise.resolve([])
    : options.keptFiles
      ? options.keptFiles.keep([...toLink.keys()])
      : linker.link(options.previousOutDir, outDir, [...toLink.keys()]);
  linking.catch(() => undefined);
  // Each file written as it is made: the feeds of a large archive are tens of megabytes together.
  const written = await writeAll(outDir, toWrite.map(feedFile));
  const missing = await linking;
  await writeAll(outDir, missing.map((file) => feedFile(toLink.get(file)!)));
  await writeFile(join(outDir, FEEDS_MANIFEST), feedsManifest(digests));
  debug(`${written + toLink.size} feeds written (${toLink.size - missing.length} unchanged)`);
  const pages = await listing;
  const others: OutputFile[] = [
    { file: 'sitemap.xml', text: () => sitemapXml(pages.filter(isListedPage), options, articleDates(archive)) },
    { file: 'robots.txt', text: () => robotsTxt(options) },
  ];
  await writeAll(outDir, others);
  debug('sitemap and robots.txt written');
  return written + toLink.size + others.length;
}

/**
 * Files written between two turns of the event loop. They are written synchronously: for thousands of small files
 * (a large archive's feeds), libuv's thread hops (a folder, an open, a write and a close for each) cost more CPU than
 * the calls (measured at 2,366 feeds of 20 KB: ~0.45–0.5 s of CPU async, ~0.13–0.25 s so); the turns let this thread keep the search
 * index's threads supplied with records meanwhile.
 */
const WRITES_PER_TURN = 16;

/** A file of this stage: its path in the output folder (forward slashes), and its text. */
interface OutputFile {
  file: string;
  text: () => string;
}

/** Writes each file as it is made, one at a time (a feed's text is held only while it is written); returns how many. */
async function writeAll(outDir: string, files: readonly OutputFile[]): Promise<number> {
  let written = 0;
  for (const { file, text } of files) {
    const path = join(outDir, ...file.split('/'));
    const data = text();
    try {
      writeFileSync(path, data);
    } catch (error) {
      // Its folder is most often there already (a topic's or speaker's page is in it): made only when it is not.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, data);
    }
    written += 1;
    if (written % WRITES_PER_TURN === 0) await new Promise((turn) => setImmediate(turn));
  }
  return written;
}

/** Each dated article's page path and date, for the sitemap's `<lastmod>`. */
function articleDates(archive: Archive): Map<string, string> {
  return new Map(archive.articles.filter((a) => a.date !== null).map((a) => [a.url, a.date ?? '']));
}
