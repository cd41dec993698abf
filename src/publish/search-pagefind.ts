import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { NewsArchiveError } from '../report/errors.js';
import { SEARCH_LANGUAGE, type SearchRecord } from './search-records.js';

/** One shard for Pagefind to index: its records, in order, and the folder its bundle goes to. */
export interface ShardJob {
  records: SearchRecord[];
  outputPath: string;
  /**
   * `full`: the whole bundle, Pagefind's scripts and styles included (the primary shard, in `pagefind/`);
   * `index`: only what a merged index is read from (`pagefind-entry.json`, `*.pf_meta`, `index/`, `filter/`, `fragment/`).
   */
  bundle: 'full' | 'index';
}

/** The files of a bundle that `mergeIndex` reads: the scripts, styles and WebAssembly come from the primary bundle. */
function isIndexFile(name: string): boolean {
  return name === 'pagefind-entry.json' || name.endsWith('.pf_meta') || name === 'index' || name === 'filter' || name === 'fragment';
}

/** Records sent to the service before waiting for its replies. */
const ADD_BATCH = 100;

/** Pagefind runs as one service process per Node process (or worker thread); shards in the same one take turns. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Indexes one shard with a Pagefind service of its own and closes the service, so that its memory is given
 * back before the next shard. Records are sent in order, a batch at a time: the service handles its messages one
 * by one in the order sent, so the index does not depend on timing. Pagefind runs its binary from the npm package and
 * makes no request.
 */
export function indexShard(job: ShardJob): Promise<void> {
  const run = queue.then(() => indexRecords(job));
  queue = run.catch(() => undefined);
  return run;
}

async function indexRecords(job: ShardJob): Promise<void> {
  let created: Awaited<ReturnType<typeof pagefind.createIndex>>;
  try {
    created = await pagefind.createIndex({ forceLanguage: SEARCH_LANGUAGE });
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
    // A batch at a time: each record is sent as base64 of its JSON, and a whole shard sent at once would wait,
    // encoded, in the pipe's buffer (a few times the shard's text).
    for (let from = 0; from < job.records.length; from += ADD_BATCH) {
      const batch = job.records.slice(from, from + ADD_BATCH);
      const added = await Promise.all(batch.map((record) => index.addCustomRecord(record)));
      added.forEach((a, i) => {
        if (a.errors.length > 0) throw new SearchIndexError(`Pagefind could not index ${batch[i]?.url}: ${a.errors.join('; ')}`);
      });
    }
    const written = await index.writeFiles({ outputPath: job.outputPath });
    if (written.errors.length > 0) throw new SearchIndexError(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  } finally {
    await index.deleteIndex();
    await pagefind.close();
  }
  if (job.bundle === 'index') {
    for (const name of await readdir(job.outputPath)) if (!isIndexFile(name)) await rm(join(job.outputPath, name), { recursive: true, force: true });
  }
}

/** Pagefind failed: the site cannot get its search. */
export class SearchIndexError extends NewsArchiveError {}
