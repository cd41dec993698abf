import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { foldWords } from '../src/archive/fold.js';
import type { ArticleRef } from '../src/archive/article-ref.js';
import { quoteGroupsDigest, quotesByMonth, type QuotesMonth } from '../src/archive/quotes-index.js';
import type { Archive, ArticleRecord, QuoteRecord } from '../src/archive/types.js';

/** A small random generator, so that the archive is the same on every run. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

/** Articles quoting a few texts (some spelled two ways that fold alike) by many speakers, or by none. */
function archiveOf(articles: number, seed: number): Archive {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const texts = ['We don’t agree.', 'We dont agree', 'WE DON’T AGREE!', 'Prices will fall.', 'Erdoğan said no.', 'erdogan said no', 'Talks go on.'];
  const speakers = [null, 'ann-lee', 'bo-li', 'cy-ng', 'di-ox', 'ed-po'];
  const dates = [null, '2024-07-09', '2024-07-01', '2023-12-31', '2024-03-26'];
  const records: ArticleRecord[] = [];
  for (let a = 0; a < articles; a++) {
    const id = `a${a}`;
    const quotes: QuoteRecord[] = Array.from({ length: Math.floor(next() * 5) }, (_, j) => {
      const speakerId = pick(speakers);
      return { id: `q-${id}-${j + 1}`, text: pick(texts), speaker: speakerId === null ? null : speakerId.toUpperCase(), speakerId, cue: null };
    });
    records.push({ id, url: `/articles/${id}/`, file: `${id}.txt`, title: id, date: pick(dates), source: null, byline: null, dateline: null, speakers: [], quotes, topics: [], body: '', messages: [] });
  }
  return { articles: records };
}

describe('quotesByMonth', () => {
  it('makes one group per folded words and speaker, in the order first met, filed by the month of that first report', () => {
    for (const seed of [1, 2, 3]) {
      const archive = archiveOf(200, seed);
      // What the index is, written plainly: a key per quote, the first quote of a key makes its group.
      const expected = new Map<string, { id: string; text: string; speakerId: string | null; period: string; sources: string[] }>();
      for (const article of archive.articles) {
        for (const q of article.quotes) {
          const key = `${foldWords(q.text)}\u0000${q.speakerId ?? ''}`;
          if (!expected.has(key)) {
            const id = `quote-${createHash('sha256').update(key).digest('hex').slice(0, 10)}`;
            expected.set(key, { id, text: q.text, speakerId: q.speakerId, period: article.date?.slice(0, 7) ?? 'undated', sources: [] });
          }
          expected.get(key)!.sources.push(`${article.url}#${q.id}`);
        }
      }
      const months = quotesByMonth(archive, '/');
      const periods = [...new Set([...expected.values()].map((g) => g.period))].sort((a, b) => (a === 'undated' ? 1 : b === 'undated' ? -1 : a < b ? 1 : -1));
      expect(months.map((m) => (m.month === null ? 'undated' : `${m.year}-${m.month}`))).toEqual(periods);
      for (const month of months) {
        const period = month.month === null ? 'undated' : `${month.year}-${month.month}`;
        const groups = [...expected.values()].filter((g) => g.period === period);
        expect(month.count).toBe(groups.length);
        expect(month.quotes.map((q) => ({ id: q.id, text: q.text, speakerId: q.speakerId, sources: q.sources.map((s) => `${s.article.url}#${s.quoteId}`) }))).toEqual(
          groups.map(({ id, text, speakerId, sources }) => ({ id, text, speakerId, sources })),
        );
      }
      // Texts spelled two ways by the same speaker are one group.
      expect(expected.size).toBeLessThan(7 * 6);
    }
  });

  it('has no month whose quotes were all reported first in a newer month', () => {
    const article = (id: string, date: string, text: string): ArticleRecord => ({
      id, url: `/articles/${id}/`, file: `${id}.txt`, title: id, date, source: null, byline: null, dateline: null, speakers: [],
      quotes: [{ id: `q-${id}-1`, text, speaker: null, speakerId: null, cue: null }], topics: [], body: '', messages: [],
    });
    const months = quotesByMonth({ articles: [article('b', '2024-07-01', 'Talks go on.'), article('a', '2024-06-01', 'Talks go on')] }, '/');
    expect(months.map((m) => m.slug)).toEqual(['2024/07']);
    expect(months[0]!.quotes[0]!.sources.map((s) => s.quoteId)).toEqual(['q-b-1', 'q-a-1']);
  });
});

describe('quoteGroupsDigest', () => {
  it("follows a month's groups and their sources, and is taken once per month", () => {
    const months = quotesByMonth(archiveOf(60, 7), '/');
    const month = months.find((m) => m.quotes.some((q) => q.sources.length > 1))!;
    let asked = 0;
    const digestOf = (ref: ArticleRef): string => {
      asked += 1;
      return `digest of ${ref.url}`;
    };
    const digest = quoteGroupsDigest(month, digestOf);
    expect(asked).toBe(month.quotes.reduce((n, q) => n + q.sources.length, 0));
    // Asked again (the page's digest, then the search record's source): the same, not taken again.
    expect(quoteGroupsDigest(month, digestOf)).toBe(digest);
    expect(asked).toBe(month.quotes.reduce((n, q) => n + q.sources.length, 0));
    // A copy with an article's digest changed, a source dropped, or the groups in another order differs.
    const copy = (change: (m: QuotesMonth) => void): QuotesMonth => {
      const m = structuredClone(month);
      change(m);
      return m;
    };
    const variants = [
      quoteGroupsDigest(copy(() => undefined), (ref) => `digest of ${ref.url}`),
      quoteGroupsDigest(copy(() => undefined), (ref) => (ref.url === month.quotes[0]!.sources[0]!.article.url ? 'changed' : `digest of ${ref.url}`)),
      quoteGroupsDigest(copy((m) => m.quotes.find((q) => q.sources.length > 1)!.sources.pop()), (ref) => `digest of ${ref.url}`),
      quoteGroupsDigest(copy((m) => m.quotes.reverse()), (ref) => `digest of ${ref.url}`),
    ];
    expect(variants[0]).toBe(digest);
    expect(new Set(variants).size).toBe(variants.length);
  });
});
