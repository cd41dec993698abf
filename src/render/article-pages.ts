import type { ArticleRecord } from '../archive/types.js';
import { BODY_ID_PREFIX, renderBody } from './body-html.js';
import { formatDate } from './format-date.js';
import { articleJsonLd } from './json-ld.js';

/** What an article page is made from: the record without its file name and extraction messages. */
export type ArticleSource = Omit<ArticleRecord, 'file' | 'messages'>;

export interface ArticleLink {
  title: string;
  url: string;
}

export interface ArticlePageQuote {
  id: string;
  text: string;
  speaker: string | null;
  speakerUrl: string | null;
  cue: string | null;
  /** Anchor of the quote in the body, or null when its words could not be marked there. */
  bodyAnchor: string | null;
}

/** Everything an article page shows, computed once in TypeScript before Eleventy runs. */
export interface ArticlePage {
  id: string;
  url: string;
  title: string;
  date: string | null;
  dateLabel: string | null;
  year: string | null;
  source: string | null;
  byline: string | null;
  dateline: string | null;
  speakers: { name: string; id: string; role: string | null; url: string }[];
  topics: { label: string; id: string; url: string }[];
  /** The body as sanitized HTML (remark-html's default schema), quotes marked up. */
  bodyHtml: string;
  quotes: ArticlePageQuote[];
  description: string;
  /** The next older and next newer article in the archive's order. */
  older: ArticleLink | null;
  newer: ArticleLink | null;
  /** JSON-LD, already safe inside a script element. */
  jsonLd: string;
}

/** A plain-text summary of the body for meta descriptions: its first paragraph, cut at about 200 characters. */
export function describe(body: string, fallback: string): string {
  // Paragraphs are cleaned one at a time up to the first non-empty one: the rest of the body is never read.
  let paragraph: string | undefined;
  for (const p of body.split(/\n\s*\n/)) {
    const clean = p
      .replace(/^#+\s.*$/gm, '')
      .replace(/<[^>]*>/g, '')
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/[*_`[\]#>]/g, '')
      .replace(/\s+/g, ' ')
      .trim();
    if (clean.length > 0) {
      paragraph = clean;
      break;
    }
  }
  const text = paragraph ?? fallback;
  if (text.length <= 200) return text;
  const cut = text.slice(0, 200);
  const space = cut.lastIndexOf(' ');
  return `${(space > 100 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export interface ArticlePageOptions {
  speakerUrl: (id: string) => string;
  topicUrl: (id: string) => string;
  absolute: (pathWithBase: string) => string;
}

/** One article's page data; `older`/`newer` are its neighbours in the archive's order. */
export function articlePage(
  article: ArticleSource,
  older: ArticleLink | null,
  newer: ArticleLink | null,
  options: ArticlePageOptions,
): ArticlePage {
  // Read once: the build may keep bodies on disk (`storeBody`), each read a read of the file.
  const text = article.body;
  const body = renderBody(
    text,
    article.quotes.map((q) => ({
      id: q.id,
      text: q.text,
      speaker: q.speaker && q.speakerId ? { name: q.speaker, url: options.speakerUrl(q.speakerId) } : null,
    })),
  );
  const description = describe(text, article.title);
  return {
    id: article.id,
    url: article.url,
    title: article.title,
    date: article.date,
    dateLabel: article.date ? formatDate(article.date) : null,
    year: article.date ? article.date.slice(0, 4) : null,
    source: article.source,
    byline: article.byline,
    dateline: article.dateline,
    speakers: article.speakers.map((s) => ({ name: s.name, id: s.id, role: s.role ?? null, url: options.speakerUrl(s.id) })),
    topics: article.topics.map((t) => ({ label: t.label, id: t.id, url: options.topicUrl(t.id) })),
    bodyHtml: body.html,
    quotes: article.quotes.map((q) => ({
      id: q.id,
      text: q.text,
      speaker: q.speaker,
      speakerUrl: q.speakerId ? options.speakerUrl(q.speakerId) : null,
      cue: q.cue,
      bodyAnchor: body.marked.has(q.id) ? `${BODY_ID_PREFIX}${q.id}` : null,
    })),
    description,
    older: older ? { title: older.title, url: older.url } : null,
    newer: newer ? { title: newer.title, url: newer.url } : null,
    jsonLd: articleJsonLd(article, description, options.absolute, (id) => options.speakerUrl(id)),
  };
}
