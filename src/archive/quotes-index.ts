import { articleRef, type ArticleRef } from './article-ref.js';
import { foldWords } from './fold.js';
import { shortHash } from './slug.js';
import type { Archive } from './types.js';

export interface QuoteSource {
  /** The quote's id in that article. */
  quoteId: string;
  article: ArticleRef;
  /** The quote's anchor on the article page. */
  url: string;
}

/** One quote, shown once however many articles report it. */
export interface QuoteGroup {
  /** Stable anchor id, from the quote's words and speaker. */
  id: string;
  text: string;
  speaker: string | null;
  speakerId: string | null;
  /** Newest article first. */
  sources: QuoteSource[];
}

export interface QuotesYear {
  /** "2024", or "undated". */
  year: string;
  url: string;
  count: number;
  quotes: QuoteGroup[];
}

/**
 * Every quote once, grouped by its words (folded) and speaker, with all the articles that report it;
 * filed under the year of its newest report (undated last). Linear in the number of quotes.
 */
export function quotesByYear(archive: Archive, basePath: string): QuotesYear[] {
  const groups = new Map<string, QuoteGroup>();
  const yearOf = new Map<string, string>();
  for (const article of archive.articles) {
    const ref = articleRef(article);
    for (const q of article.quotes) {
      const key = `${foldWords(q.text)}\u0000${q.speakerId ?? ''}`;
      let group = groups.get(key);
      if (!group) {
        group = { id: `quote-${shortHash(key, 10)}`, text: q.text, speaker: q.speaker, speakerId: q.speakerId, sources: [] };
        groups.set(key, group);
        yearOf.set(key, article.date?.slice(0, 4) ?? 'undated');
      }
      group.sources.push({ quoteId: q.id, article: ref, url: `${article.url}#${q.id}` });
    }
  }
  const years = new Map<string, QuotesYear>();
  for (const [key, group] of groups) {
    const year = yearOf.get(key) ?? 'undated';
    const entry = years.get(year) ?? { year, url: `${basePath}quotes/${year}/`, count: 0, quotes: [] };
    entry.count += 1;
    entry.quotes.push(group);
    years.set(year, entry);
  }
  return [...years.values()].sort((a, b) => (a.year === 'undated' ? 1 : b.year === 'undated' ? -1 : a.year < b.year ? 1 : -1));
}
