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
  /** Newest first (the archive's order). */
  articles: ArticleRef[];
  quotes: TopicQuote[];
  /** Who spoke on the topic and how often, most quotes first. */
  speakers: TopicSpeaker[];
}

/** One entry per topic id, sorted by label: its articles, quotes and speakers with counts. Linear. */
export function topicPages(archive: Archive, basePath: string): TopicPage[] {
  const pages = new Map<string, TopicPage>();
  const speakerCounts = new Map<string, Map<string, TopicSpeaker>>();
  for (const article of archive.articles) {
    const ref = articleRef(article);
    // The article's quotes as its topics' pages show them: made once, shared by each of its topics.
    const quotes: TopicQuote[] =
      article.topics.length === 0 ? [] : article.quotes.map((q) => ({ id: q.id, text: q.text, speaker: q.speaker, speakerId: q.speakerId, article: ref }));
    for (const t of article.topics) {
      let page = pages.get(t.id);
      if (!page) {
        page = {
          id: t.id,
          label: t.label,
          url: `${basePath}topics/${t.id}/`,
          feedUrl: `${basePath}topics/${t.id}/feed.xml`,
          articleCount: 0,
          articles: [],
          quotes: [],
          speakers: [],
        };
        pages.set(t.id, page);
      }
      page.articleCount += 1;
      page.articles.push(ref);
      const counts = speakerCounts.get(t.id) ?? new Map<string, TopicSpeaker>();
      speakerCounts.set(t.id, counts);
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
  for (const page of pages.values()) {
    page.speakers = [...(speakerCounts.get(page.id)?.values() ?? [])].sort((a, b) => b.count - a.count || byText(a.name, b.name));
  }
  return [...pages.values()].sort((a, b) => byText(a.label.toLowerCase(), b.label.toLowerCase()) || byText(a.id, b.id));
}
