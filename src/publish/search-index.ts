import { mkdirSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { QuotesMonth } from '../archive/quotes-index.js';
import type { Archive } from '../archive/types.js';
import { debugMemory, noteChildPeak } from '../report/memory.js';
import { searchPages, type SearchPage } from './search-records.js';
import { pathOfOutputFile } from './urls.js';
import { MAX_SHARD_WEIGHT, pageWeight, planShards } from './search-shards.js';
import { indexingDigest, MANIFEST_FILE, previousDigests, takeBundle, SEARCH_INDEX_VERSION, shardDigest, type ShardEntry, type ShardManifest } from './search-reuse.js';
import type { KeptFiles } from '../write/kept-files.js';
import { inThisThread, WorkerRunner, type ShardRunner } from './search-workers.js';

import { inBatches } from './search-pagefind.js';

export { SearchIndexError } from './search-pagefind.js';

export interface SearchIndexOptions {
  /** The site folder the pages were rendered to. */
  outDir: string;
  /** URL prefix the archive's URLs were made with, starting and ending with `/`. */
  basePath: string;
  /** The previous build of this site, whose unchanged shards are reused; null to index every shard. */
  previousOutDir?: string | null;
  /** The files of `previousOutDir` kept where they are (see `RenderOptions.keptFiles`): an unchanged shard is kept, not linked. */
  keptFiles?: KeptFiles | null;
  /**
   * The site's pages (`articles/x/index.html`, as `listHtmlPages` gives them); when given, a record whose page is
   * not among them is left out, so that the search never leads to a missing page.
   */
  pages?: readonly string[];
  /** The archive's quotes index (`quotesByMonth(archive, basePath)`) when already computed; otherwise computed here. */
  quoteMonths?: readonly QuotesMonth[];
  /** Called as shards are indexed or reused: `done` of `total`. */
  onProgress?: (done: number, total: number) => void;
}

export interface SearchIndexTuning {
  /** Cap of a shard, in pages (a page counting once per 8 KiB of text); default `shardCap` of the archive's weight. */
  maxShardWeight?: number;
  /** Records built and sent to Pagefind at a time; default `RECORD_BATCH`. The index does not depend on it. */
  recordBatch?: number;
  /** Shards indexed at once, each by a Pagefind service in a worker thread; default 2 on two or more cores, else 1 (in this thread). */
  parallel?: number;
}

export interface SearchIndexResult {
  /** Pages indexed (article and quotes month pages). */
  pages: number;
  shards: number;
  /** Shards copied unchanged from the previous build. */
  reused: number;
}

/**
 * Writes the Pagefind search index and its UI into `<outDir>/pagefind/`, in shards (`search-shards.ts`): the first
 * shard's bundle is `pagefind/` itself, with Pagefind's scripts; the others are `pagefind/shards/<key>/`, and the
 * search page merges them (`mergeIndex`) after reading their list, `pagefind/shards.json`. A small archive is one
 * shard, in `pagefind/` alone.
 *
 * Each page is a custom record built from the archive (`search-records.ts`), not parsed back from its HTML. URLs are
 * relative to the site root, without the base path: Pagefind's script puts back whatever comes before `pagefind/`
 * in the bundle's URL, so the index works under any base path. A shard whose digest (what its records are built
 * from, the code that builds them, Pagefind's version) is the one in the previous site's list is linked from there
 * instead. The shards to index are handed to Pagefind first, the others linked meanwhile.
 * The output depends only on the archive: shards and their pages come in a fixed order, whatever order they are
 * written in.
 */
export async function writeSearchIndex(archive: Archive, options: SearchIndexOptions, tuning: SearchIndexTuning = {}): Promise<SearchIndexResult> {
  const existing = options.pages ? new Set(options.pages.map((file) => pathOfOutputFile(file, '/'))) : null;
  const pages = searchPages(archive, options.basePath, options.quoteMonths).filter((p) => existing === null || existing.has(p.url));
  return indexPages(pages, options, tuning);
}

/** The search index being written while the pages are rendered (`startSearchIndex`). */
export interface SearchIndexRun {
  /** Settles once nothing is written any more, whether the index was written or failed; never rejects. */
  settled: Promise<void>;
  /**
   * The result, given the site's pages once rendered (as `listHtmlPages` gives them): should a record's page not be
   * among them after all, the index is written again without it, as `writeSearchIndex` would have.
   */
  finish(pages: readonly string[]): Promise<SearchIndexResult>;
}

/** The search index's folder in the site (Pagefind's bundle); the index owns it: it empties it first. */
export const SEARCH_FOLDER = 'pagefind';

/**
 * Starts writing the search index before the site's pages exist, while they are rendered into the same folder:
 * the records come from the archive, not from the pages. `outDir` must hold nothing the render will still
 * delete (see `RenderOptions.onPlanned`). Every record is indexed; `finish` checks their pages were written.
 */
export function startSearchIndex(archive: Archive, options: Omit<SearchIndexOptions, 'pages'>, tuning: SearchIndexTuning = {}): SearchIndexRun {
  const pages = searchPages(archive, options.basePath, options.quoteMonths);
  const running = indexPages(pages, options, tuning, true);
  const settled = running.then(
    () => undefined,
    () => undefined,
  );
  return {
    settled,
    async finish(written) {
      const result = await running;
      const existing = new Set(written.map((file) => pathOfOutputFile(file, '/')));
      if (pages.every((p) => existing.has(p.url))) return result;
      return writeSearchIndex(archive, { ...options, pages: written }, tuning);
    },
  };
}

/**
 * Most weight (see `pageWeight`) of the shards to index whose records are built at once and handed to the shard
 * threads in one go, when the index is written while the pages render: Pagefind then has its records whatever
 * this thread is busy with. More than this is sent a batch at a time, as asked for.
 */
export const RECORDS_AT_ONCE_WEIGHT = MAX_SHARD_WEIGHT;

/**
 * Writes the index of `pages` (see `writeSearchIndex`). Everything up to handing the first shards to Pagefind
 * happens before this returns its promise; `early` (while the pages render) hands over a few shards' records at once.
 */
async function indexPages(pages: readonly SearchPage[], options: SearchIndexOptions, tuning: SearchIndexTuning, early = false): Promise<SearchIndexResult> {
  const started = performance.now();
  const debug = (what: string): void => debugMemory(`search: ${what} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  const planned = planShards(pages, tuning.maxShardWeight);
  // An empty archive still gets Pagefind's bundle, so the search page loads and finds nothing.
  const shards = planned.length > 0 ? planned : [{ key: 'all', pages: [] }];
  debug(`${pages.length} pages in ${shards.length} shards`);
  const dir = join(options.outDir, SEARCH_FOLDER);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const indexing = indexingDigest();
  const previous = previousDigests(options.previousOutDir);

  const slots = shards.length < 2 ? 1 : Math.max(1, Math.min(tuning.parallel ?? Math.min(2, availableParallelism()), shards.length));
  const runner: ShardRunner = slots > 1 ? new WorkerRunner(slots) : inThisThread;
  const entries: ShardEntry[] = shards.map((shard, i) => {
    const bundle = i === 0 ? 'pagefind/' : `pagefind/shards/${shard.key}/`;
    return { key: shard.key, bundle, pages: shard.pages.length, digest: shardDigest(indexing.digest, bundle, shard.pages) };
  });
  const unchanged = (i: number): boolean => !!options.previousOutDir && previous.get(entries[i]!.bundle) === entries[i]!.digest;
  // The shards to index first, in order, then those to take from the previous build: a lane links these while
  // Pagefind indexes the others. The files do not depend on the order.
  const order = [...shards.keys()].sort((a, b) => Number(unchanged(a)) - Number(unchanged(b)) || a - b);
  const freshWeight = shards.reduce((n, shard, i) => (unchanged(i) ? n : shard.pages.reduce((m, p) => m + pageWeight(p), n)), 0);
  const atOnce = early && slots > 1 && freshWeight <= RECORDS_AT_ONCE_WEIGHT;
  let reused = 0;
  let done = 0;
  const finished = (): void => options.onProgress?.((done += 1), shards.length);
  options.onProgress?.(0, shards.length);
  try {
    await inSlots(shards.length, slots, async (n, slot) => {
      const i = order[n]!;
      const shard = shards[i]!;
      const primary = i === 0;
      const { bundle } = entries[i]!;
      const outputPath = join(options.outDir, ...bundle.split('/'));
      if (options.previousOutDir && unchanged(i) && (await takeBundle(options.previousOutDir, options.keptFiles ?? null, bundle, outputPath, primary))) {
        reused += 1;
        finished();
        return;
      }
      const batches = inBatches(shard.pages, (p) => p.record(), tuning.recordBatch);
      // The previous build's bundle of this shard, if any, seeds the folder: Pagefind writes only what changed.
      const seedFrom = options.previousOutDir && previous.has(bundle) ? { seedFrom: join(options.previousOutDir, ...bundle.split('/')) } : {};
      noteChildPeak(await runner.run(slot, { outputPath, bundle: primary ? 'full' : 'index', ...seedFrom }, batches, atOnce));
      debug(`shard ${shard.key} indexed, ${shard.pages.length} pages`);
      finished();
    });
  } finally {
    await runner.close();
  }
  const manifest: ShardManifest = { version: SEARCH_INDEX_VERSION, pagefind: indexing.pagefind, shards: entries };
  await writeFile(join(options.outDir, ...MANIFEST_FILE.split('/')), `${JSON.stringify(manifest, null, 1)}\n`);
  return { pages: pages.length, shards: shards.length, reused };
}

/** Runs `task(0 … count-1)` in order, at most `slots` at a time, each given a slot no other running task has. */
async function inSlots(count: number, slots: number, task: (index: number, slot: number) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const lane = async (slot: number): Promise<void> => {
    while (next < count && !failed) {
      const i = next++;
      try {
        await task(i, slot);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  // Every lane is waited for, so that no shard is still being written when this returns or throws.
  const settled = await Promise.allSettled(Array.from({ length: slots }, (_, slot) => lane(slot)));
  for (const s of settled) if (s.status === 'rejected') throw s.reason;
}
