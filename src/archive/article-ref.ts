import type { ArticleRecord } from './types.js';

/** The little of an article that index pages show: no body, no quotes. */
export interface ArticleRef {
  id: string;
  url: string;
  title: string;
  date: string | null;
  source: string | null;
}

export function articleRef(article: ArticleRecord): ArticleRef {
  return { id: article.id, url: article.url, title: article.title, date: article.date, source: article.source };
}
