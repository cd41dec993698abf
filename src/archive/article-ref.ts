import type { ArticleRecord } from './types.js';

/** The little of an article that index pages show: no body, no quotes. */
export interface ArticleRef {
  id: string;
  url: string;
  title: string;
  date: string | null;
  source: string | null;
}

const refs = new WeakMap<ArticleRecord, ArticleRef>();

/** The article's ref; one shared object per record, so index views stay small. */
export function articleRef(article: ArticleRecord): ArticleRef {
  let ref = refs.get(article);
  if (!ref) {
    ref = { id: article.id, url: article.url, title: article.title, date: article.date, source: article.source };
    refs.set(article, ref);
  }
  return ref;
}
