import { createHash } from 'node:crypto';
import type { SearchPage } from './search-records.js';

/**
 * How the search index is cut into shards: each shard is one Pagefind index, built by one Pagefind service
 * that is closed before the next starts, so the service's memory follows the largest shard, not the archive.
 *
 * An archive of at most the cap (`shardCap`) is ONE shard (`all`), written where Pagefind's index always was. A larger one
 * gets a shard per year of its articles (the quotes months go with their year), undated pages one of their own.
 * A year over the cap is split into halves, a half over it into quarters, a quarter into months (a month is never
 * split); undated pages over the cap go into 16 parts by a hash of their URL. The parts are fixed ranges, not
 * counts, so adding an article changes one shard's pages and no other's (unless its range crosses the cap).
 */

/** A shard: its stable key (`all`, `2024`, `2024-h1`, `2024-q3`, `2024-07`, `undated`, `undated-a`) and its pages, sorted by URL. */
export interface Shard {
  key: string;
  pages: SearchPage[];
}

/**
 * Most weight of a shard (pages, a page counting once per `WEIGHT_CHARS` of text). Pagefind's service peaks while it
 * writes an index, at about 230–250 KiB a page of ~630-word articles (measured: 546 MiB for 2,241 pages, 923 MiB for
 * 4,049); 4,000 keeps it near 1 GiB, under the 1,500 MiB any process of a build may take.
 */
export const MAX_SHARD_WEIGHT = 4000;

/**
 * Smallest cap of a shard. A rebuild re-indexes each shard that holds a changed page whole, at ~1–2 ms of Pagefind's
 * CPU a page, so the cap is what a one-article rebuild pays: with 600 instead of 4,000 the bench's rebuild took 2.8 s
 * instead of 6.9 s at 2,000 articles (a shard a year instead of one) and 0.115 of the cold build instead of 0.128 at
 * 20,000 (half years of ~500 pages instead of years), the cold build unchanged.
 */
export const MIN_SHARD_CAP = 600;

/** Shards the cap aims to stay within: the search page merges every shard's index when it searches. */
export const SHARDS_AIMED = 45;

/**
 * The cap for an archive of `total` weight: `MIN_SHARD_CAP`, doubled while the archive would need more than
 * `SHARDS_AIMED` shards of it, at most `MAX_SHARD_WEIGHT`. It moves in steps, so that adding an article seldom
 * changes it (and with it the shards).
 */
export function shardCap(total: number): number {
  let cap = MIN_SHARD_CAP;
  while (total > cap * SHARDS_AIMED && cap < MAX_SHARD_WEIGHT) cap = Math.min(cap * 2, MAX_SHARD_WEIGHT);
  return cap;
}

/** Characters of text a page may have and still count as one page (an article is about 5,000). */
export const WEIGHT_CHARS = 8192;

export function pageWeight(page: SearchPage): number {
  return Math.max(1, Math.ceil(page.size / WEIGHT_CHARS));
}

/**
 * The shards of `pages`, in a fixed order (chronological, undated last), each shard's pages sorted by URL; `maxWeight`
 * caps a shard (default `shardCap` of the pages' weight).
 */
export function planShards(pages: readonly SearchPage[], maxWeight?: number): Shard[] {
  const total = pages.reduce((n, p) => n + pageWeight(p), 0);
  maxWeight ??= shardCap(total);
  if (total <= maxWeight) return pages.length === 0 ? [] : [{ key: 'all', pages: byUrl(pages) }];
  const years = new Map<string, SearchPage[]>();
  for (const page of pages) {
    const year = page.period?.slice(0, 4) ?? 'undated';
    let list = years.get(year);
    if (!list) years.set(year, (list = []));
    list.push(page);
  }
  const shards: Shard[] = [];
  for (const year of [...years.keys()].sort()) {
    const list = years.get(year) ?? [];
    if (year === 'undated') shards.push(...splitUndated(list, maxWeight));
    else shards.push(...splitYear(year, { from: 1, to: 12 }, list, maxWeight));
  }
  return shards.map((s) => ({ key: s.key, pages: byUrl(s.pages) }));
}

interface MonthRange {
  from: number;
  to: number;
}

function splitYear(year: string, range: MonthRange, pages: SearchPage[], maxWeight: number): Shard[] {
  const weight = pages.reduce((n, p) => n + pageWeight(p), 0);
  const parts = subRanges(range);
  if (weight <= maxWeight || parts.length === 0) return pages.length === 0 ? [] : [{ key: rangeKey(year, range), pages }];
  return parts.flatMap((part) =>
    splitYear(
      year,
      part,
      pages.filter((p) => {
        const month = Number(p.period?.slice(5, 7));
        return month >= part.from && month <= part.to;
      }),
      maxWeight,
    ),
  );
}

/** A year → its halves, a half → its quarters, a quarter → its months. */
function subRanges({ from, to }: MonthRange): MonthRange[] {
  const length = to - from + 1;
  if (length === 12 || length === 6) return [{ from, to: from + length / 2 - 1 }, { from: from + length / 2, to }];
  if (length === 3) return [0, 1, 2].map((i) => ({ from: from + i, to: from + i }));
  return [];
}

function rangeKey(year: string, { from, to }: MonthRange): string {
  const length = to - from + 1;
  if (length === 12) return year;
  if (length === 6) return `${year}-h${from === 1 ? 1 : 2}`;
  if (length === 3) return `${year}-q${(from - 1) / 3 + 1}`;
  return `${year}-${String(from).padStart(2, '0')}`;
}

function splitUndated(pages: SearchPage[], maxWeight: number): Shard[] {
  const weight = pages.reduce((n, p) => n + pageWeight(p), 0);
  if (weight <= maxWeight) return [{ key: 'undated', pages }];
  const parts = new Map<string, SearchPage[]>();
  for (const page of pages) {
    const digit = createHash('sha256').update(page.url).digest('hex').slice(0, 1);
    let list = parts.get(digit);
    if (!list) parts.set(digit, (list = []));
    list.push(page);
  }
  return [...parts.keys()].sort().map((digit) => ({ key: `undated-${digit}`, pages: parts.get(digit) ?? [] }));
}

function byUrl(pages: readonly SearchPage[]): SearchPage[] {
  return [...pages].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}
