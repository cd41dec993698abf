import { join } from 'node:path';
import type { ArticleRecord } from '../archive/types.js';
import { runEleventy } from './run-eleventy.js';
import { articlePage, type ArticleLink } from './article-pages.js';
import { articlePageOptions, type SiteData, type SiteDataOptions } from './site-data.js';

/** One article to render, with the titles and URLs of its older and newer neighbours. */
export interface BatchItem {
  article: ArticleRecord;
  older: ArticleLink | null;
  newer: ArticleLink | null;
}

/** One run of article pages: everything it needs travels with it, so a worker thread can render it. */
export interface ArticleBatchJob {
  templates: string;
  outDir: string;
  options: SiteDataOptions;
  /** Shares compiled templates with earlier runs in the same thread (see `nunjucks-cache.ts`). */
  cacheKey?: string;
  /** The site data the layout reads, without the large lists (see `slimSiteData`). */
  data: SiteData;
  items: BatchItem[];
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
    quoteMonths: [],
    quoteMonthPages: [],
  };
}

/** Renders one batch of article pages (bodies to HTML, then Eleventy over `article.njk`). */
export async function renderArticleBatch(job: ArticleBatchJob): Promise<void> {
  const options = articlePageOptions(job.options);
  const articles = job.items.map((item) => articlePage(item.article, item.older, item.newer, options));
  await runEleventy(join(job.templates, 'article.njk'), job.outDir, { ...job.data, articles }, job.cacheKey);
}
