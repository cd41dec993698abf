import { createHash } from 'node:crypto';
import { byText, compareArticles } from '../archive/sort.js';
import { bodyStart } from '../archive/body-store.js';
import type { Archive, ArticleRecord } from '../archive/types.js';
import { publicLink, type LinkOptions } from './urls.js';
import { escapeXml } from './xml.js';

/** The site's name, used as the feed author when an article names none. */
export const SITE_TITLE = 'News archive';

/**
 * `updated` of an undated article, and of a feed with no dated article. Atom needs a date on every entry;
 * the build time would make two builds differ, so a fixed date stands in. The entry has no `published`,
 * which is how a reader can tell it is undated.
 */
export const UNDATED_FALLBACK = '2000-01-01T00:00:00Z';

/**
 * Entries per feed: the newest articles. A feed is what readers poll for what is new; the whole archive is
 * on the pages and in records.json. (A feed of every article would grow to tens of megabytes.)
 */
export const FEED_ENTRIES = 50;

/** One feed to write: where, and its XML. */
export interface FeedFile {
  /** Path inside the output folder, forward slashes (`feed.xml`, `topics/<id>/feed.xml`). */
  file: string;
  xml: string;
}

export interface FeedSpec {
  /** Stable key the feed id is derived from (`archive`, `topic:<id>`, `speaker:<id>`). */
  key: string;
  title: string;
  /** Site path of the feed itself, with the base path. */
  selfPath: string;
  /** Site path of the HTML page the feed follows, with the base path. */
  pagePath: string;
  articles: readonly ArticleRecord[];
}

/** Every feed of the archive: the whole archive, then one per topic and one per speaker, as their pages list them. */
export function archiveFeeds(archive: Archive, options: LinkOptions): FeedFile[] {
  const entries: EntryCache = new Map();
  return [...feedPlans(archive, options)].map((plan) => ({ file: plan.file, xml: feedXml(plan, options, entries) }));
}

/** One feed of `archiveFeeds` before its XML is made: where it goes, what it is, and the articles it lists. */
export interface FeedPlan {
  /** Path inside the output folder, forward slashes. */
  file: string;
  spec: FeedSpec;
  /** Its entries: the `FEED_ENTRIES` newest of the spec's articles, newest first, undated ones last. */
  newest: readonly ArticleRecord[];
}

/**
 * The feeds of `archiveFeeds`, one at a time and without their XML: a caller can skip a feed whose articles did
 * not change, and holds one feed's XML at a time, not all (tens of megabytes on a large archive).
 */
export function* feedPlans(archive: Archive, options: LinkOptions): Generator<FeedPlan> {
  const { basePath } = options;
  // The archive's order, worked out once; each feed then sorts its articles by their place in it.
  const rank = new Map(sortNewestFirst(archive.articles).map((a, i) => [a, i]));
  const plan = (file: string, spec: FeedSpec): FeedPlan => ({ file, spec, newest: newestOf(spec.articles, rank) });
  yield plan('feed.xml', { key: 'archive', title: SITE_TITLE, selfPath: `${basePath}feed.xml`, pagePath: basePath, articles: archive.articles });
  for (const group of feedGroups(archive, basePath)) {
    if (!isSafeSegment(group.id)) continue;
    yield plan(`${group.kind}/${group.id}/feed.xml`, {
      key: group.key,
      title: `${group.name} — ${SITE_TITLE}`,
      selfPath: `${group.url}feed.xml`,
      pagePath: group.url,
      articles: group.articles,
    });
  }
}

/** The XML of a planned feed; `entries` keeps the entries made, for the next feeds. */
export function feedXml(plan: FeedPlan, options: LinkOptions, entries: EntryCache = new Map()): string {
  return renderFeed(plan.spec, plan.newest, options, entries);
}

/** One topic's or speaker's feed: its page, and the articles it covers (each once, in no particular order). */
interface FeedGroup {
  kind: 'topics' | 'speakers';
  key: string;
  id: string;
  name: string;
  /** The page the feed follows, with the base path. */
  url: string;
  articles: ArticleRecord[];
}

/**
 * The feeds of the topics and speakers, as their pages list them (`topicPages`, `speakerPages`): every topic of an
 * article; every speaker an article names, with the articles naming them and those quoting them once named. Read
 * straight from the records, without the pages' quote lists, which on a large archive are hundreds of megabytes.
 * Topics by label, then speakers by name, as the index pages sort them.
 */
function feedGroups(archive: Archive, basePath: string): FeedGroup[] {
  const topics = new Map<string, FeedGroup & { seen: Set<ArticleRecord> }>();
  const speakers = new Map<string, FeedGroup & { seen: Set<ArticleRecord> }>();
  const add = (group: FeedGroup & { seen: Set<ArticleRecord> }, article: ArticleRecord): void => {
    if (group.seen.has(article)) return;
    group.seen.add(article);
    group.articles.push(article);
  };
  for (const article of archive.articles) {
    for (const t of article.topics) {
      let group = topics.get(t.id);
      if (!group) topics.set(t.id, (group = { kind: 'topics', key: `topic:${t.id}`, id: t.id, name: t.label, url: `${basePath}topics/${t.id}/`, articles: [], seen: new Set() }));
      add(group, article);
    }
    for (const s of article.speakers) {
      let group = speakers.get(s.id);
      if (!group) speakers.set(s.id, (group = { kind: 'speakers', key: `speaker:${s.id}`, id: s.id, name: s.name, url: `${basePath}speakers/${s.id}/`, articles: [], seen: new Set() }));
      add(group, article);
    }
    for (const q of article.quotes) {
      const group = q.speakerId === null ? undefined : speakers.get(q.speakerId);
      if (group) add(group, article);
    }
  }
  const byName = (a: FeedGroup, b: FeedGroup): number => byText(a.name.toLowerCase(), b.name.toLowerCase()) || byText(a.id, b.id);
  const plain = ({ seen: _seen, ...group }: FeedGroup & { seen: Set<ArticleRecord> }): FeedGroup => group;
  return [...[...topics.values()].sort(byName).map(plain), ...[...speakers.values()].sort(byName).map(plain)];
}

/** An id that can be one folder name: no separator, not `.` or `..`, not empty. */
function isSafeSegment(id: string): boolean {
  return id !== '' && id !== '.' && id !== '..' && !/[/\\\u0000]/.test(id);
}

/** Renders one Atom feed (RFC 4287): the `limit` newest articles, newest first, undated ones last. */
export function atomFeed(spec: FeedSpec, options: LinkOptions, entries: EntryCache = new Map(), rank?: ReadonlyMap<ArticleRecord, number>, limit = FEED_ENTRIES): string {
  return renderFeed(spec, rank ? newestOf(spec.articles, rank, limit) : sortNewestFirst(spec.articles).slice(0, limit), options, entries);
}

/** The `limit` first of `articles` by their `rank`. */
function newestOf(articles: readonly ArticleRecord[], rank: ReadonlyMap<ArticleRecord, number>, limit = FEED_ENTRIES): ArticleRecord[] {
  // Groups are gathered in the archive's order, which is nearly always the rank's: then there is nothing to sort.
  let sorted = true;
  for (let i = 1; i < articles.length && sorted; i++) sorted = (rank.get(articles[i - 1]!) ?? 0) <= (rank.get(articles[i]!) ?? 0);
  if (sorted) return articles.slice(0, limit);
  return [...articles].sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0)).slice(0, limit);
}

function renderFeed(spec: FeedSpec, sorted: readonly ArticleRecord[], options: LinkOptions, entries: EntryCache): string {
  const dates = sorted.map((a) => a.date).filter((d): d is string => d !== null && isIsoDate(d));
  const updated = dates.length > 0 ? toAtomDate(dates.reduce((a, b) => (a > b ? a : b))) : UNDATED_FALLBACK;
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${stableId(`feed:${spec.key}`)}</id>`,
    `  <title>${escapeXml(spec.title)}</title>`,
    `  <updated>${updated}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(publicLink(spec.selfPath, options))}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(publicLink(spec.pagePath, options))}"/>`,
    `  <author><name>${escapeXml(SITE_TITLE)}</name></author>`,
    '  <generator>news-archive</generator>',
    ...sorted.map((article) => {
      let entry = entries.get(article);
      if (entry === undefined) {
        entry = atomEntry(article, options);
        entries.set(article, entry);
      }
      return entry;
    }),
    '</feed>',
    '',
  ];
  return lines.join('\n');
}

/** Entries already rendered, by article: an article is in several feeds (the archive's, its topics', its speakers'). */
export type EntryCache = Map<ArticleRecord, string>;

function atomEntry(article: ArticleRecord, options: LinkOptions): string {
  const dated = article.date !== null && isIsoDate(article.date);
  const date = dated && article.date !== null ? toAtomDate(article.date) : UNDATED_FALLBACK;
  const author = article.byline ?? article.source;
  const summary = articleSummary(article);
  return [
    '  <entry>',
    `    <id>${stableId(`article:${article.id}`)}</id>`,
    `    <title type="text">${escapeXml(article.title)}</title>`,
    `    <link rel="alternate" type="text/html" href="${escapeXml(publicLink(article.url, options))}"/>`,
    ...(dated ? [`    <published>${date}</published>`] : []),
    `    <updated>${date}</updated>`,
    ...(author !== null && author.trim() !== '' ? [`    <author><name>${escapeXml(author.trim())}</name></author>`] : []),
    ...article.topics.map((t) => `    <category term="${escapeXml(t.id)}" label="${escapeXml(t.label)}"/>`),
    ...(summary !== '' ? [`    <summary type="text">${escapeXml(summary)}</summary>`] : []),
    '  </entry>',
  ].join('\n');
}

/** The archive's one article order (newest first, undated last, then title, then file); a date that is not `YYYY-MM-DD` counts as none. */
export function sortNewestFirst(articles: readonly ArticleRecord[]): ArticleRecord[] {
  // Each article's key made once, not twice a comparison.
  const keys = articles.map((a) => ({ date: a.date !== null && isIsoDate(a.date) ? a.date : null, title: a.title, file: a.file }));
  // The archive's articles are in that order already (unless a date is not `YYYY-MM-DD`): then there is nothing to sort.
  let sorted = true;
  for (let i = 1; i < keys.length && sorted; i++) sorted = compareArticles(keys[i - 1]!, keys[i]!) <= 0;
  if (sorted) return [...articles];
  const order = keys.map((_, i) => i).sort((i, j) => compareArticles(keys[i]!, keys[j]!));
  return order.map((i) => articles[i]!);
}

function isIsoDate(date: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(date);
}

function toAtomDate(date: string): string {
  return `${date}T00:00:00Z`;
}

/**
 * A `urn:uuid:` (name-based, SHA-1, as UUID version 5) for a key: the same article keeps the same entry id
 * whatever the host or base path, so moving the site does not make readers see every entry as new.
 */
export function stableId(key: string): string {
  const hash = createHash('sha1').update(`news-archive:${key}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** Bytes of a body read for its summary: enough for the lead paragraph of nearly every article (the rest read when not). */
const SUMMARY_BYTES = 1024;

/**
 * `summaryOf(article.body)`, reading only the start of a body kept in the store (`maxBytes`) when its first paragraph
 * ends there.
 */
export function articleSummary(article: ArticleRecord, maxBytes = SUMMARY_BYTES): string {
  const start = bodyStart(article, maxBytes);
  const paragraph = firstParagraph(start.text, start.whole) ?? firstParagraph(article.body, true) ?? '';
  return plainSummary(paragraph);
}

/**
 * The first paragraph of `markdown` (paragraphs parted by blank lines) that is not empty nor a heading, trimmed; ''
 * when there is none. With `whole` false, `markdown` is only the start of the text: null when that does not show
 * where the paragraph ends (the blank line after it).
 */
function firstParagraph(markdown: string, whole: boolean): string | null {
  const blank = /\n\s*\n/g;
  for (let from = 0; ; ) {
    blank.lastIndex = from;
    const next = blank.exec(markdown);
    if (next === null && !whole) return null;
    const paragraph = markdown.slice(from, next === null ? markdown.length : next.index).trim();
    if (paragraph !== '' && !paragraph.startsWith('#')) return paragraph;
    if (next === null) return '';
    from = next.index + next[0].length;
  }
}

/** The article's first paragraph as plain text, at most about 300 characters. */
export function summaryOf(markdown: string): string {
  return plainSummary(firstParagraph(markdown, true) ?? '');
}

/** A paragraph as plain text, at most about 300 characters. */
function plainSummary(paragraph: string): string {
  const text = paragraph
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]+/g, '')
    .replace(/^>\s?/gm, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length <= 300) return text;
  const cut = text.slice(0, 300);
  const space = cut.lastIndexOf(' ');
  return `${(space > 200 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
