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
  /** Every quote, newest article first. */
  quotes: SpeakerQuote[];
  /** The quotes again, grouped by the topics of their articles, most quoted topic first. */
  topics: SpeakerTopic[];
  /** Articles that name the speaker, newest first. */
  articles: ArticleRef[];
}

/**
 * One entry per speaker id in the archive, sorted by name: role, counts, quotes (with their
 * articles), quotes by topic. Linear in the number of quotes; the archive's article order is kept.
 */
export function speakerPages(archive: Archive, basePath: string): SpeakerPage[] {
  const pages = new Map<string, SpeakerPage>();
  const roles = new Map<string, Map<string, number>>();
  for (const article of archive.articles) {
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
        };
        pages.set(s.id, page);
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
      page.quotes.push({ id: q.id, text: q.text, cue: q.cue, article: ref, topics: article.topics });
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
  return [...pages.values()].sort((a, b) => byText(a.name.toLowerCase(), b.name.toLowerCase()) || byText(a.id, b.id));
}
