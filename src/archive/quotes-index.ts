import { sha256Hex } from '../cache/digest.js';
import { articleRef, type ArticleRef } from './article-ref.js';
import { foldWords } from './fold.js';
import { shortHash } from './slug.js';
import { MONTH_NAMES } from './timeline.js';
import type { Archive } from './types.js';

export interface QuoteSource {
  /** The quote's id in that article: its anchor on the article page. */
  quoteId: string;
  article: ArticleRef;
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

/** The quotes filed under one month (by the date of their latest report), or under "undated". */
export interface QuotesMonth {
  /** "2024", or "undated". */
  year: string;
  /** "07", or null for undated. */
  month: string | null;
  /** "July 2024", or "undated articles". */
  label: string;
  /** Path under the site root: "2024/07" or "undated". */
  slug: string;
  url: string;
  count: number;
  quotes: QuoteGroup[];
}

/** A year of the quotes index: its months, newest first. */
export interface QuotesYear {
  year: string;
  count: number;
  months: QuotesMonth[];
}

/** The groups of one text's folded words: the first speaker's, and those of any others by speaker. */
interface SpokenWords {
  words: string;
  /** The speaker of `first` (its id, or '' for none). */
  speakerKey: string;
  first: QuoteGroup | null;
  others: Map<string, QuoteGroup> | null;
}

/**
 * Every quote once, grouped by its words (folded) and speaker, with all the articles that report it;
 * filed under the month of its newest report (undated last), newest month first. Linear in the
 * number of quotes.
 */
export function quotesByMonth(archive: Archive, basePath: string): QuotesMonth[] {
  // Each month's groups in the order they are first met: a group is filed once made, under the month of that first
  // report (the archive is newest first). The same words are quoted in several articles (a third as many texts as
  // quotes): each distinct text is folded once, and its words' groups found by speaker: the first speaker's group held
  // as it is, a map of the others made only for words with more than one speaker.
  const months = new Map<string, QuotesMonth>();
  const byText = new Map<string, SpokenWords>();
  const byWords = new Map<string, SpokenWords>();
  let period = '';
  let entry: QuotesMonth | null = null;
  for (const article of archive.articles) {
    if (article.quotes.length === 0) continue;
    const ref = articleRef(article);
    const next = article.date === null ? 'undated' : article.date.slice(0, 7);
    if (entry === null || next !== period) {
      period = next;
      entry = months.get(period) ?? null;
      if (entry === null) {
        entry = quotesMonth(period, basePath);
        months.set(period, entry);
      }
    }
    for (const q of article.quotes) {
      let spoken = byText.get(q.text);
      if (spoken === undefined) {
        const words = foldWords(q.text);
        spoken = byWords.get(words);
        if (spoken === undefined) byWords.set(words, (spoken = { words, speakerKey: '', first: null, others: null }));
        byText.set(q.text, spoken);
      }
      const speakerKey = q.speakerId ?? '';
      let group = spoken.first !== null && spoken.speakerKey === speakerKey ? spoken.first : spoken.others?.get(speakerKey);
      if (group === undefined) {
        group = { id: `quote-${shortHash(`${spoken.words}\u0000${speakerKey}`, 10)}`, text: q.text, speaker: q.speaker, speakerId: q.speakerId, sources: [] };
        if (spoken.first === null) {
          spoken.first = group;
          spoken.speakerKey = speakerKey;
        } else (spoken.others ??= new Map()).set(speakerKey, group);
        entry.count += 1;
        entry.quotes.push(group);
      }
      group.sources.push({ quoteId: q.id, article: ref });
    }
  }
  // A month is made only with a group to file, except when all of an article's quotes were filed before: leave it out.
  return [...months.entries()]
    .filter(([, m]) => m.count > 0)
    .sort(([a], [b]) => (a === 'undated' ? 1 : b === 'undated' ? -1 : a < b ? 1 : -1))
    .map(([, m]) => m);
}

/** An empty month of quotes: `period` is "2024-07", or "undated". */
function quotesMonth(period: string, basePath: string): QuotesMonth {
  const dated = period !== 'undated';
  const year = dated ? period.slice(0, 4) : 'undated';
  const month = dated ? period.slice(5, 7) : null;
  const slug = dated ? `${year}/${month}` : 'undated';
  const label = dated ? `${MONTH_NAMES[Number(month) - 1] ?? month} ${year}` : 'undated articles';
  return { year, month, label, slug, url: `${basePath}quotes/${slug}/`, count: 0, quotes: [] };
}

/** The months grouped by year for the quotes index, in the same order. */
export function quotesByYear(months: readonly QuotesMonth[]): QuotesYear[] {
  const years: QuotesYear[] = [];
  for (const m of months) {
    let y = years[years.length - 1];
    if (!y || y.year !== m.year) {
      y = { year: m.year, count: 0, months: [] };
      years.push(y);
    }
    y.count += m.count;
    y.months.push(m);
  }
  return years;
}

const groupsDigests = new WeakMap<QuotesMonth, string>();

/**
 * A digest of a month's quote groups, for the digests of what shows them (its page, its search record): each group's id
 * and its sources, a quote id and its article's digest (`digestOf`, see `refDigests`), in order. A group's text and
 * speaker are those of a quote of its sources, which the article's digest covers: the ids stand for them, without
 * serialising 100,000 texts again. Taken once per month (the page and the search index ask both).
 */
export function quoteGroupsDigest(month: QuotesMonth, digestOf: (ref: ArticleRef) => string): string {
  let digest = groupsDigests.get(month);
  if (digest === undefined) {
    let text = '';
    for (const q of month.quotes) {
      text += q.id;
      for (const s of q.sources) text += ` ${s.quoteId} ${digestOf(s.article)}`;
      text += '\n';
    }
    digest = sha256Hex(text);
    groupsDigests.set(month, digest);
  }
  return digest;
}
