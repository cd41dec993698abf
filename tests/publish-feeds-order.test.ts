import { describe, expect, it } from 'vitest';
import { compareArticles } from '../src/archive/sort.js';
import type { ArticleRecord } from '../src/archive/types.js';
import { sortNewestFirst } from '../src/publish/feeds.js';

/** The order as it was first written: a key made for each article at each comparison. */
function sortedBefore(articles: readonly ArticleRecord[]): ArticleRecord[] {
  const key = (a: ArticleRecord) => ({ date: a.date !== null && /^\d{4}-\d{2}-\d{2}$/.test(a.date) ? a.date : null, title: a.title, file: a.file });
  return [...articles].sort((a, b) => compareArticles(key(a), key(b)));
}

function records(count: number, seed: number): ArticleRecord[] {
  const next = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const dates = [null, '2024-01-02', '2024-01-02', '2023-12-31', '2024-1-2', 'June 2024', '2025-06-30'];
  return Array.from({ length: count }, (_, i) => ({ id: `a${i}`, title: `T${next(5)}`, file: `f${next(4)}.txt`, date: dates[next(dates.length)] ?? null }) as unknown as ArticleRecord);
}

describe('sortNewestFirst', () => {
  it('gives the order of a sort with the keys made at each comparison, shuffled or already in order, dates well formed or not', () => {
    for (let seed = 1; seed < 40; seed++) {
      const shuffled = records(1 + (seed % 13) * 7, seed);
      const expected = sortedBefore(shuffled);
      expect(sortNewestFirst(shuffled)).toEqual(expected);
      expect(sortNewestFirst(expected)).toEqual(expected);
      // Same objects, in the same order (ties keep the order given).
      sortNewestFirst(shuffled).forEach((a, i) => expect(a).toBe(expected[i]));
    }
  });
});
