import { performance } from 'node:perf_hooks';
import { generateArticle } from './generate.js';
import type { ArchivePools } from './generate.js';
import type { BenchOptions } from './options.js';

/** Rounds of new texts the extraction rate is the median of (one sample each is ±15 % on a shared machine). */
export const EXTRACT_ROUNDS = 5;

/** The extraction rate: the median round's, and every round's, per CPU second and per wall second. */
export interface ExtractionRate {
  perCpuS: number;
  perWallS: number;
  rounds: Array<{ perCpuS: number; perWallS: number }>;
}

/**
 * Times `extractArticle` on this one thread in `EXTRACT_ROUNDS` rounds of `extractSample` generated texts each,
 * after a warm-up on as many others: a build's extraction thread runs thousands of articles, so the figure is the
 * extractor's own pace, not V8 compiling it (the first few hundred articles of a cold process run at about half of
 * it, and V8 still compiles some functions again during the first round after a warm-up of 1,000: that round is
 * the slowest). Every text is read once, none seen before (the first round is the archive's first texts, the others
 * come after the warm-up's and the rebuild's extra article), so nothing remembered from one text helps another.
 * Per CPU second of the process (this thread and V8's own, which compile it) is the figure reported: on a shared
 * machine, wall time also measures the neighbours. The median of the rounds' is given, as one round moves ±15 %
 * from one run to the next.
 */
export function extractionRate(extractArticle: (text: string) => { quotes: readonly unknown[] }, pools: ArchivePools, options: Pick<BenchOptions, 'articles' | 'extractSample' | 'seed'>): ExtractionRate {
  const sample = options.extractSample;
  // Warm-up texts come after every article of the archive (and after the one a warm rebuild adds).
  for (let i = 0; i < sample; i++) extractArticle(generateArticle(pools, options.seed, options.articles + 1 + i).text);
  const rounds: Array<{ perCpuS: number; perWallS: number }> = [];
  let sink = 0;
  for (let round = 0; round < EXTRACT_ROUNDS; round++) {
    const first = round === 0 ? 0 : options.articles + 1 + sample * round;
    const texts: string[] = [];
    for (let i = 0; i < sample; i++) texts.push(generateArticle(pools, options.seed, first + i).text);
    const start = performance.now();
    const cpu = process.cpuUsage();
    for (const text of texts) sink += extractArticle(text).quotes.length;
    const used = process.cpuUsage(cpu);
    const elapsed = (performance.now() - start) / 1000;
    rounds.push({ perCpuS: texts.length / ((used.user + used.system) / 1e6), perWallS: texts.length / elapsed });
  }
  if (sink < 0) console.log(sink);
  return { perCpuS: median(rounds.map((r) => r.perCpuS)), perWallS: median(rounds.map((r) => r.perWallS)), rounds };
}

/** The middle value of `values` (the mean of the two middle ones for an even count). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
