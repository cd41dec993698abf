import type { Root, RootContent } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { articleDigest, recordCodeDigest, refDigests } from '../archive/article-digest.js';
import type { ArticleRef } from '../archive/article-ref.js';
import { bodyLength } from '../archive/body-store.js';
import { quoteGroupsDigest, quotesByMonth, type QuotesMonth } from '../archive/quotes-index.js';
import type { Archive, ArticleRecord } from '../archive/types.js';
import { formatDate } from '../render/format-date.js';
import { parsePlainMarkdown } from '../render/plain-markdown.js';
import { plainBodyText } from './plain-body-text.js';
import { SEARCH_LANGUAGE } from './search-language.js';

/**
 * What the search index holds for one page: a Pagefind custom record (`index.addCustomRecord`), built from
 * the archive's records instead of read back from the rendered HTML. It holds what the page's
 * `data-pagefind-body` shows: for an article its title, date, source, byline, dateline, speakers, topics,
 * body and quotes; for a quotes month page every quote with its speaker (not the articles reporting it: see
 * `quotesMonthRecord`).
 */
export interface SearchRecord {
  /** The page's path under the site root, without the base path (`/articles/x/`): Pagefind's script adds the base. */
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

/** A searchable page, its record built on demand (a shard builds its records when it needs them, then drops them). */
export interface SearchPage {
  /** Same as its record's `url`. */
  url: string;
  /** `YYYY-MM` of the article's date or of the quotes month, or null when undated: it decides the page's shard. */
  period: string | null;
  /** About how many characters of text the page has (what Pagefind's memory grows with), known without building the record. */
  size: number;
  /** Everything the record is built from, as text: cheaper than the record, it stands for it in a shard's digest. */
  source(): string;
  record(): SearchRecord;
}

export { SEARCH_LANGUAGE };

/**
 * Every searchable page of the site — each article page and each quotes month page — as search records,
 * articles in archive order, then the quotes months newest first. `basePath` is the one the archive's URLs
 * were made with. `quoteMonths` is the archive's quotes index (`quotesByMonth(archive, basePath)`) when the
 * caller has it already (the render stage computes it); otherwise it is computed here.
 *
 * Nothing here reads a body kept on disk (`storeBody`): a page's size takes the body's stored length, and its
 * record, built only for a shard that is indexed, reads the body then.
 */
export function searchPages(archive: Archive, basePath: string, quoteMonths?: readonly QuotesMonth[]): SearchPage[] {
  /** An article a quotes month lists, by its record's digest (the table made when a month's source is first asked). */
  const digestOf = refDigests(archive.articles);
  const pages: SearchPage[] = archive.articles.map((article) => ({
    url: sitePath(article.url, basePath),
    period: article.date?.slice(0, 7) ?? null,
    size: article.title.length + bodyLength(article) + article.quotes.reduce((n, q) => n + q.text.length + 40, 0) + article.speakers.length * 40,
    source: () => articleDigest(article),
    record: () => articleRecord(article, basePath),
  }));
  for (const month of quoteMonths ?? quotesByMonth(archive, basePath)) {
    const url = sitePath(month.url, basePath);
    pages.push({
      url,
      period: month.month === null ? null : `${month.year}-${month.month}`,
      size: month.quotes.reduce((n, q) => n + q.text.length + 40, 0),
      source: () => quotesMonthSource(month, url, digestOf),
      record: () => quotesMonthRecord(month, url),
    });
  }
  return pages;
}

/** A page's path under the site root, without the base path (`/articles/x/`), from its URL made with `basePath`. */
function sitePath(url: string, basePath: string): string {
  if (!url.startsWith(basePath)) throw new Error(`URL ${url} is not under the base path ${basePath}`);
  return `/${url.slice(basePath.length)}`;
}

function articleRecord(article: ArticleRecord, basePath: string): SearchRecord {
  const line = [article.date ? formatDate(article.date) : 'Undated', article.source, article.byline, article.dateline].filter((s): s is string => !!s);
  const body = markdownText(article.body);
  // The page's quotes section repeats what the body says: a quote whose text the body holds is indexed once, there.
  // Its speaker is in the speakers' line; Pagefind then weighs and compresses the quote's words once, not twice.
  const quotes = article.quotes.filter((q) => !body.includes(q.text));
  const content = [
    article.title,
    line.join(' · '),
    article.speakers.length > 0 ? `Speakers: ${article.speakers.map((s) => (s.role ? `${s.name} (${s.role})` : s.name)).join(', ')}` : '',
    article.topics.length > 0 ? `Topics: ${article.topics.map((t) => t.label).join(', ')}` : '',
    body,
    quotes.length > 0 ? `Quotes in this article (${article.quotes.length})` : '',
    ...quotes.map((q) => `${q.text}\n${q.speaker ? (q.cue ? `${q.speaker} (${q.cue})` : q.speaker) : 'Unattributed: the article does not say who said this.'}`),
  ];
  const filters: Record<string, string[]> = { year: [inertFilterValue(article.date?.slice(0, 4) ?? 'undated')] };
  if (article.speakers.length > 0) filters.speaker = unique(article.speakers.map((s) => inertFilterValue(s.name)));
  if (article.topics.length > 0) filters.topic = unique(article.topics.map((t) => inertFilterValue(t.label)));
  return {
    url: sitePath(article.url, basePath),
    content: content.filter((s) => s !== '').join('\n'),
    language: SEARCH_LANGUAGE,
    meta: { title: article.title },
    filters,
    sort: article.date ? { date: article.date } : {},
  };
}

/**
 * A quotes month's record: its title, and each quote with its speaker. The articles reporting a quote, which the page
 * lists under it, are left out: each is indexed on its own page, and their titles, dates and sources repeated under
 * every quote were about half of a month's record (~9 % of Pagefind's CPU in a cold build), for results that only
 * pointed at the articles again.
 */
function quotesMonthRecord(month: QuotesMonth, url: string): SearchRecord {
  const title = `Quotes from ${month.label} (${month.count})`;
  const content = [title];
  for (const q of month.quotes) content.push(q.text, q.speaker ?? 'Unattributed');
  return { url, content: content.join('\n'), language: SEARCH_LANGUAGE, meta: { title }, filters: {}, sort: {} };
}

/**
 * What a quotes month's record is made from, as text: the code that makes it, its URL, label and count, and its groups
 * (`quoteGroupsDigest`: each group's id and sources, a quote id and its article's digest, which covers the quote's text
 * and speaker), taken once for the month's page and its record.
 */
function quotesMonthSource(month: QuotesMonth, url: string, digestOf: (ref: ArticleRef) => string): string {
  return `${recordCodeDigest()}\0${JSON.stringify([url, month.label, month.count])}\0${quoteGroupsDigest(month, digestOf)}`;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

const markdown = unified().use(remarkParse).freeze();

/**
 * The text a body's Markdown shows, blocks on lines of their own: what the article page shows of it (raw HTML is
 * dropped by the page's sanitizer, an image shows as its alt text). Bodies of plain paragraphs, headings and block
 * quotes are read line by line (`plainBodyText`), without a parse.
 */
export function markdownText(body: string): string {
  return plainBodyText(body) ?? parsedMarkdownText(body);
}

/** `markdownText` by a parse of the body: the fast path of plain paragraphs (`parsePlainMarkdown`), else remark-parse. */
export function parsedMarkdownText(body: string): string {
  // Block quotes show their text: without their `>` markers most bodies take the fast path of plain paragraphs.
  const tree = parsePlainMarkdown(body.replace(/^(?: {0,3}>[ \t]?)+/gm, '')) ?? (markdown.parse(body) as Root);
  const out: string[] = [];
  const walk = (nodes: readonly RootContent[]): void => {
    for (const node of nodes) {
      switch (node.type) {
        case 'text':
        case 'inlineCode':
          out.push(node.value);
          break;
        case 'code':
          out.push(node.value, '\n');
          break;
        case 'image':
        case 'imageReference':
          out.push(node.alt ?? '');
          break;
        case 'break':
          out.push('\n');
          break;
        case 'html':
          break;
        default:
          if ('children' in node) {
            walk(node.children as RootContent[]);
            if (node.type !== 'emphasis' && node.type !== 'strong' && node.type !== 'delete' && node.type !== 'link' && node.type !== 'linkReference') out.push('\n');
          }
      }
    }
  };
  walk(tree.children);
  return out.join('').replace(/[ \t]*\n\s*/g, '\n').trim();
}

/**
 * Makes a filter value safe for Pagefind's UI, which writes filter values into the page with `innerHTML`.
 * Pagefind keeps a custom record's filter values as given, so a speaker or topic pasted as
 * `<img src=x onerror=…>` would become markup on the search page. The value is decoded until nothing
 * changes (a name typed as `&lt;script&gt;` shows as `<script>` on its pages), then `<` and `>` become their
 * full-width forms `＜` `＞` and an `&` that could start a character reference becomes `＆`: whatever
 * `innerHTML` decodes, no markup and no other character can come out. Names without those characters are
 * indexed as they are.
 */
export function inertFilterValue(value: string): string {
  let text = value;
  for (let previous = ''; previous !== text; ) {
    previous = text;
    text = decodeReferences(text);
  }
  return text.replace(/</g, '\uFF1C').replace(/>/g, '\uFF1E').replace(/&(?=[#a-zA-Z])/g, '\uFF06');
}

/** Decodes the character references a template writes (`&lt;` `&gt;` `&amp;` `&quot;` `&apos;` and numeric ones). */
function decodeReferences(text: string): string {
  return text.replace(/&(?:(lt|gt|amp|quot|apos)|#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6}));?/gi, (all, name?: string, dec?: string, hex?: string) => {
    if (name !== undefined) return { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[name.toLowerCase() as 'lt'] ?? all;
    const code = dec !== undefined ? Number(dec) : Number.parseInt(hex ?? '', 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
  });
}
