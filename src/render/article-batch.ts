import { join } from 'node:path';
import type { ArticleRecord } from '../archive/types.js';
import { runEleventy } from './run-eleventy.js';
import { articlePages, type SiteData, type SiteDataOptions } from './site-data.js';

/** One run of article pages: everything it needs travels with it, so a worker thread can render it. */
export interface ArticleBatchJob {
  templates: string;
  outDir: string;
  options: SiteDataOptions;
  /** The site data the layout reads, without the large lists (see `slimSiteData`). */
  data: SiteData;
  /** The batch's articles, with the article just before and just after it (for older/newer links). */
  records: ArticleRecord[];
  /** Index in `records` of the first article to render, and how many. */
  first: number;
  count: number;
}

/** What an article page's layout needs of the site data: names, counts, URLs; no lists. */
export function slimSiteData(data: SiteData): SiteData {
  return {
    ...data,
    home: { latest: [], undated: [] },
    articles: [],
    speakers: [],
    topics: [],
    speakerPages: [],
    topicPages: [],
    timeline: { years: [], undated: [], undatedUrl: data.timeline.undatedUrl },
    quoteYears: [],
  };
}

/** Renders one batch of article pages (bodies to HTML, then Eleventy over `article.njk`). */
export async function renderArticleBatch(job: ArticleBatchJob): Promise<void> {
  const articles = articlePages({ articles: job.records }, job.options, job.first, job.first + job.count);
  await runEleventy(join(job.templates, 'article.njk'), job.outDir, { ...job.data, articles });
}
