import { formatDate } from './format-date.js';
import { absoluteUrl, withBase } from './site-urls.js';

/** The Nunjucks filters the templates use. Each is pure; none marks text as safe. */
export function siteFilters(basePath: string, root: string | null): Record<string, (...args: never[]) => unknown> {
  return {
    /** A site path with the base path in front: `{{ "topics/" | withBase }}`. */
    withBase: (path: string): string => withBase(basePath, path),
    /** A speaker page's URL from the speaker's id. */
    speakerUrl: (id: string): string => withBase(basePath, `speakers/${id}/`),
    /** A topic page's URL from the topic's id. */
    topicUrl: (id: string): string => withBase(basePath, `topics/${id}/`),
    /** An Eleventy `page.url` (no base path) as a full URL under the site URL, or null when none was given. */
    pageAbsoluteUrl: (pageUrl: string): string | null => (root ? absoluteUrl(root, basePath, withBase(basePath, pageUrl)) : null),
    /** "2024-07-09" → "9 July 2024". */
    dateLabel: (date: string | null): string => (date ? formatDate(date) : 'Undated'),
    /** "1 quote", "3 quotes". */
    plural: (n: number, one: string, many?: string): string => `${n} ${n === 1 ? one : (many ?? `${one}s`)}`,
  };
}
