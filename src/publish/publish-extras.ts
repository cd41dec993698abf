import { mkdir, writeFile } from 'node:fs/promises';
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
  // The search index (Pagefind's services and their threads), the pages listed (on libuv's threads) and the feeds
  // (on this one) at the same time; the sitemap once the pages are listed, the search index checked against them.
  const search =
    computed.search ??
    startSearchIndex(archive, {
      ...options,
      ...(onProgress === undefined ? {} : { onProgress }),
      ...(computed.quoteMonths === undefined ? {} : { quoteMonths: computed.quoteMonths }),
    });
  // The pages are listed, and the unchanged feeds linked, on a thread of their own (a large site's tens of thousands
  // of small reads and links) while this one makes the feeds' digests and writes the changed ones.
  const linker = new FileLinker();
  try {
    const listing = (archive.articles.length >= LINK_ON_THREAD_FROM ? linker.listHtmlPages(options.outDir) : listHtmlPages(options.outDir)).then((pages) => {
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
 * A feed whose entries did not change since the previous build is linked from it by `linker` (on its thread),
 * instead of made and written; one that cannot be linked after all is written.
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
  const linking = options.previousOutDir ? linker.link(options.previousOutDir, outDir, [...toLink.keys()]) : Promise.resolve([]);
  linking.catch(() => undefined);
  // Each file written as it is made, a few at a time: the feeds of a large archive are tens of megabytes together.
  const written = await writeAll(outDir, toWrite.map(feedFile), WRITES_AT_ONCE);
  const missing = await linking;
  await writeAll(outDir, missing.map((file) => feedFile(toLink.get(file)!)), WRITES_AT_ONCE);
  await writeFile(join(outDir, FEEDS_MANIFEST), feedsManifest(digests));
  debug(`${written + toLink.size} feeds written (${toLink.size - missing.length} unchanged)`);
  const pages = await listing;
  const others: OutputFile[] = [
    { file: 'sitemap.xml', text: () => sitemapXml(pages.filter(isListedPage), options, articleDates(archive)) },
    { file: 'robots.txt', text: () => robotsTxt(options) },
  ];
  await writeAll(outDir, others, WRITES_AT_ONCE);
  debug('sitemap and robots.txt written');
  return written + toLink.size + others.length;
}

/** Files written at once: enough to keep the disk busy, few enough that only a few feeds are held. */
const WRITES_AT_ONCE = 8;

/** A file of this stage: its path in the output folder (forward slashes), and its text. */
interface OutputFile {
  file: string;
  text: () => string;
}

/** Writes each file as it is made, `slots` at a time; returns how many. */
async function writeAll(outDir: string, files: readonly OutputFile[], slots: number): Promise<number> {
  const iterator = files[Symbol.iterator]();
  let written = 0;
  let failed = false;
  const lane = async (): Promise<void> => {
    for (let next = iterator.next(); !next.done && !failed; next = iterator.next()) {
      const { file, text } = next.value;
      written += 1;
      const path = join(outDir, ...file.split('/'));
      try {
        await mkdir(dirname(path), { recursive: true });
        await writeFile(path, text());
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  // Every lane is waited for, so that nothing is still being written when this returns or throws.
  const settled = await Promise.allSettled(Array.from({ length: slots }, lane));
  for (const s of settled) if (s.status === 'rejected') throw s.reason;
  return written;
}

/** Each dated article's page path and date, for the sitemap's `<lastmod>`. */
function articleDates(archive: Archive): Map<string, string> {
  return new Map(archive.articles.filter((a) => a.date !== null).map((a) => [a.url, a.date ?? '']));
}
