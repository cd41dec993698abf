import { copyFile, link, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { QuotesMonth } from '../archive/quotes-index.js';
import type { Archive } from '../archive/types.js';
import type { RenderOptions } from '../render/render-site.js';
import { debugMemory } from '../report/memory.js';
import { feedDigest, feedsManifest, feedsSalt, FEEDS_MANIFEST, previousFeedDigests } from './feed-reuse.js';
import { feedPlans, feedXml, type EntryCache } from './feeds.js';
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
  const listing = listHtmlPages(options.outDir).then((pages) => {
    debug(`${pages.length} pages listed`);
    return pages;
  });
  const searching = listing.then((pages) => search.finish(pages));
  const [files, index] = await Promise.allSettled([writeFiles(archive, options, listing, debug), searching]);
  // Nothing is still being written when this returns or throws.
  await search.settled;
  if (files.status === 'rejected') throw files.reason;
  if (index.status === 'rejected') throw index.reason;
  debug('search index written');
  return { files: files.value, search: index.value };
}

/**
 * Writes the feeds, then `sitemap.xml` and `robots.txt` once `listing` gives the site's pages; returns how many files.
 * A feed whose entries did not change since the previous build is linked from it, instead of made and written.
 */
async function writeFiles(archive: Archive, options: RenderOptions, listing: Promise<readonly string[]>, debug: (what: string) => void): Promise<number> {
  const { outDir } = options;
  const [salt, previous] = await Promise.all([feedsSalt(options), previousFeedDigests(options.previousOutDir)]);
  const digests = new Map<string, string>();
  const entries: EntryCache = new Map();
  const feeds = (function* (): Generator<OutputFile> {
    for (const plan of feedPlans(archive, options)) {
      const digest = feedDigest(salt, plan);
      digests.set(plan.file, digest);
      const from = options.previousOutDir && previous.get(plan.file) === digest ? join(options.previousOutDir, ...plan.file.split('/')) : null;
      yield { file: plan.file, from, text: () => feedXml(plan, options, entries) };
    }
  })();
  // Each file written as it is made, a few at a time: the feeds of a large archive are tens of megabytes together.
  const { written, linked } = await writeAll(outDir, feeds, WRITES_AT_ONCE);
  await writeFile(join(outDir, FEEDS_MANIFEST), feedsManifest(digests));
  debug(`${written} feeds written (${linked} unchanged)`);
  const pages = await listing;
  const others: OutputFile[] = [
    { file: 'sitemap.xml', from: null, text: () => sitemapXml(pages.filter(isListedPage), options, articleDates(archive)) },
    { file: 'robots.txt', from: null, text: () => robotsTxt(options) },
  ];
  await writeAll(outDir, others, WRITES_AT_ONCE);
  debug('sitemap and robots.txt written');
  return written + others.length;
}

/** Files written at once: enough to keep the disk busy, few enough that only a few feeds are held. */
const WRITES_AT_ONCE = 8;

/** A file of this stage: its path in the output folder (forward slashes), the previous build's copy when unchanged, and its text. */
interface OutputFile {
  file: string;
  /** The same file in the previous build, linked (or copied) instead of writing `text()`; null to write. */
  from: string | null;
  text: () => string;
}

/** Writes each file as the iterable makes it, `slots` at a time; returns how many, and how many were linked from the previous build. */
async function writeAll(outDir: string, files: Iterable<OutputFile>, slots: number): Promise<{ written: number; linked: number }> {
  const iterator = files[Symbol.iterator]();
  let written = 0;
  let linked = 0;
  let failed = false;
  const lane = async (): Promise<void> => {
    for (let next = iterator.next(); !next.done && !failed; next = iterator.next()) {
      const { file, from, text } = next.value;
      written += 1;
      const path = join(outDir, ...file.split('/'));
      try {
        await mkdir(dirname(path), { recursive: true });
        if (from !== null && (await linkOrCopy(from, path))) linked += 1;
        else await writeFile(path, text());
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  // Every lane is waited for, so that nothing is still being written when this returns or throws.
  const settled = await Promise.allSettled(Array.from({ length: slots }, lane));
  for (const s of settled) if (s.status === 'rejected') throw s.reason;
  return { written, linked };
}

/** Puts `from` at `to`: a hard link, or a copy where linking fails; false when neither works (`from` is gone). */
async function linkOrCopy(from: string, to: string): Promise<boolean> {
  try {
    await link(from, to);
    return true;
  } catch {
    try {
      await copyFile(from, to);
      return true;
    } catch {
      return false;
    }
  }
}

/** Each dated article's page path and date, for the sitemap's `<lastmod>`. */
function articleDates(archive: Archive): Map<string, string> {
  return new Map(archive.articles.filter((a) => a.date !== null).map((a) => [a.url, a.date ?? '']));
}
