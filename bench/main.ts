#!/usr/bin/env node
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { extractArticle as ExtractArticle } from '../src/extract/index.js';
import { generateArticle, makePools, toMarkdownPost } from './generate.js';
import type { ArchivePools } from './generate.js';
import { parseOptions } from './options.js';
import type { BenchOptions } from './options.js';
import { summariseProfiles } from './profile.js';
import { runNodeTimed } from './run-timed.js';
import { stageTimes } from './stages.js';
import { EXTRACT_ROUNDS, extractionRate, median } from './extraction-rate.js';
import type { TimedRun } from './run-timed.js';

/** The project's root: this file is `dist/bench/main.js`. */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'dist/src/cli/main.js');
/** What a build needs from the project, copied so that a compile elsewhere in the checkout cannot change it mid-run. */
const SNAPSHOT = ['package.json', 'dist/src', 'templates', 'public'] as const;
const ELEVENTY = join(ROOT, 'node_modules/@11ty/eleventy/cmd.cjs');
const BASELINE = join(ROOT, 'bench/eleventy-baseline');
const RSS_PROBE = new URL('./rss-probe.js', import.meta.url).href;

interface Paths {
  work: string;
  /** The snapshot of the project the builds run from. */
  cli: string;
  content: string;
  news: string;
  site: string;
  eleventy: string;
  logs: string;
  /** Where a run's output goes when the next run starts, deleted once the builds are timed (see `setAside`). */
  trash: string;
}

interface Figures {
  cold: TimedRun[];
  warm: TimedRun[];
  baseline: TimedRun[];
  /** Stage times the build reported, per run. */
  coldStages: Array<Map<string, number>>;
  warmStages: Array<Map<string, number>>;
}

async function main(): Promise<void> {
  let options: BenchOptions;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  for (const [what, path] of [['the compiled CLI', CLI], ['Eleventy', ELEVENTY], ['the baseline site', BASELINE]] as const) {
    if (!existsSync(path)) {
      console.error(`bench: ${what} is missing at ${path} (run \`npm ci\` and \`npm run compile\`).`);
      process.exit(1);
    }
  }
  const work = options.keep === null ? mkdtempSync(join(tmpdir(), 'news-archive-bench-')) : resolve(options.keep);
  const paths: Paths = {
    work,
    cli: join(work, 'app', 'dist', 'src', 'cli', 'main.js'),
    content: join(work, 'content'),
    news: join(work, 'news'),
    site: join(work, 'news', 'site'),
    eleventy: join(work, 'eleventy'),
    logs: join(work, 'logs'),
    trash: join(work, 'trash'),
  };
  const cleanup = (): void => {
    if (options.keep === null) rmSync(work, { recursive: true, force: true });
  };
  process.on('SIGINT', () => {
    cleanup();
    process.exit(130);
  });
  try {
    await bench(options, paths);
  } finally {
    cleanup();
  }
}

async function bench(options: BenchOptions, paths: Paths): Promise<void> {
  const n = options.articles;
  const cores = availableParallelism();
  log(`news-archive bench: ${n} articles, seed ${options.seed}, ${options.runs} run(s); ${cores} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB; work in ${paths.work}`);

  // 0. A snapshot of the project as it is now: others may recompile the checkout while the bench runs.
  const app = join(paths.work, 'app');
  rmSync(app, { recursive: true, force: true });
  for (const part of SNAPSHOT) if (existsSync(join(ROOT, part))) cpSync(join(ROOT, part), join(app, part), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(app, 'node_modules'), 'dir');

  // 1. The synthetic archive, as raw text for news-archive and as Markdown posts for the baseline.
  const pools = makePools(options.seed);
  let t = performance.now();
  for (const dir of [paths.work, paths.logs]) mkdirSync(dir, { recursive: true });
  for (const dir of [paths.content, paths.eleventy, paths.news, paths.trash]) rmSync(dir, { recursive: true, force: true });
  mkdirSync(paths.content, { recursive: true });
  cpSync(BASELINE, paths.eleventy, { recursive: true });
  const posts = join(paths.eleventy, 'src', 'posts');
  mkdirSync(posts, { recursive: true });
  let words = 0;
  let quotes = 0;
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const article = generateArticle(pools, options.seed, i);
    writeFileSync(join(paths.content, article.file), article.text);
    writeFileSync(join(posts, article.file.replace(/\.txt$/, '.md')), toMarkdownPost(article));
    words += article.words;
    quotes += article.quotes;
    bytes += Buffer.byteLength(article.text);
  }
  log(`generated ${n} articles in ${seconds(performance.now() - t)} s: ${(bytes / 2 ** 20).toFixed(1)} MiB, ${Math.round(words / n)} body words and ${(quotes / n).toFixed(1)} quotes per article`);

  // 2. Extraction alone, in this process, on one core: the snapshot's extractor, as the builds run it.
  t = performance.now();
  const extractModule = (await import(pathToFileURL(join(app, 'dist', 'src', 'extract', 'index.js')).href)) as { extractArticle: typeof ExtractArticle };
  const rate = extractionRate(extractModule.extractArticle, pools, options);
  log(`extraction alone: ${rate.perCpuS.toFixed(1)} articles per CPU second, ${rate.perWallS.toFixed(1)} per wall second (median of ${EXTRACT_ROUNDS} rounds of ${options.extractSample} new articles: ${rate.rounds.map((r) => r.perCpuS.toFixed(0)).join(' ')} per CPU s; ${seconds(performance.now() - t)} s)`);

  // 3. The builds, interleaved so that load from elsewhere on the machine hits both alike.
  const figures: Figures = { cold: [], warm: [], baseline: [], coldStages: [], warmStages: [] };
  for (let run = 0; run < options.runs; run++) {
    if (run % 2 === 0) {
      figures.baseline.push(await baselineBuild(paths, run));
      await newsArchiveBuilds(paths, pools, options, run, figures);
    } else {
      await newsArchiveBuilds(paths, pools, options, run, figures);
      figures.baseline.push(await baselineBuild(paths, run));
    }
  }
  const pagesNews = countFiles(paths.site, '.html');
  const pagesBaseline = countFiles(join(paths.eleventy, '_site'), '.html');
  rmSync(paths.trash, { recursive: true, force: true });

  if (options.cpuProf) await profileBuilds(paths, pools, options);

  const cold = median(figures.cold.map((r) => r.wallS));
  const warm = median(figures.warm.map((r) => r.wallS));
  const baseline = median(figures.baseline.map((r) => r.wallS));
  const peak = maxOf([...figures.cold, ...figures.warm].map((r) => r.peakRssMb));
  const peakBaseline = maxOf(figures.baseline.map((r) => r.peakRssMb));
  const rows: Array<[string, string, string, string]> = [
    ['', 'news-archive', 'eleventy', 'ratio'],
    ['cold build, s (median)', fixed(cold, 2), fixed(baseline, 2), fixed(cold / baseline, 3)],
    ['  all runs, s', list(figures.cold), list(figures.baseline), ''],
    ['warm rebuild +1 article, s', fixed(warm, 2), '', `${fixed(warm / cold, 3)} of cold`],
    ['  all runs, s', list(figures.warm), '', ''],
    ['CPU s, user+sys (median)', fixed(medianKnown(figures.cold), 1), fixed(medianKnown(figures.baseline), 1), fixed(medianKnown(figures.cold) / medianKnown(figures.baseline), 3)],
    ['warm CPU s (median)', fixed(medianKnown(figures.warm), 1), '', `${fixed(medianKnown(figures.warm) / medianKnown(figures.cold), 3)} of cold`],
    ['peak RSS, MiB (max)', fixed(peak, 0), fixed(peakBaseline, 0), fixed(peak / peakBaseline, 2)],
    ['pages (.html)', String(pagesNews), String(pagesBaseline), ''],
    ['pages/s, cold', fixed(pagesNews / cold, 0), fixed(pagesBaseline / baseline, 0), ''],
    ['extraction, articles per CPU s, 1 thread (median)', fixed(rate.perCpuS, 0), '', ''],
    [`  ${EXTRACT_ROUNDS} rounds of ${options.extractSample} new texts`, rate.rounds.map((r) => r.perCpuS.toFixed(0)).join(' '), '', ''],
    ['extraction, articles per wall s (median)', fixed(rate.perWallS, 0), '', ''],
  ];
  const stageNames = [...new Set([...figures.coldStages, ...figures.warmStages].flatMap((m) => [...m.keys()]))];
  for (const stage of stageNames) {
    const c = median(figures.coldStages.map((m) => m.get(stage) ?? 0));
    const w = median(figures.warmStages.map((m) => m.get(stage) ?? 0));
    rows.push([`  stage ${stage}, s (cold / warm)`, `${fixed(c, 2)} / ${fixed(w, 2)}`, '', `${percent(c * 1000, cold * 1000).trim()} of cold`]);
  }
  if (stageNames.length > 0) {
    const rest = (runs: TimedRun[], stages: Array<Map<string, number>>): number =>
      median(runs.map((r, i) => r.wallS - [...(stages[i] ?? new Map<string, number>()).values()].reduce((a, b) => a + b, 0)));
    rows.push(['  start-up and the rest, s', `${fixed(rest(figures.cold, figures.coldStages), 2)} / ${fixed(rest(figures.warm, figures.warmStages), 2)}`, '', '']);
  }
  const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((r) => r[c]!.length)));
  console.log('');
  for (const row of rows) console.log(row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '));
  for (const [kind, runs] of [['cold', figures.cold], ['warm', figures.warm]] as const) {
    const last = runs.at(-1);
    if (!last || last.stageMemory.length === 0) continue;
    console.log(`\npeak RSS by stage, last ${kind} build (sampled every 250 ms), MiB: node process (all threads) / processes it started`);
    for (const row of last.stageMemory) console.log(`  ${row.stage.padEnd(24)} ${fixed(row.nodeMb, 0).padStart(6)} / ${fixed(row.childrenMb, 0)}`);
  }
  console.log('');
  console.log(
    JSON.stringify({
      articles: n,
      cold_s: round(cold, 3),
      baseline_s: round(baseline, 3),
      ratio: round(cold / baseline, 3),
      warm_s: round(warm, 3),
      warm_ratio: round(warm / cold, 3),
      peak_rss_mb: round(peak, 0),
      extract_articles_per_s: round(rate.perCpuS, 1),
    }),
  );
}

/**
 * Moves the previous run's output (`dir`, if there) out of the way, to be deleted once every build is timed: deleting
 * a site's tens of thousands of folders and files just before a timed build slows that build's own file system work
 * (on the development machine's ext4, making 20,000 folders took up to 4× as long right after deleting as many), and
 * neither build should pay for the bench's cleaning up. Both builds' outputs are set aside alike.
 */
function setAside(paths: Paths, dir: string, name: string): void {
  if (!existsSync(dir)) return;
  mkdirSync(paths.trash, { recursive: true });
  renameSync(dir, join(paths.trash, name));
}

/**
 * Waits, untimed, until the file system has written out what earlier steps left pending (`sync`), before each timed
 * build (news-archive's cold and warm, Eleventy's): otherwise a build started right after another pays for flushing
 * that one's files, ~1 GB at 20,000 articles (on the development machine, by hand: the rebuild right after a cold build
 * took 5.36 s, 4.61 s once flushed; in the bench, the median rebuild went from 5.40 to 5.28 s). A user adds an article
 * minutes after the last build, not seconds.
 */
function flushPendingWrites(): void {
  try {
    execFileSync('sync', { stdio: 'ignore' });
  } catch {
    // no sync command: the builds run as they are
  }
}

/** A cold build (no output, no cache), then a warm rebuild after adding one article. */
async function newsArchiveBuilds(paths: Paths, pools: ArchivePools, options: BenchOptions, run: number, figures: Figures): Promise<void> {
  setAside(paths, paths.news, `news-${run}`);
  mkdirSync(paths.news, { recursive: true });
  const cold = await buildNews(paths, `cold-${run}`);
  figures.cold.push(cold);
  figures.coldStages.push(stageTimes(join(paths.logs, `news-archive-cold-${run}.log`)));
  log(`run ${run + 1}: news-archive cold ${seconds(cold.wallS * 1000)} s, ${cpu(cold)}, ${rss(cold)}`);
  const extra = generateArticle(pools, options.seed, options.articles);
  const extraPath = join(paths.content, extra.file);
  writeFileSync(extraPath, extra.text);
  try {
    const warm = await buildNews(paths, `warm-${run}`);
    figures.warm.push(warm);
    figures.warmStages.push(stageTimes(join(paths.logs, `news-archive-warm-${run}.log`)));
    log(`run ${run + 1}: news-archive warm ${seconds(warm.wallS * 1000)} s, ${cpu(warm)}, ${rss(warm)}`);
  } finally {
    rmSync(extraPath, { force: true });
  }
}

async function buildNews(paths: Paths, name: string, nodeArgs: string[] = []): Promise<TimedRun> {
  flushPendingWrites();
  const logFile = join(paths.logs, `news-archive-${name}.log`);
  const result = await runNodeTimed(paths.cli, ['build', '--content', paths.content, '--out', paths.site], {
    cwd: paths.news,
    logFile,
    nodeArgs,
    rssProbe: RSS_PROBE,
    sampleMemory: true,
  });
  check(result, `news-archive build (${name})`, logFile);
  return result;
}

async function baselineBuild(paths: Paths, run: number): Promise<TimedRun> {
  setAside(paths, join(paths.eleventy, '_site'), `eleventy-${run}`);
  const logFile = join(paths.logs, `eleventy-${run}.log`);
  flushPendingWrites();
  const result = await runNodeTimed(ELEVENTY, ['--quiet'], { cwd: paths.eleventy, logFile, rssProbe: RSS_PROBE });
  check(result, 'Eleventy baseline build', logFile);
  log(`run ${run + 1}: eleventy baseline ${seconds(result.wallS * 1000)} s, ${cpu(result)}, ${rss(result)}`);
  return result;
}

/** One more cold and warm build under `--cpu-prof`; prints self time by area and by function. */
async function profileBuilds(paths: Paths, pools: ArchivePools, options: BenchOptions): Promise<void> {
  for (const kind of ['cold', 'warm'] as const) {
    const dir = join(paths.work, 'prof', kind);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    if (kind === 'cold') {
      rmSync(paths.news, { recursive: true, force: true });
      mkdirSync(paths.news, { recursive: true });
    }
    const extra = generateArticle(pools, options.seed, options.articles);
    const extraPath = join(paths.content, extra.file);
    if (kind === 'warm') writeFileSync(extraPath, extra.text);
    try {
      const run = await buildNews(paths, `profile-${kind}`, ['--cpu-prof', '--cpu-prof-dir', dir]);
      const summary = summariseProfiles(dir);
      const idle = summary.byArea.find((row) => row.name === 'idle')?.ms ?? 0;
      const busy = summary.totalMs - idle;
      console.log(
        `\nprofile of a ${kind} build: ${seconds(run.wallS * 1000)} s wall; node threads: ${summary.threads}, busy ${seconds(busy)} s, idle ${seconds(idle)} s (waiting on I/O or child processes such as Pagefind, whose CPU is not sampled)`,
      );
      console.log('  self time by area (share of busy time):');
      for (const row of summary.byArea.filter((r) => r.name !== 'idle').slice(0, 14)) console.log(`  ${percent(row.ms, busy)}  ${seconds(row.ms).padStart(7)} s  ${row.name}`);
      console.log('  top functions (self time):');
      for (const row of summary.byFunction.filter((r) => !r.name.startsWith('(idle)')).slice(0, 12)) console.log(`  ${percent(row.ms, busy)}  ${seconds(row.ms).padStart(7)} s  ${row.name}`);
    } finally {
      rmSync(extraPath, { force: true });
    }
  }
}

function check(result: TimedRun, what: string, logFile: string): void {
  if (result.exitCode === 0) return;
  const tail = readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n');
  throw new Error(`${what} failed with exit code ${result.exitCode}; the end of ${logFile}:\n${tail}`);
}

function countFiles(dir: string, suffix: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith(suffix)).length;
}

function medianKnown(runs: TimedRun[]): number {
  const known = runs.map((r) => r.cpuS).filter((v): v is number => v !== null);
  return known.length === 0 ? Number.NaN : median(known);
}

function maxOf(values: Array<number | null>): number {
  const known = values.filter((v): v is number => v !== null);
  return known.length === 0 ? Number.NaN : Math.max(...known);
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

const fixed = (value: number, digits: number): string => (Number.isFinite(value) ? value.toFixed(digits) : '—');
const seconds = (ms: number): string => (ms / 1000).toFixed(2);
const percent = (part: number, whole: number): string => `${((100 * part) / whole).toFixed(1).padStart(5)}%`;
const list = (runs: TimedRun[]): string => runs.map((r) => r.wallS.toFixed(2)).join(' ');
const cpu = (run: TimedRun): string => (run.cpuS === null ? 'CPU unknown' : `${run.cpuS.toFixed(1)} CPU s`);
const rss = (run: TimedRun): string => (run.peakRssMb === null ? 'peak RSS unknown' : `peak RSS ${run.peakRssMb.toFixed(0)} MiB (${run.rssSource})`);

function log(line: string): void {
  console.log(`· ${line}`);
}

await main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
