import { articleRef, type ArticleRef } from './article-ref.js';
import { byText } from './sort.js';
import type { Archive } from './types.js';

/** One quote as a topic page shows it; its permalink is its article's URL with `#` and its id. */
export interface TopicQuote {
  id: string;
  text: string;
  speaker: string | null;
  speakerId: string | null;
  article: ArticleRef;
}

export interface TopicSpeaker {
  id: string;
  name: string;
  /** Quotes on this topic. */
  count: number;
}

export interface TopicPage {
  id: string;
  label: string;
  url: string;
  feedUrl: string;
  articleCount: number;
  /** Quotes on the topic: `quotes.length` once filled. */
  quoteCount: number;
  /** Newest first (the archive's order). */
  articles: ArticleRef[];
  /** Empty in an outline until filled (`fillTopicPages`). */
  quotes: TopicQuote[];
  /** Who spoke on the topic and how often, most quotes first; empty in an outline until filled. */
  speakers: TopicSpeaker[];
}

/** One entry per topic id, sorted by label: its articles, quotes and speakers with counts. Linear. */
export function topicPages(archive: Archive, basePath: string): TopicPage[] {
  const pages = topicOutlines(archive, basePath);
  fillTopicPages(archive, pages);
  return pages;
}

/**
 * The topics' pages without their quotes and speakers: what the topics index, the pages' digests and the choice of
 * the pages to render need. Only the pages rendered are filled (`fillTopicPages`): a rebuild renders few.
 */
export function topicOutlines(archive: Archive, basePath: string): TopicPage[] {
  const pages = new Map<string, TopicPage>();
  for (const article of archive.articles) {
    if (article.topics.length === 0) continue;
    const ref = articleRef(article);
    for (const t of article.topics) {
      let page = pages.get(t.id);
      if (!page) {
        page = {
          id: t.id,
          label: t.label,
          url: `${basePath}topics/${t.id}/`,
          feedUrl: `${basePath}topics/${t.id}/feed.xml`,
          articleCount: 0,
          quoteCount: 0,
          articles: [],
          quotes: [],
          speakers: [],
        };
        pages.set(t.id, page);
      }
      page.articleCount += 1;
      page.quoteCount += article.quotes.length;
      page.articles.push(ref);
    }
  }
  return [...pages.values()].sort((a, b) => byText(a.label.toLowerCase(), b.label.toLowerCase()) || byText(a.id, b.id));
}

/** Fills the quotes and speakers of those of `pages` (outlines of `archive`, `topicOutlines`) not filled yet, in one pass over the archive. */
export function fillTopicPages(archive: Archive, pages: readonly TopicPage[]): void {
  const toFill = new Map<string, TopicPage>();
  for (const page of pages) if (page.quotes.length < page.quoteCount) toFill.set(page.id, page);
  if (toFill.size === 0) return;
  const speakerCounts = new Map<string, Map<string, TopicSpeaker>>();
  for (const article of archive.articles) {
    if (article.quotes.length === 0) continue;
    // The article's quotes as its topics' pages show them: made once, shared by each of its topics.
    let quotes: TopicQuote[] | null = null;
    for (const t of article.topics) {
      const page = toFill.get(t.id);
      if (!page) continue;
      if (quotes === null) {
        const ref = articleRef(article);
        quotes = article.quotes.map((q) => ({ id: q.id, text: q.text, speaker: q.speaker, speakerId: q.speakerId, article: ref }));
      }
      let counts = speakerCounts.get(t.id);
      if (!counts) speakerCounts.set(t.id, (counts = new Map<string, TopicSpeaker>()));
      for (const q of quotes) {
        page.quotes.push(q);
        if (q.speakerId !== null && q.speaker !== null) {
          const s = counts.get(q.speakerId) ?? { id: q.speakerId, name: q.speaker, count: 0 };
          s.count += 1;
          counts.set(q.speakerId, s);
        }
      }
    }
  }
  for (const page of toFill.values()) {
    page.speakers = [...(speakerCounts.get(page.id)?.values() ?? [])].sort((a, b) => b.count - a.count || byText(a.name, b.name));
  }
}
