import { articleRef, type ArticleRef } from './article-ref.js';
import type { Archive } from './types.js';

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export interface TimelineMonth {
  /** Two digits, "01"–"12". */
  month: string;
  name: string;
  /** Anchor id on the year page, e.g. "m-2024-07". */
  anchor: string;
  count: number;
  articles: ArticleRef[];
}

export interface TimelineYear {
  year: string;
  url: string;
  count: number;
  /** Newest month first. */
  months: TimelineMonth[];
}

export interface Timeline {
  /** Newest year first. */
  years: TimelineYear[];
  undated: ArticleRef[];
  undatedUrl: string;
}

/** Articles by year and month, newest first; undated ones apart. Expects the archive's order. */
export function timeline(archive: Archive, basePath: string): Timeline {
  const years: TimelineYear[] = [];
  const undated: ArticleRef[] = [];
  for (const article of archive.articles) {
    if (article.date === null) {
      undated.push(articleRef(article));
      continue;
    }
    const year = article.date.slice(0, 4);
    const month = article.date.slice(5, 7);
    let y = years[years.length - 1];
    if (!y || y.year !== year) {
      y = { year, url: `${basePath}timeline/${year}/`, count: 0, months: [] };
      years.push(y);
    }
    let m = y.months[y.months.length - 1];
    if (!m || m.month !== month) {
      m = { month, name: MONTH_NAMES[Number(month) - 1] ?? month, anchor: `m-${year}-${month}`, count: 0, articles: [] };
      y.months.push(m);
    }
    y.count += 1;
    m.count += 1;
    m.articles.push(articleRef(article));
  }
  return { years, undated, undatedUrl: `${basePath}timeline/undated/` };
}

export { MONTH_NAMES };
