import { join } from 'node:path';
import type { ArticleRecord } from '../archive/types.js';
import type { QuoteGroup, QuoteSource, QuotesMonth } from '../archive/quotes-index.js';
import type { SpeakerPage, SpeakerQuote, SpeakerTopic } from '../archive/speakers-index.js';
import type { TimelineYear } from '../archive/timeline.js';
import type { TopicPage, TopicQuote } from '../archive/topics-index.js';
import { articlePage, type ArticleLink, type ArticleSource } from './article-pages.js';
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

/*
 * The pages rendered one per item, as the templates read them: a quote's link is made from its article's URL and
 * its id (`{{ q.article.url }}#{{ q.id }}`), so the archive's pages are rendered as they are, and a job sent to a
 * worker leaves each quote's `url` out (see `portableJob`).
 */
export type JobSpeakerQuote = Omit<SpeakerQuote, 'url'>;
export type JobSpeakerPage = Omit<SpeakerPage, 'quotes' | 'topics'> & {
  quotes: JobSpeakerQuote[];
  topics: (Omit<SpeakerTopic, 'quotes'> & { quotes: JobSpeakerQuote[] })[];
};
export type JobTopicPage = Omit<TopicPage, 'quotes'> & { quotes: Omit<TopicQuote, 'url'>[] };
export type JobQuotesMonth = Omit<QuotesMonth, 'quotes'> & { quotes: (Omit<QuoteGroup, 'sources'> & { sources: Omit<QuoteSource, 'url'>[] })[] };

/** The pages of one Eleventy run: one kind of page rendered one per item, and its items. */
export type JobPages =
  | { kind: 'articles'; items: JobArticle[] }
  | { kind: 'speakers'; items: JobSpeakerPage[] }
  | { kind: 'topics'; items: JobTopicPage[] }
  | { kind: 'quoteMonths'; items: JobQuotesMonth[] }
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
 * messages; a quote of a speaker, topic or quotes page without its `url`. Sending a string makes this thread
 * flatten it: each of those URLs is two strings joined (the article's URL and the quote's id), and flattened it
 * would hold a copy of both for as long as the archive's pages are kept (hundreds of MB for 100,000 articles).
 * The copies made here are dropped once the job is sent.
 */
export function portableJob(job: RenderJob): RenderJob {
  switch (job.kind) {
    case 'articles':
      return { ...job, items: job.items.map((item) => ({ article: articleSource(item.article), older: item.older, newer: item.newer })) };
    case 'speakers':
      return {
        ...job,
        items: job.items.map((page) => {
          // A quote is listed again under each of its topics: one copy of it, so it is sent once.
          const copies = new Map<JobSpeakerQuote, JobSpeakerQuote>();
          const copy = (quote: JobSpeakerQuote): JobSpeakerQuote => {
            let made = copies.get(quote);
            if (made === undefined) copies.set(quote, (made = { id: quote.id, text: quote.text, cue: quote.cue, article: quote.article, topics: quote.topics }));
            return made;
          };
          return { ...page, quotes: page.quotes.map(copy), topics: page.topics.map((t) => ({ ...t, quotes: t.quotes.map(copy) })) };
        }),
      };
    case 'topics':
      return {
        ...job,
        items: job.items.map((page) => ({
          ...page,
          quotes: page.quotes.map((q) => ({ id: q.id, text: q.text, speaker: q.speaker, speakerId: q.speakerId, article: q.article })),
        })),
      };
    case 'quoteMonths':
      return {
        ...job,
        items: job.items.map((month) => ({
          ...month,
          quotes: month.quotes.map((group) => ({ ...group, sources: group.sources.map((s) => ({ quoteId: s.quoteId, article: s.article })) })),
        })),
      };
    case 'timelineYears':
      return job;
  }
}

/** Renders one job's pages (article bodies to HTML first, then Eleventy over the kind's template alone); resolves with how many. */
export async function renderJob(job: RenderJob): Promise<number> {
  const run = (template: string, data: SiteData): Promise<number> => runEleventy(join(job.templates, template), job.outDir, data, job.cacheKey);
  switch (job.kind) {
    case 'articles': {
      const options = articlePageOptions(job.options);
      const articles = job.items.map((item) => articlePage(item.article, item.older, item.newer, options));
      return run('article.njk', { ...job.data, articles });
    }
    case 'speakers':
      return run('speaker.njk', { ...job.data, speakerPages: job.items });
    case 'topics':
      return run('topic.njk', { ...job.data, topicPages: job.items });
    case 'quoteMonths':
      return run('quotes-month.njk', { ...job.data, quoteMonthPages: job.items });
    case 'timelineYears':
      return run('timeline-year.njk', { ...job.data, timelineYearPages: job.items });
  }
}
