import { availableParallelism } from 'node:os';
import { contentDigest } from '../cache/digest.js';
import { DigestCache } from '../cache/digest-cache.js';
import type { DigestCacheStats } from '../cache/digest-cache.js';
import { extractCacheVersion, isExtractedArticle } from '../cache/extract-cache.js';
import { extractArticle } from '../extract/index.js';
import type { ExtractedArticle } from '../extract/types.js';
import { extractInWorkers } from './worker-pool.js';

export interface ExtractJob {
  /** Path relative to the content folder. */
  file: string;
  /** Article text with front matter removed. */
  text: string;
}

export interface ExtractAllStats {
  /** Jobs given. */
  articles: number;
  /** Results read from the cache. */
  cached: number;
  /** Articles extracted by this run (jobs with the same text are extracted once). */
  extracted: number;
  /** Worker threads used; 0 when extraction ran in-process. */
  workers: number;
  /** What the cache did, or null without a cache. */
  cache: DigestCacheStats | null;
}

export interface ExtractAllOptions {
  /** Folder for cached extraction results (`.cache/` beside the output), or null for no cache. */
  cacheDir: string | null;
  /** Most worker threads to use. Default: `os.availableParallelism()`, at most 4. 0 or 1: extract in-process. */
  workers?: number;
  /** Fewer articles to extract than this run in-process, since starting workers would cost more. Default 200. */
  inProcessBelow?: number;
  /** Articles per message to a worker. Default 32. */
  batchSize?: number;
  /** Called as articles are done (from the cache or extracted): `done` of `total`. */
  onProgress?: (done: number, total: number) => void;
  /** Called once at the end with what was done. */
  onStats?: (stats: ExtractAllStats) => void;
}

/**
 * Extracts every article, in order. Results are cached by content digest (the text's bytes and the extractor's
 * version), so a rebuild extracts only new or changed articles; the rest run on worker threads when there are
 * enough of them. The output does not depend on the cache or the workers. Throws the first article's error
 * should the extractor throw (see `extractAllSettled` to keep going).
 */
export async function extractAll(jobs: ExtractJob[], options: ExtractAllOptions): Promise<ExtractedArticle[]> {
  const settled = await extractAllSettled(jobs, options);
  const failed = settled.find((result): result is Error => result instanceof Error);
  if (failed !== undefined) throw failed;
  return settled as ExtractedArticle[];
}

/**
 * Like `extractAll`, but an article on which the extractor throws gives its error in its place instead of
 * failing the whole run; the others are extracted and cached as usual (a failure is never cached).
 */
export async function extractAllSettled(jobs: ExtractJob[], options: ExtractAllOptions): Promise<Array<ExtractedArticle | Error>> {
  const total = jobs.length;
  const results = new Array<ExtractedArticle | Error | undefined>(total);
  const cache =
    options.cacheDir === null
      ? null
      : DigestCache.open({ dir: options.cacheDir, version: extractCacheVersion(), validate: isExtractedArticle });
  const digests = cache === null ? null : jobs.map((job) => contentDigest(job.text, extractCacheVersion()));
  let done = 0;
  const progress = (n: number): void => {
    done += n;
    options.onProgress?.(done, total);
  };
  /** Extracts one article here; a thrown error becomes its result. */
  const extractHere = (i: number): void => {
    try {
      const article = extractArticle(jobs[i]!.text);
      results[i] = article;
      if (cache !== null && digests !== null) cache.put(digests[i]!, JSON.stringify(article));
    } catch (error) {
      results[i] = error instanceof Error ? error : new Error(String(error));
    }
  };

  // What the cache has; the rest is to extract, each distinct text once.
  const todo: number[] = [];
  const firstOf = new Map<string, number>();
  const copies: Array<[number, number]> = [];
  let cached = 0;
  try {
    for (let i = 0; i < total; i++) {
      if (cache === null || digests === null) {
        todo.push(i);
        continue;
      }
      const digest = digests[i]!;
      const first = firstOf.get(digest);
      if (first !== undefined) {
        copies.push([i, first]);
        continue;
      }
      firstOf.set(digest, i);
      const hit = cache.get(digest);
      if (isExtractedArticle(hit)) {
        results[i] = hit;
        cached += 1;
      } else todo.push(i);
    }
    if (cached > 0) progress(cached);

    const maxWorkers = options.workers ?? Math.min(4, availableParallelism());
    const useWorkers = maxWorkers >= 2 && todo.length >= (options.inProcessBelow ?? 200);
    let workers = 0;
    if (useWorkers) {
      const batchSize = Math.max(1, options.batchSize ?? 32);
      workers = Math.min(maxWorkers, Math.ceil(todo.length / batchSize));
      try {
        await extractInWorkers(
          todo.map((i) => jobs[i]!.text),
          workers,
          batchSize,
          (start, jsons) => {
            jsons.forEach((json, k) => {
              const i = todo[start + k]!;
              if (json === null) return; // the extractor threw there: done again below, here, for its error
              results[i] = JSON.parse(json) as ExtractedArticle;
              if (cache !== null && digests !== null) cache.put(digests[i]!, json);
            });
            progress(jsons.filter((json) => json !== null).length);
          },
        );
      } catch {
        // A worker could not start or died: whatever is left is extracted here.
        workers = 0;
      }
    }
    for (const i of todo) {
      if (results[i] !== undefined) continue;
      extractHere(i);
      progress(1);
    }
    for (const [i, first] of copies) {
      const result = results[first]!;
      results[i] = result instanceof Error ? result : structuredClone(result);
      progress(1);
    }
    cache?.commit(digests ?? []);
    options.onStats?.({ articles: total, cached, extracted: todo.length, workers, cache: cache?.stats ?? null });
  } finally {
    cache?.close();
  }
  return results as Array<ExtractedArticle | Error>;
}
