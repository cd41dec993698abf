import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { NewsArchiveError } from '../report/errors.js';
import { childrenPeakKib } from '../report/memory.js';
import { SEARCH_LANGUAGE } from './search-language.js';
import type { SearchRecord } from './search-records.js';
import { pruneSeeded, seedBundle } from './search-seed.js';

/** One shard for Pagefind to index: the folder its bundle goes to. Its records come separately, in batches, in order. */
export interface ShardJob {
  outputPath: string;
  /**
   * `full`: the whole bundle, Pagefind's scripts and styles included (the primary shard, in `pagefind/`);
   * `index`: only what a merged index is read from (`pagefind-entry.json`, `*.pf_meta`, `index/`, `filter/`, `fragment/`).
   */
  bundle: 'full' | 'index';
  /**
   * The same bundle in the previous build, when there is one: its content-named files are linked into `outputPath`
   * first, so that Pagefind writes only the files that changed (`search-seed.ts`). The bundle does not depend on it.
   */
  seedFrom?: string;
}

/** A shard's records in order, a batch at a time (`RECORD_BATCH` each): built as they are asked for. */
export type RecordBatches = Iterable<SearchRecord[]> | AsyncIterable<SearchRecord[]>;

/**
 * Records in a batch. A shard's records are sent and indexed a batch at a time, never all held at once: each
 * batch is garbage soon after it is built (young, cheap to collect), and Pagefind's pipe holds one batch's
 * messages (base64 of each record's JSON), not a whole shard's.
 */
export const RECORD_BATCH = 100;

/** Cuts `items` into batches (`size` long) of what `make` builds from each, built only as each batch is asked for. */
export function* inBatches<T>(items: readonly T[], make: (item: T) => SearchRecord, size = RECORD_BATCH): Generator<SearchRecord[]> {
  const step = Math.max(1, size);
  for (let from = 0; from < items.length; from += step) yield items.slice(from, from + step).map(make);
}

/** The files of a bundle that `mergeIndex` reads: the scripts, styles and WebAssembly come from the primary bundle. */
function isIndexFile(name: string): boolean {
  return name === 'pagefind-entry.json' || name.endsWith('.pf_meta') || name === 'index' || name === 'filter' || name === 'fragment';
}

/** Pagefind runs as one service process per Node process (or worker thread); shards in the same one take turns. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Indexes one shard with a Pagefind service of its own and closes the service, so that its memory is given
 * back before the next shard. Records are sent in order, a batch at a time: the service handles its messages one
 * by one in the order sent, so the index does not depend on timing or batching. Pagefind runs its binary from the npm package and
 * makes no request. Resolves with the service's peak resident size in KiB (`childrenPeakKib`, read before it is
 * closed: the largest of this process's child processes then), for the build's memory figure (`noteChildPeak`).
 */
export function indexShard(job: ShardJob, batches: RecordBatches): Promise<number> {
  const run = queue.then(() => indexRecords(job, batches));
  queue = run.catch(() => undefined);
  return run;
}

async function indexRecords(job: ShardJob, batches: RecordBatches): Promise<number> {
  let seeded: string[] = [];
  let peakKib = 0;
  let created: Awaited<ReturnType<typeof pagefind.createIndex>>;
  try {
    const creating = pagefind.createIndex({ forceLanguage: SEARCH_LANGUAGE });
    // While the service starts: the previous bundle's files, which Pagefind then does not write again.
    seeded = job.seedFrom === undefined ? [] : seedBundle(job.seedFrom, job.outputPath);
    created = await creating;
  } catch (cause) {
    await pagefind.close();
    throw new SearchIndexError('Pagefind could not start; reinstall with `npm ci` (its binary comes in @pagefind/<platform>)', { cause });
  }
  const { index, errors } = created;
  if (index === undefined) {
    await pagefind.close();
    throw new SearchIndexError(`Pagefind could not start: ${errors.join('; ')}; reinstall with \`npm ci\``);
  }
  try {
    for await (const batch of batches) {
      const added = await Promise.all(batch.map((record) => index.addCustomRecord(record)));
      added.forEach((a, i) => {
        if (a.errors.length > 0) throw new SearchIndexError(`Pagefind could not index ${batch[i]?.url}: ${a.errors.join('; ')}`);
      });
    }
    const write = async (): Promise<void> => {
      const written = await index.writeFiles({ outputPath: job.outputPath });
      if (written.errors.length > 0) throw new SearchIndexError(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    };
    await write();
    // The seeded files the index does not use go; should one it uses not hold what its name says, it is written again.
    const wrong = pruneSeeded(job.outputPath, seeded);
    if (wrong === null || wrong.length > 0) await write();
  } finally {
    peakKib = childrenPeakKib();
    await index.deleteIndex();
    await pagefind.close();
  }
  if (job.bundle === 'index') {
    for (const name of await readdir(job.outputPath)) if (!isIndexFile(name)) await rm(join(job.outputPath, name), { recursive: true, force: true });
  }
  return peakKib;
}

/** Pagefind failed: the site cannot get its search. */
export class SearchIndexError extends NewsArchiveError {}
