import { join } from 'node:path';
import { articleSource } from '../archive/article-digest.js';
import type { ArchiveInput } from '../archive/assemble.js';
import type { BodyRef, BodyStore } from '../archive/body-store.js';
import { findArticleFiles } from '../load/find-files.js';
import { loadFile } from '../load/load-content.js';
import { contentDigest } from '../cache/digest.js';
import { extractCacheVersion } from '../cache/extract-cache.js';
import type { ExtractedArticle } from '../extract/types.js';
import { FileManifest, fileStamp } from '../load/file-manifest.js';
import type { LoadedArticle } from '../load/types.js';
import { fromExtractMessage, type Diagnostic } from '../report/diagnostics.js';
import type { Progress } from '../report/progress.js';
import { applyFrontMatter } from './apply-front-matter.js';
import { ExtractionSession } from './extract-all.js';

/** Files read and extracted at a time: the texts of one chunk are all a build holds. */
export const EXTRACT_CHUNK = 2000;

export interface LoadAndExtractOptions {
  /** Folder for cached extraction results, or null for no cache. */
  cacheDir: string | null;
  /** Where the articles' bodies go (each input's `article.body` is left empty; `bodies` says where it is). */
  store: BodyStore;
  progress: Progress;
  /** Files per chunk. Default `EXTRACT_CHUNK`. */
  chunkSize?: number;
  /** Most extraction worker threads (see `ExtractAllOptions.workers`). */
  workers?: number;
  /** A file modified less than this many milliseconds before it was read is read again by the next build. Default `RACY_MS`. */
  racyMs?: number;
}

/**
 * One usable file of a chunk: what loading gave (the text only until it is extracted), and its text's cache key, which
 * its record's digest is taken from (`articleSource`), with a cache or without.
 */
type LoadedFile = Omit<LoadedArticle, 'text'> & { text?: string | undefined; digest: string };

/** Files read between two turns of the event loop while the chunk before is being extracted. */
const READ_SLICE = 64;

/** One chunk of files, read: by the index of each file in the chunk, what the cache gave and what is left to extract. */
interface Chunk {
  /** When its files' stamps were taken (ms since the epoch). */
  readAt: number;
  stamps: Array<ReturnType<typeof fileStamp>>;
  /** Results: from the cache by stamp when read, the rest once extracted. */
  raws: Array<ExtractedArticle | Error | undefined>;
  /** The bodies found in the cache as bytes (their articles' `body` empty): they go to the store as they are. */
  bodyBytes: Array<Buffer | undefined>;
  /** The usable files; undefined for a file that could not be used. */
  articles: Array<LoadedFile | undefined>;
  /** The files to extract, by index. */
  toExtract: number[];
  /** The files that could not be used, and why. */
  unusable: Array<{ file: string; diagnostic: Diagnostic }>;
}

export interface LoadedArchive {
  /** Articles extracted, front matter applied, in file order; bodies in the store. */
  inputs: ArchiveInput[];
  /** Each input's body in the store, by file. */
  bodies: Map<string, BodyRef>;
  /** Files left out (unreadable, empty, extractor failure), sorted. */
  leftOut: string[];
  diagnostics: Diagnostic[];
  /** How many results came from the cache (the others were extracted by this build). */
  fromCache: number;
}

/**
 * Reads and extracts every article under `contentDir`, a chunk of files at a time, so that the build never
 * holds every article's text: each chunk is read, extracted (from the cache or on worker threads) and
 * reduced to its record, with the body moved to the store, before the next is read. With a cache, a file whose
 * stamp is unchanged since the previous build is not read at all (`file-manifest.ts`): its result comes from the
 * cache by the key noted then. A file that cannot be read, or on which the extractor throws, is left out with an
 * error naming it; the others go on.
 */
export async function loadAndExtract(contentDir: string, options: LoadAndExtractOptions): Promise<LoadedArchive> {
  const { progress, store } = options;
  progress.stage('loading', null);
  const found = await findArticleFiles(contentDir);
  progress.end(`${found.files.length} files`);

  const total = found.files.length;
  const diagnostics: Diagnostic[] = [...found.diagnostics];
  // A folder that cannot be read counts as left out: its articles are missing.
  const leftOut = found.diagnostics.filter((d) => d.severity === 'error' && d.file !== null).map((d) => d.file!);
  const inputs: ArchiveInput[] = [];
  const bodies = new Map<string, BodyRef>();

  progress.stage('extracting', total);
  let note = `${total} articles`;
  let cachedResults = 0;
  const session = ExtractionSession.open({
    cacheDir: options.cacheDir,
    total,
    ...(options.workers === undefined ? {} : { workers: options.workers }),
    onProgress: (done) => progress.update(done, total),
    onStats: (stats) => {
      cachedResults = stats.cached;
      if (stats.cache !== null) note += ` (${stats.cached} from the cache)`;
    },
  });
  // Files unchanged since the previous build are not read again: what loading them gave is in the manifest.
  const version = extractCacheVersion();
  const manifest = FileManifest.open(options.cacheDir, version, options.racyMs);
  try {
    const chunkSize = Math.max(1, options.chunkSize ?? EXTRACT_CHUNK);
    /**
     * Reads the chunk of files from `from`: what the cache has by the files' stamps, the rest read. With `alongside`
     * (a chunk being extracted meanwhile), it lets the event loop turn every `READ_SLICE` files read, so that the
     * workers' answers are taken and each is sent its next batch: the workers do not wait for the next chunk.
     */
    const readChunk = async (from: number, alongside: boolean): Promise<Chunk> => {
      const readAt = Date.now();
      const files = found.files.slice(from, from + chunkSize);
      // Each file's stamp is taken before it is read, so a change made meanwhile is seen next time.
      const stamps = files.map((file) => (options.cacheDir === null ? null : fileStamp(join(contentDir, file))));
      const known = files.map((file, i) => {
        const stamp = stamps[i];
        return stamp === null || stamp === undefined ? null : manifest.known(file, stamp.stamp);
      });
      const knownAt = known.flatMap((k, i) => (k === null ? [] : [i]));
      const fromCache = session.fromCache(knownAt.map((i) => known[i]!.digest));
      const raws = new Array<ExtractedArticle | Error | undefined>(files.length);
      const bodyBytes = new Array<Buffer | undefined>(files.length);
      knownAt.forEach((i, k) => {
        const hit = fromCache[k];
        if (hit === null || hit === undefined) return;
        raws[i] = hit.article;
        if (hit.body !== null) bodyBytes[i] = hit.body;
      });

      // The rest is read (and extracted, or found in the cache by its text).
      const chunk: Chunk = { readAt, stamps, raws, bodyBytes, articles: new Array<LoadedFile | undefined>(files.length), toExtract: [], unusable: [] };
      let read = 0;
      for (const [i, file] of files.entries()) {
        const k = known[i];
        if (k !== null && k !== undefined && raws[i] !== undefined) {
          chunk.articles[i] = { file, frontMatter: k.frontMatter, lineOffset: k.lineOffset, diagnostics: k.diagnostics, digest: k.digest };
          continue;
        }
        const outcome = loadFile(contentDir, file);
        if (outcome.ok) {
          const { text, ...rest } = outcome.article;
          chunk.articles[i] = { ...rest, text, digest: contentDigest(text, version) };
          chunk.toExtract.push(i);
        } else {
          chunk.unusable.push({ file, diagnostic: outcome.diagnostic });
        }
        read += 1;
        if (alongside && read % READ_SLICE === 0) await new Promise((next) => setImmediate(next));
      }
      return chunk;
    };

    let next: Chunk | null = total > 0 ? await readChunk(0, false) : null;
    for (let from = 0; next !== null; from += chunkSize) {
      const { readAt, stamps, raws, bodyBytes, articles, toExtract, unusable } = next;
      const extraction = session.extract(
        toExtract.map((i) => {
          const { file, text, digest } = articles[i]!;
          return { file, text: text ?? '', digest };
        }),
      );
      // Should it fail, it does so when awaited below, not as an unhandled rejection while the next chunk is read.
      extraction.catch(() => undefined);
      // The next chunk is read while this one is extracted (on the workers; in-process extraction is done already).
      next = from + chunkSize < total ? await readChunk(from + chunkSize, true) : null;
      const results = await extraction;
      toExtract.forEach((i, k) => {
        const result = results[k];
        if (result === undefined || result instanceof Error) raws[i] = result;
        else {
          raws[i] = result.article;
          if (result.body !== null) bodyBytes[i] = result.body;
        }
        articles[i]!.text = undefined;
      });

      for (const { file, diagnostic } of unusable) {
        leftOut.push(file);
        diagnostics.push(diagnostic);
      }
      const stored: Array<{ file: string; body: string | Buffer }> = [];
      for (const [i, article] of articles.entries()) {
        if (article === undefined) continue;
        const raw = raws[i];
        if (raw === undefined || raw instanceof Error) {
          leftOut.push(article.file);
          diagnostics.push(...article.diagnostics, crashed(article.file, raw));
          continue;
        }
        const stamp = stamps[i];
        if (stamp !== null && stamp !== undefined) manifest.note(article.file, stamp, readAt, article);
        const final = applyFrontMatter(raw, article.frontMatter);
        // Lines as they are in the file, front matter included, in the report and in records.json alike.
        if (article.lineOffset > 0) final.messages = final.messages.map((m) => (m.line === null ? m : { ...m, line: m.line + article.lineOffset }));
        diagnostics.push(...article.diagnostics, ...final.messages.map((m) => fromExtractMessage(article.file, m, 0)));
        stored.push({ file: article.file, body: bodyBytes[i] ?? final.body });
        final.body = '';
        // The record's digest is taken from what it is made from (its text's cache key), not its fields: the same with
        // a cache or without, so a rebuild's digests (pages, feeds, records.json, search shards) are a fresh build's.
        inputs.push({ file: article.file, article: final, source: articleSource(article.digest, article.frontMatter, article.lineOffset) });
      }
      // The chunk's bodies go to the store together (one write), unhashed: records digested from their sources never ask.
      const refs = store.putMany(
        stored.map((s) => s.body),
        false,
      );
      stored.forEach(({ file }, k) => bodies.set(file, refs[k]!));
      // Let the progress line draw and Ctrl-C be heard between chunks.
      await new Promise((next) => setImmediate(next));
    }
    await session.finish();
    manifest.save();
  } finally {
    await session.close();
  }
  progress.end(note);
  leftOut.sort();
  return { inputs, bodies, leftOut, diagnostics, fromCache: cachedResults };
}

function crashed(file: string, error: Error | undefined): Diagnostic {
  const why = error?.message ?? 'no result';
  return {
    file,
    line: null,
    severity: 'error',
    ruleId: 'extract:crash',
    reason: `the extractor failed on this file (${why}); it is left out: please report it with the file attached`,
  };
}
