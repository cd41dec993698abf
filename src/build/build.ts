import { rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { assembleArchive } from '../archive/assemble.js';
import { BodyStore, storeBody } from '../archive/body-store.js';
import { checkContentDir } from '../load/content-dir.js';
import { publishExtras } from '../publish/publish-extras.js';
import { quotesByMonth } from '../archive/quotes-index.js';
import { startSearchIndex, type SearchIndexRun } from '../publish/search-index.js';
import { pagesMadeWith, readPagesManifest } from '../render/page-reuse.js';
import { IN_PROCESS_BELOW, renderSalt, renderSite } from '../render/render-site.js';
import type { Diagnostic } from '../report/diagnostics.js';
import { NewsArchiveError, UsageError } from '../report/errors.js';
import { createProgress } from '../report/progress.js';
import { countDiagnostics, formatReport } from '../report/reporter.js';
import { debugMemory, watchMemory } from '../report/memory.js';
import { formatSummary } from '../report/summary.js';
import { stageOutput, type StagedOutput } from '../write/output-dir.js';
import { startWritingRecords } from '../write/write-records.js';
import { stopChildProcesses } from '../threads/stop-children.js';
import { stopFileLinkers } from '../write/file-linker.js';
import { KeptFiles } from '../write/kept-files.js';
import { normaliseBasePath } from './base-path.js';
import { loadAndExtract } from './load-and-extract.js';

export interface BuildOptions {
  /** The content folder, as the user named it (messages show paths under it). */
  contentDir: string;
  outDir: string;
  /** URL prefix the site is served under; normalised to start and end with `/`. */
  basePath: string;
  /** Absolute site URL for canonical links and feeds, or null. */
  siteUrl: string | null;
  /** Warnings fail the build (exit status 1). Default false. */
  strict?: boolean;
  /** Reuse extraction results from `.cache/` beside the output and unchanged pages of the previous build. Default true. */
  cache?: boolean;
  /** Print extractor infos as well as warnings and errors. Default false. */
  verbose?: boolean;
  /** Where the report and progress go. Default `process.stderr`. */
  stderr?: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  /** Where the closing summary goes. Default `process.stdout`. */
  stdout?: NodeJS.WritableStream;
  /** Stage progress is shown from this many articles on. Default 200. */
  progressThreshold?: number;
}

export interface BuildResult {
  /** Articles in the site. */
  built: number;
  /** Files left out, relative to the content folder. */
  leftOut: string[];
  warnings: number;
  pages: number;
  /** Pages taken unchanged from the previous build (counted in `pages`). */
  reused: number;
  seconds: number;
  /** Largest resident size of any process of the build (this one with its threads, or a child such as Pagefind), MiB. */
  peakMemoryMb: number;
  diagnostics: Diagnostic[];
  /** 0: built; 1: a file was left out, or a warning under `strict`. */
  exitCode: number;
}

/** Environment variable for tests only: milliseconds to wait, with the site complete in its staging folder, before swapping it in. */
const PAUSE_BEFORE_SWAP = 'NEWS_ARCHIVE_TEST_PAUSE_BEFORE_SWAP_MS';


/**
 * Removes the staging folder if the build is interrupted (Ctrl-C, kill), then exits as the signal would. The
 * processes the build started (Pagefind's services) and its linking threads are stopped first, so that none writes
 * into the folder as it goes.
 */
function onInterrupt(staged: StagedOutput): () => void {
  const handlers = (['SIGINT', 'SIGTERM', 'SIGHUP'] as const).map((signal) => {
    const handler = (): void => {
      void Promise.all([stopChildProcesses(), stopFileLinkers()])
        .then(() => staged.discard())
        .finally(() => process.exit(signal === 'SIGINT' ? 130 : signal === 'SIGTERM' ? 143 : 129));
    };
    process.once(signal, handler);
    return () => process.removeListener(signal, handler);
  });
  return () => handlers.forEach((remove) => remove());
}

/**
 * Builds the archive: load → extract → apply front matter → assemble → render → publish → write records,
 * all into a staging folder beside `outDir` that replaces it only once complete. Prints the report (errors and
 * warnings, like a linter) and a closing summary line. Throws a `UsageError` for a missing content folder or an
 * `outDir` it must not replace, a `NewsArchiveError` when a stage fails; the previous site is then unchanged.
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const cpuAtStart = process.cpuUsage();
  const debug = (what: string): void => {
    if (!process.env.NEWS_ARCHIVE_DEBUG_MEMORY) return;
    const cpu = process.cpuUsage(cpuAtStart);
    debugMemory(`build: ${what} (${((performance.now() - started) / 1000).toFixed(2)} s, CPU ${(cpu.user / 1e6).toFixed(2)} s user ${(cpu.system / 1e6).toFixed(2)} s system)`);
  };
  const stderr = options.stderr ?? process.stderr;
  const stdout = options.stdout ?? process.stdout;
  const basePath = normaliseBasePath(options.basePath);
  if (basePath === null) throw new UsageError(`--base-path '${options.basePath}' is not a URL path; write it like /news/archive/`);
  const contentDir = resolve(options.contentDir);
  await checkContentDir(options.contentDir);
  const cacheDir = options.cache === false ? null : join(dirname(resolve(options.outDir)), '.cache');
  const staged = await stageOutput(options.outDir, contentDir);
  debug('after staging');
  // A rebuild updates the live site in place: its files whose inputs did not change are kept where they are (listed
  // meanwhile on a thread of their own), and the staging folder receives only what changed (see `KeptFiles`).
  const reusable = cacheDir === null ? null : staged.previous;
  const kept = reusable === null ? null : KeptFiles.start(reusable);
  // What every page's digest begins with (templates, code, options), for comparing with the previous build's pages.
  const salt = reusable === null ? null : renderSalt({ basePath, siteUrl: options.siteUrl });
  salt?.catch(() => undefined);
  // The previous pages' digests, read once: for the early search index's check below, and for the render.
  const previousPages = reusable === null ? null : readPagesManifest(reusable);
  // Earlier versions kept the replaced site in the cache folder as a spare: it has no use now.
  if (cacheDir !== null) await rm(join(cacheDir, `spare-${basename(resolve(options.outDir))}`), { recursive: true, force: true });
  const memory = watchMemory();
  const bodies = BodyStore.open();
  const stopListening = onInterrupt(staged);
  const progress = createProgress({ stream: stderr, threshold: options.progressThreshold ?? 200 });
  const diagnostics: Diagnostic[] = [];
  let leftOut: string[] = [];
  let built = 0;
  let pages = 0;
  let reused = 0;
  let stage = 'loading';
  const printReport = (): void => {
    const report = formatReport(diagnostics, options.contentDir, options.verbose ?? false);
    if (report.length > 0) stderr.write(`${report.join('\n')}\n`);
  };
  try {
    stage = 'extracting';
    const loaded = await loadAndExtract(contentDir, { cacheDir, store: bodies, progress });
    // One at a time: a spread of a large archive's warnings (100,000s) overflows the call stack.
    for (const diagnostic of loaded.diagnostics) diagnostics.push(diagnostic);
    leftOut = loaded.leftOut;
    built = loaded.inputs.length;

    debug('after extracting');
    stage = 'assembling';
    const archive = assembleArchive(loaded.inputs, { basePath });
    // Each record reads its body from the store when asked, instead of holding it (issue 6: memory).
    for (const record of archive.articles) {
      const ref = loaded.bodies.get(record.file);
      if (ref !== undefined) storeBody(record, bodies, ref);
    }
    // The extraction results are in the records now; let them go before rendering, which needs the memory.
    loaded.inputs.length = 0;
    loaded.bodies.clear();
    // One quotes index for the render, the search index and the feeds.
    const quoteMonths = quotesByMonth(archive, basePath);
    // A rebuild in which few articles changed, over pages made by the same templates and code, renders few pages and
    // leaves a core idle: the search index is written meanwhile, from the archive, from now on.
    const fewToRender = previousPages !== null && salt !== null && built - loaded.fromCache < IN_PROCESS_BELOW && pagesMadeWith(await previousPages, await salt);
    const renderOptions = {
      outDir: staged.stagingDir,
      basePath,
      siteUrl: options.siteUrl,
      // Unchanged pages of the previous build are kept, unless --no-cache asks for everything anew.
      previousOutDir: reusable,
      keptFiles: kept,
      previousPages,
      quoteMonths,
    };
    debug('after assembling');
    stage = 'rendering';
    progress.stage('rendering', null, built);
    // A small render (a rebuild) leaves a core idle: the search index is written meanwhile, from the archive.
    const early: { search: SearchIndexRun | null } = { search: fewToRender ? startSearchIndex(archive, renderOptions) : null };
    const onPlanned = ({ toRender }: { toRender: number }): void => {
      if (early.search === null && toRender < IN_PROCESS_BELOW) early.search = startSearchIndex(archive, renderOptions);
    };
    let rendered: Awaited<ReturnType<typeof renderSite>>;
    try {
      rendered = await renderSite(archive, { ...renderOptions, onProgress: (done, total) => progress.update(done, total), onPlanned });
    } catch (error) {
      // Nothing may still be writing into the staging folder when it is removed.
      await early.search?.settled;
      throw error;
    }
    pages = rendered.pages;
    reused = rendered.reused;
    progress.end(reused > 0 ? `${pages} pages (${reused} unchanged)` : `${pages} pages`);
    debug('after rendering');
    stage = 'indexing';
    progress.stage('indexing', null, built);
    // records.json is written while Pagefind indexes (this thread is mostly idle then), named so once the index is written.
    const records = startWritingRecords(archive, staged.stagingDir, renderOptions.previousOutDir);
    let published: Awaited<ReturnType<typeof publishExtras>>;
    try {
      // The pages the render stage knows are not listed again (nor the output folder read).
      published = await publishExtras(archive, renderOptions, (done, total) => progress.update(done, total), {
        quoteMonths,
        search: early.search,
        pages: rendered.htmlPages,
      });
    } catch (error) {
      // Nothing may still be writing into the staging folder when it is removed.
      await records.settled;
      throw error;
    }
    const { shards, reused: shardsReused } = published.search;
    const during = early.search === null ? '' : ', indexed while rendering';
    progress.end(`feeds, sitemap and search index (${shards} shard${shards === 1 ? '' : 's'}${shardsReused > 0 ? `, ${shardsReused} unchanged` : ''}${during}), ${published.files} files`);
    debug('after indexing');
    stage = 'writing';
    // Named after the search index: a build killed once records.json is there has no Pagefind service still writing.
    await records.finish();
    debug('after writing records.json');

    const pause = Number(process.env[PAUSE_BEFORE_SWAP] ?? 0);
    if (pause > 0) await new Promise((done) => setTimeout(done, pause));
    await staged.commit(kept);
    debug(kept !== null && kept.size > 0 ? `after updating the site in place (${kept.size} files kept)` : 'after swapping the output in');
  } catch (error) {
    memory.stop();
    await kept?.close();
    await staged.discard();
    printReport();
    if (error instanceof NewsArchiveError) throw error;
    throw new NewsArchiveError(`the build failed while ${stage}; the previous site in '${options.outDir}' is unchanged`, { cause: error });
  } finally {
    stopListening();
    bodies.close();
  }

  printReport();
  debug('after the report');
  const counts = countDiagnostics(diagnostics);
  const strictFailure = options.strict === true && counts.warnings > 0;
  if (strictFailure) stderr.write(`news-archive: --strict: ${counts.warnings} warning${counts.warnings === 1 ? '' : 's'} fail the build; fix them or build without --strict\n`);
  const result: BuildResult = {
    built,
    leftOut,
    warnings: counts.warnings,
    pages,
    reused,
    seconds: (performance.now() - started) / 1000,
    peakMemoryMb: memory.stop(),
    diagnostics,
    exitCode: leftOut.length > 0 || strictFailure ? 1 : 0,
  };
  stdout.write(`${formatSummary({ ...result, leftOut: leftOut.length })}\n`);
  return result;
}
