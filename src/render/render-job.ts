import { join } from 'node:path';
import type { ArticleRecord } from '../archive/types.js';
import type { QuotesMonth } from '../archive/quotes-index.js';
import type { SpeakerPage } from '../archive/speakers-index.js';
import type { TimelineYear } from '../archive/timeline.js';
import type { TopicPage } from '../archive/topics-index.js';
import { articlePage, type ArticleLink, type ArticlePage, type ArticleSource } from './article-pages.js';
import { runEleventy } from './run-eleventy.js';
import { articlePageOptions, type SiteData, type SiteDataOptions } from './site-data.js';

/** One article to render, with the titles and URLs of its older and newer neighbours. */
export interface BatchItem {
  article: ArticleRecord;
  older: ArticleLink | null;
  newer: ArticleLink | null;
}

/** An article of a job: what its page is made from (a `BatchItem`, or its copy without the record's file name and messages). */
export type JobArticle = Omit<BatchItem, 'article'> & { article: ArticleSource };

/** The pages of one Eleventy run: one kind of page rendered one per item, and its items. */
export type JobPages =
  | { kind: 'articles'; items: JobArticle[] }
  | { kind: 'speakers'; items: SpeakerPage[] }
  | { kind: 'topics'; items: TopicPage[] }
  | { kind: 'quoteMonths'; items: QuotesMonth[] }
  | { kind: 'timelineYears'; items: TimelineYear[] };

/** One Eleventy run: everything it needs travels with it, so a worker thread can render it. */
export type RenderJob = JobPages & {
  templates: string;
  outDir: string;
  options: SiteDataOptions;
  /** Shares compiled templates with earlier runs in the same thread (see `nunjucks-cache.ts`). */
  cacheKey?: string;
  /** The site data every page's layout reads, without the large lists (see `slimSiteData`). */
  data: SiteData;
};

/** What a page's layout needs of the site data: names, counts, URLs; no lists. */
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
    timelineYearPages: [],
    quoteYears: [],
    quoteMonths: [],
    quoteMonthPages: [],
  };
}

/** What an article page is made from, its body read (once) from wherever the record keeps it. */
function articleSource(article: ArticleSource): ArticleSource {
  return {
    id: article.id,
    url: article.url,
    title: article.title,
    date: article.date,
    source: article.source,
    byline: article.byline,
    dateline: article.dateline,
    speakers: article.speakers,
    quotes: article.quotes,
    topics: article.topics,
    body: article.body,
  };
}

/**
 * `job` as it is sent to a worker thread: only what the pages show. A record goes without its file name and
 * messages (the other kinds of page hold only what their templates read).
 */
export function portableJob(job: RenderJob): RenderJob {
  if (job.kind !== 'articles') return job;
  return { ...job, items: job.items.map((item) => ({ article: articleSource(item.article), older: item.older, newer: item.newer })) };
}

/** The template of each kind of page rendered one per item. */
const TEMPLATE_OF: Record<RenderJob['kind'], string> = {
  articles: 'article.njk',
  speakers: 'speaker.njk',
  topics: 'topic.njk',
  quoteMonths: 'quotes-month.njk',
  timelineYears: 'timeline-year.njk',
};

/** Renders one job's pages (article bodies to HTML first, then Eleventy over the kind's template alone); resolves with how many. */
export async function renderJob(job: RenderJob): Promise<number> {
  return (await runEleventy(join(job.templates, TEMPLATE_OF[job.kind]), job.outDir, withJobPages(job.data, [job]), job.cacheKey)).length;
}

/**
 * `data` with the pages of `jobs` to render too, in the same Eleventy run as the pages `data` makes (article bodies
 * turned into HTML first): for a small render (a rebuild's few changed pages), one run's set-up instead of one per job.
 */
export function withJobPages(data: SiteData, jobs: readonly RenderJob[]): SiteData {
  const articles: ArticlePage[] = [...data.articles];
  const speakerPages: SpeakerPage[] = [...data.speakerPages];
  const topicPages: TopicPage[] = [...data.topicPages];
  const quoteMonthPages: QuotesMonth[] = [...data.quoteMonthPages];
  const timelineYearPages: TimelineYear[] = [...data.timelineYearPages];
  for (const job of jobs) {
    switch (job.kind) {
      case 'articles': {
        const options = articlePageOptions(job.options);
        for (const item of job.items) articles.push(articlePage(item.article, item.older, item.newer, options));
        break;
      }
      case 'speakers':
        speakerPages.push(...job.items);
        break;
      case 'topics':
        topicPages.push(...job.items);
        break;
      case 'quoteMonths':
        quoteMonthPages.push(...job.items);
        break;
      case 'timelineYears':
        timelineYearPages.push(...job.items);
        break;
    }
  }
  return { ...data, articles, speakerPages, topicPages, quoteMonthPages, timelineYearPages };
}
