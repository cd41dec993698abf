import { availableParallelism } from 'node:os';
import { contentDigest } from '../cache/digest.js';
import { DigestCache } from '../cache/digest-cache.js';
import type { DigestCacheStats } from '../cache/digest-cache.js';
import { extractCacheVersion, isExtractedArticle, readCachedArticle } from '../cache/extract-cache.js';
import type { ExtractedArticle } from '../extract/types.js';
import { ExtractPool } from './worker-pool.js';

export interface ExtractJob {
  /** Path relative to the content folder. */
  file: string;
  /** Article text with front matter removed. */
  text: string;
  /** The cache's key for `text` (`contentDigest(text, extractCacheVersion())`), when the caller has it already. */
  digest?: string;
}

/**
 * One article's result (`ExtractionSession.extract`, `ExtractionSession.fromCache`): the article, and its body's UTF-8
 * bytes when `article.body` is left empty (as a worker's result and the cache's are read: the body is never decoded).
 */
export interface ArticleResult {
  article: ExtractedArticle;
  body: Buffer | null;
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
  /** Articles the whole session will be given, for `onProgress` (default: those given so far). */
  total?: number;
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
  const session = ExtractionSession.open(options);
  try {
    const results = await session.extract(jobs);
    await session.finish();
    return results.map((result) => (result instanceof Error ? result : withBody(result)));
  } finally {
    await session.close();
  }
}

type Extractor = (typeof import('../extract/index.js'))['extractArticle'];

let extractor: Promise<Extractor> | null = null;

/** The extractor, loaded the first time an article is extracted on this thread: a rebuild from the cache never loads it. */
function loadExtractor(): Promise<Extractor> {
  extractor ??= import('../extract/index.js').then((module) => module.extractArticle);
  return extractor;
}

/**
 * One build's extraction, given its articles chunk by chunk (`extract`), so that a build never holds every
 * article's text at once: the cache is opened once and committed by `finish`, the worker threads are started
 * once (when a chunk is large enough to be worth them) and kept until `close`.
 */
export class ExtractionSession {
  readonly #options: ExtractAllOptions;
  readonly #cache: DigestCache | null;
  #maxWorkers: number;
  #closed = false;
  #pool: ExtractPool | null = null;
  /** Digests of every article given so far: the cache keeps these when it compacts. */
  readonly #live: string[] = [];
  readonly #stats: ExtractAllStats;
  #done = 0;
  #given = 0;

  private constructor(options: ExtractAllOptions) {
    this.#options = options;
    this.#cache =
      options.cacheDir === null ? null : DigestCache.open({ dir: options.cacheDir, version: extractCacheVersion(), validate: isExtractedArticle });
    this.#maxWorkers = options.workers ?? Math.min(4, availableParallelism());
    this.#stats = { articles: 0, cached: 0, extracted: 0, workers: 0, cache: null };
  }

  static open(options: ExtractAllOptions): ExtractionSession {
    return new ExtractionSession(options);
  }

  #progress(n: number): void {
    this.#done += n;
    this.#options.onProgress?.(this.#done, Math.max(this.#options.total ?? 0, this.#given));
  }

  /**
   * Extracts one chunk of articles, in order; an article on which the extractor throws gives its error. A result's body
   * may be given as bytes (see `ArticleResult`).
   */
  async extract(jobs: ExtractJob[]): Promise<Array<ArticleResult | Error>> {
    const cache = this.#cache;
    const total = jobs.length;
    this.#given += total;
    this.#stats.articles += total;
    const results = new Array<ArticleResult | Error | undefined>(total);
    const digests = cache === null ? null : jobs.map((job) => job.digest ?? contentDigest(job.text, extractCacheVersion()));
    if (digests !== null) for (const digest of digests) this.#live.push(digest);
    /** Extracts one article here (`extractArticle` loaded); a thrown error becomes its result. */
    const extractHere = (i: number, extractArticle: Extractor): void => {
      try {
        const article = extractArticle(jobs[i]!.text);
        results[i] = { article, body: null };
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
      const hit = cache.getAs(digest, readCachedArticle);
      if (hit !== null) {
        results[i] = { article: hit.value as ExtractedArticle, body: hit.bytes };
        cached += 1;
      } else todo.push(i);
    }
    this.#stats.cached += cached;
    this.#stats.extracted += todo.length;
    if (cached > 0) this.#progress(cached);

    const useWorkers = this.#maxWorkers >= 2 && todo.length >= (this.#options.inProcessBelow ?? 200);
    if (useWorkers) {
      const batchSize = Math.max(1, this.#options.batchSize ?? 32);
      try {
        this.#pool ??= new ExtractPool(this.#maxWorkers);
        this.#stats.workers = this.#maxWorkers;
        await this.#pool.run(
          todo.map((i) => jobs[i]!.text),
          batchSize,
          (start, jsons) => {
            jsons.forEach((json, k) => {
              const i = todo[start + k]!;
              if (json === null) return; // the extractor threw there: done again below, here, for its error
              // The JSON's bytes go to the cache as they are, and the body stays bytes (for the body store).
              if (cache !== null && digests !== null) cache.put(digests[i]!, json);
              const { value, bytes } = readCachedArticle(json);
              results[i] = { article: value as ExtractedArticle, body: bytes };
            });
            this.#progress(jsons.filter((json) => json !== null).length);
          },
        );
      } catch {
        // A worker could not start or died: whatever is left is extracted here, and so is every later chunk.
        this.#maxWorkers = 0;
        this.#stats.workers = 0;
      }
    }
    const here = todo.filter((i) => results[i] === undefined);
    if (here.length > 0) {
      const extractArticle = await loadExtractor();
      for (const i of here) {
        extractHere(i, extractArticle);
        this.#progress(1);
      }
    }
    for (const [i, first] of copies) {
      const result = results[first]!;
      results[i] = result instanceof Error ? result : { article: structuredClone(result.article), body: result.body };
      this.#progress(1);
    }
    return results as Array<ArticleResult | Error>;
  }

  /**
   * The cached results for texts known only by their cache keys (files unchanged since the previous build,
   * not read again), in order; null for a key the cache does not have (that file must be read and extracted).
   * A result's body is given as its UTF-8 bytes (`body`, the article's `body` then empty) when the entry allows,
   * for the body store: the body is then never decoded (`readCachedArticle`).
   */
  fromCache(digests: readonly string[]): Array<ArticleResult | null> {
    const cache = this.#cache;
    const results = digests.map((digest): ArticleResult | null => {
      const hit = cache?.getAs(digest, readCachedArticle) ?? null;
      return hit === null ? null : { article: hit.value as ExtractedArticle, body: hit.bytes };
    });
    let cached = 0;
    for (const [i, result] of results.entries()) {
      if (result === null) continue;
      cached += 1;
      this.#live.push(digests[i]!);
    }
    this.#given += cached;
    this.#stats.articles += cached;
    this.#stats.cached += cached;
    if (cached > 0) this.#progress(cached);
    return results;
  }

  /** Commits the cache (keeping the entries of every article given) and reports what was done. */
  async finish(): Promise<ExtractAllStats> {
    if (!this.#closed) this.#cache?.commit(this.#live);
    this.#stats.cache = this.#cache?.stats ?? null;
    this.#options.onStats?.({ ...this.#stats });
    await this.close();
    return this.#stats;
  }

  /** Stops the workers and closes the cache without committing (after `finish`, does nothing more). */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#cache?.close();
    await this.#pool?.close();
    this.#pool = null;
  }
}

/** The article of a result with its body as text. */
function withBody({ article, body }: ArticleResult): ExtractedArticle {
  return body === null ? article : { ...article, body: body.toString('utf8') };
}
