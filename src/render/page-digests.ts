import { articleDigest, refDigests } from '../archive/article-digest.js';
import { sha256Hex } from '../cache/digest.js';
import { quoteGroupsDigest, type QuotesMonth } from '../archive/quotes-index.js';
import type { SpeakerPage } from '../archive/speakers-index.js';
import type { TimelineYear } from '../archive/timeline.js';
import type { TopicPage } from '../archive/topics-index.js';
import type { Archive } from '../archive/types.js';
import type { BatchItem } from './render-job.js';

/**
 * The digests of the pages rendered one per item, for `PageReuse`: of everything each page is
 * rendered from, without serialising the same article again for every page that shows it. Each
 * article record is digested once; a page's digest takes its own fields (ids, names, counts, the
 * order of what it lists) and, for every article it shows something of, that article's digest
 * (`articleDigest`: its body by the digest taken when it was stored, not read back). The
 * archive's code, which derives the pages from the articles, is in the salt (`templatesDigest`).
 */
export interface PageDigests {
  article(item: BatchItem): string;
  speaker(page: SpeakerPage): string;
  topic(page: TopicPage): string;
  quoteMonth(month: QuotesMonth): string;
  timelineYear(year: TimelineYear): string;
}

/** sha256 of the parts, each followed by a NUL (hashed as one string: one call into the hash, not two per part). */
const hash = (...parts: string[]): string => sha256Hex(`${parts.join('\0')}\0`).slice(0, 32);

/**
 * An object's fields that are not objects or arrays, as JSON: a page's own ids, names, URLs and counts. The text of
 * `JSON.stringify(Object.entries(value).filter(([, v]) => v === null || typeof v !== 'object'))`, written without
 * the arrays that makes (tens of thousands of quote groups a build).
 */
export function ownFields(value: object): string {
  let out = '';
  for (const key of Object.keys(value)) {
    const v: unknown = (value as Record<string, unknown>)[key];
    if (v !== null && typeof v === 'object') continue;
    // As in an array: what JSON has no text for (undefined, a function) is null.
    out += `${out === '' ? '[' : ','}[${JSON.stringify(key)},${JSON.stringify(v) ?? 'null'}]`;
  }
  return out === '' ? '[]' : `${out}]`;
}

export function pageDigests(archive: Archive, salt: string): PageDigests {
  /** An article shown on an index page: its record's digest (its ref's own JSON if it is not one of the archive's). */
  const ref = refDigests(archive.articles);
  return {
    article: (item) => hash(salt, 'article', articleDigest(item.article), JSON.stringify([item.older, item.newer])),
    // A speaker's or topic's page is made from its own fields and the articles that name, quote or are filed under it
    // (their quotes, topics and roles), in order: those articles' digests stand for what it lists of them.
    speaker: (page) => hash(salt, 'speaker', ownFields(page), page.articles.map(ref).join(' '), page.quotedIn.map(ref).join(' ')),
    topic: (page) => hash(salt, 'topic', ownFields(page), page.articles.map(ref).join(' ')),
    // Its groups by their ids and sources (`quoteGroupsDigest`, shared with the month's search record).
    quoteMonth: (month) => hash(salt, 'quoteMonth', ownFields(month), quoteGroupsDigest(month, ref)),
    // A year's months, their names, anchors and counts follow from its articles' dates, which their digests cover.
    timelineYear: (year) => hash(salt, 'timelineYear', ownFields(year), year.months.map((m) => m.articles.map(ref).join(' ')).join('\n')),
  };
}
