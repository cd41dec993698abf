import { articleRef, type ArticleRef } from './article-ref.js';
import { byText } from './sort.js';
import type { Archive, TopicRef } from './types.js';

/** One quote as a speaker page shows it; its permalink is its article's URL with `#` and its id. */
export interface SpeakerQuote {
  id: string;
  text: string;
  cue: string | null;
  article: ArticleRef;
  topics: TopicRef[];
}

export interface SpeakerTopic {
  id: string;
  label: string;
  count: number;
  quotes: SpeakerQuote[];
}

export interface SpeakerPage {
  id: string;
  name: string;
  /** The role most articles give, or null. */
  role: string | null;
  url: string;
  feedUrl: string;
  quoteCount: number;
  articleCount: number;
  /** Every quote, newest article first; empty in an outline until filled (`fillSpeakerPages`). */
  quotes: SpeakerQuote[];
  /** The quotes again, grouped by the topics of their articles, most quoted topic first; empty in an outline until filled. */
  topics: SpeakerTopic[];
  /** Articles that name the speaker, newest first. */
  articles: ArticleRef[];
  /** Articles that quote the speaker, newest first, each once: those of `quotes`, known without them. */
  quotedIn: ArticleRef[];
}

/**
 * One entry per speaker id in the archive, sorted by name: role, counts, quotes (with their
 * articles), quotes by topic. Linear in the number of quotes; the archive's article order is kept.
 */
export function speakerPages(archive: Archive, basePath: string): SpeakerPage[] {
  const pages = speakerOutlines(archive, basePath);
  fillSpeakerPages(archive, pages);
  return pages;
}

/**
 * The speakers' pages without their quotes (`quotes` and `topics` empty): what the speakers index, the pages' digests
 * and the choice of the pages to render need. A rebuild renders few speakers' pages: only those are filled
 * (`fillSpeakerPages`), instead of making every quote of the archive an object of each page it is on.
 */
export function speakerOutlines(archive: Archive, basePath: string): SpeakerPage[] {
  const pages = new Map<string, SpeakerPage>();
  const roles = new Map<string, Map<string, number>>();
  for (let at = 0; at < archive.articles.length; at += 1) {
    const article = archive.articles[at]!;
    const ref = articleRef(article);
    for (const s of article.speakers) {
      let page = pages.get(s.id);
      if (!page) {
        page = {
          id: s.id,
          name: s.name,
          role: null,
          url: `${basePath}speakers/${s.id}/`,
          feedUrl: `${basePath}speakers/${s.id}/feed.xml`,
          quoteCount: 0,
          articleCount: 0,
          quotes: [],
          topics: [],
          articles: [],
          quotedIn: [],
        };
        pages.set(s.id, page);
        firstArticle.set(page, at);
      }
      page.articleCount += 1;
      page.articles.push(ref);
      if (s.role) {
        const counts = roles.get(s.id) ?? new Map<string, number>();
        counts.set(s.role, (counts.get(s.role) ?? 0) + 1);
        roles.set(s.id, counts);
      }
    }
    for (const q of article.quotes) {
      if (q.speakerId === null) continue;
      const page = pages.get(q.speakerId);
      if (!page) continue;
      page.quoteCount += 1;
      if (page.quotedIn[page.quotedIn.length - 1] !== ref) page.quotedIn.push(ref);
    }
  }
  for (const page of pages.values()) {
    const counts = roles.get(page.id);
    if (counts) {
      let best = 0;
      for (const [role, n] of [...counts].sort(([a], [b]) => byText(a, b))) {
        if (n > best) {
          best = n;
          page.role = role;
        }
      }
    }
  }
  return [...pages.values()].sort((a, b) => byText(a.name.toLowerCase(), b.name.toLowerCase()) || byText(a.id, b.id));
}

/** Where in the archive's order each outline's speaker was first named: its quotes are those from there on (as they were counted). */
const firstArticle = new WeakMap<SpeakerPage, number>();

/** Fills the quotes and quotes by topic of those of `pages` (outlines of `archive`, `speakerOutlines`) not filled yet, in one pass over the archive. */
export function fillSpeakerPages(archive: Archive, pages: readonly SpeakerPage[]): void {
  const toFill = new Map<string, SpeakerPage>();
  for (const page of pages) if (page.quotes.length < page.quoteCount) toFill.set(page.id, page);
  if (toFill.size === 0) return;
  for (let at = 0; at < archive.articles.length; at += 1) {
    const article = archive.articles[at]!;
    let ref: ArticleRef | null = null;
    for (const q of article.quotes) {
      if (q.speakerId === null) continue;
      const page = toFill.get(q.speakerId);
      if (!page || at < (firstArticle.get(page) ?? 0)) continue;
      ref ??= articleRef(article);
      page.quotes.push({ id: q.id, text: q.text, cue: q.cue, article: ref, topics: article.topics });
    }
  }
  for (const page of toFill.values()) {
    const byTopic = new Map<string, SpeakerTopic>();
    for (const quote of page.quotes) {
      for (const t of quote.topics) {
        const topic = byTopic.get(t.id) ?? { id: t.id, label: t.label, count: 0, quotes: [] };
        topic.count += 1;
        topic.quotes.push(quote);
        byTopic.set(t.id, topic);
      }
    }
    page.topics = [...byTopic.values()].sort((a, b) => b.count - a.count || byText(a.label, b.label));
  }
}
