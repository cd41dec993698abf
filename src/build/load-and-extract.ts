import type { ArchiveInput } from '../archive/assemble.js';
import type { BodyRef, BodyStore } from '../archive/body-store.js';
import { findArticleFiles } from '../load/find-files.js';
import { loadFile } from '../load/load-content.js';
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
}

export interface LoadedArchive {
  /** Articles extracted, front matter applied, in file order; bodies in the store. */
  inputs: ArchiveInput[];
  /** Each input's body in the store, by file. */
  bodies: Map<string, BodyRef>;
  /** Files left out (unreadable, empty, extractor failure), sorted. */
  leftOut: string[];
  diagnostics: Diagnostic[];
}

/**
 * Reads and extracts every article under `contentDir`, a chunk of files at a time, so that the build never
 * holds every article's text: each chunk is read, extracted (from the cache or on worker threads) and
 * reduced to its record, with the body moved to the store, before the next is read. A file that cannot be
 * read, or on which the extractor throws, is left out with an error naming it; the others go on.
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
  const session = ExtractionSession.open({
    cacheDir: options.cacheDir,
    total,
    ...(options.workers === undefined ? {} : { workers: options.workers }),
    onProgress: (done) => progress.update(done, total),
    onStats: (stats) => {
      if (stats.cache !== null) note += ` (${stats.cached} from the cache)`;
    },
  });
  try {
    const chunkSize = Math.max(1, options.chunkSize ?? EXTRACT_CHUNK);
    for (let from = 0; from < total; from += chunkSize) {
      const loaded: LoadedArticle[] = [];
      for (const file of found.files.slice(from, from + chunkSize)) {
        const outcome = loadFile(contentDir, file);
        if (outcome.ok) loaded.push(outcome.article);
        else {
          leftOut.push(file);
          diagnostics.push(outcome.diagnostic);
        }
      }
      const results = await session.extract(loaded.map((a) => ({ file: a.file, text: a.text })));
      for (const [i, article] of loaded.entries()) {
        const raw = results[i];
        if (raw === undefined || raw instanceof Error) {
          leftOut.push(article.file);
          diagnostics.push(...article.diagnostics, crashed(article.file, raw));
          continue;
        }
        const final = applyFrontMatter(raw, article.frontMatter);
        // Lines as they are in the file, front matter included, in the report and in records.json alike.
        if (article.lineOffset > 0) final.messages = final.messages.map((m) => (m.line === null ? m : { ...m, line: m.line + article.lineOffset }));
        diagnostics.push(...article.diagnostics, ...final.messages.map((m) => fromExtractMessage(article.file, m, 0)));
        bodies.set(article.file, store.put(final.body));
        final.body = '';
        inputs.push({ file: article.file, article: final });
      }
      // Let the progress line draw and Ctrl-C be heard between chunks.
      await new Promise((next) => setImmediate(next));
    }
    await session.finish();
  } finally {
    await session.close();
  }
  progress.end(note);
  leftOut.sort();
  return { inputs, bodies, leftOut, diagnostics };
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
