import { articleRef, type ArticleRef } from '../archive/article-ref.js';
import { quotesByMonth, quotesByYear, type QuotesMonth, type QuotesYear } from '../archive/quotes-index.js';
import { speakerOutlines, speakerPages, type SpeakerPage } from '../archive/speakers-index.js';
import { timeline, type Timeline, type TimelineYear } from '../archive/timeline.js';
import { topicOutlines, topicPages, type TopicPage } from '../archive/topics-index.js';
import type { Archive } from '../archive/types.js';
import { articlePage, type ArticlePage, type ArticlePageOptions } from './article-pages.js';
import { absoluteUrl, normaliseBasePath, siteRoot } from './site-urls.js';

/** How many articles the home page lists in each section. */
export const HOME_LATEST = 20;

/** The global data the templates read as `site`: every view precomputed, pages paginate over arrays. */
export interface SiteData {
  name: string;
  basePath: string;
  /** Full URL of the site root (ending in `/`), or null when no site URL was given. */
  root: string | null;
  counts: { articles: number; dated: number; undated: number; speakers: number; topics: number; quotes: number };
  home: { latest: ArticleRef[]; undated: ArticleRef[] };
  /** The article pages of this Eleventy run: a slice of the archive (see `articlePages`), or none. */
  articles: ArticlePage[];
  /** Every speaker and topic, for their indexes. */
  speakers: SpeakerPage[];
  topics: TopicPage[];
  /** The speaker and topic pages of this Eleventy run: slices of `speakers` and `topics`, or none. */
  speakerPages: SpeakerPage[];
  topicPages: TopicPage[];
  timeline: Timeline;
  /** The timeline's year pages of this Eleventy run: a slice of `timeline.years`, or none. */
  timelineYearPages: TimelineYear[];
  /** The quotes index: years and their months. */
  quoteYears: QuotesYear[];
  /** Every month of quotes, newest first. */
  quoteMonths: readonly QuotesMonth[];
  /** The quotes pages of this Eleventy run: a slice of `quoteMonths`, or none. */
  quoteMonthPages: readonly QuotesMonth[];
}

export interface SiteDataOptions {
  basePath: string;
  siteUrl: string | null;
  /** The site's name in titles and the header. */
  name?: string;
}

/**
 * The pages of articles `from` to `to` (exclusive) in the archive's order, bodies rendered to HTML
 * here; older/newer links reach across the slice's ends.
 */
export function articlePages(archive: Archive, options: SiteDataOptions, from = 0, to = archive.articles.length): ArticlePage[] {
  const pageOptions = articlePageOptions(options);
  const list = archive.articles;
  const pages: ArticlePage[] = [];
  for (let i = from; i < Math.min(to, list.length); i += 1) {
    pages.push(articlePage(list[i]!, list[i + 1] ?? null, list[i - 1] ?? null, pageOptions));
  }
  return pages;
}

/** The URLs an article page links to, for `articlePage`. */
export function articlePageOptions(options: SiteDataOptions): ArticlePageOptions {
  const basePath = normaliseBasePath(options.basePath);
  const root = siteRoot(options.siteUrl, basePath);
  return {
    speakerUrl: (id: string): string => `${basePath}speakers/${id}/`,
    topicUrl: (id: string): string => `${basePath}topics/${id}/`,
    absolute: (path: string): string => absoluteUrl(root, basePath, path),
  };
}

/**
 * Computes the index pages' data from the archive (compact article refs, no bodies). The pages
 * rendered one per item — `articles`, `speakerPages`, `topicPages`, `timelineYearPages`, `quoteMonthPages` — are left empty unless
 * `withArticles`: the renderer fills them batch by batch, so memory stays bounded. With `outlines`, the speakers and
 * topics are outlines (`speakerOutlines`, `topicOutlines`: what their indexes show, no quotes), for the renderer to fill
 * those whose pages it renders. Linear in the archive's size.
 */
export function siteData(archive: Archive, options: SiteDataOptions, withArticles = false, quotesIndex?: readonly QuotesMonth[], outlines = false): SiteData {
  const basePath = normaliseBasePath(options.basePath);
  const root = siteRoot(options.siteUrl, basePath);
  const list = archive.articles;
  const articles = withArticles ? articlePages(archive, options) : [];
  const dated = list.filter((a) => a.date !== null);
  const undated = list.filter((a) => a.date === null);
  const speakers = outlines && !withArticles ? speakerOutlines(archive, basePath) : speakerPages(archive, basePath);
  const topics = outlines && !withArticles ? topicOutlines(archive, basePath) : topicPages(archive, basePath);
  const quoteMonths = quotesIndex ?? quotesByMonth(archive, basePath);
  const years = timeline(archive, basePath);
  return {
    name: options.name ?? 'News archive',
    basePath,
    root,
    counts: {
      articles: list.length,
      dated: dated.length,
      undated: undated.length,
      speakers: speakers.length,
      topics: topics.length,
      quotes: quoteMonths.reduce((n, m) => n + m.count, 0),
    },
    home: { latest: dated.slice(0, HOME_LATEST).map(articleRef), undated: undated.slice(0, HOME_LATEST).map(articleRef) },
    articles,
    speakers,
    topics,
    speakerPages: withArticles ? speakers : [],
    topicPages: withArticles ? topics : [],
    timeline: years,
    timelineYearPages: withArticles ? years.years : [],
    quoteYears: quotesByYear(quoteMonths),
    quoteMonths,
    quoteMonthPages: withArticles ? quoteMonths : [],
  };
}
