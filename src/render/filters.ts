import { formatDate } from './format-date.js';
import { listMarkup } from './list-markup.js';
import { absoluteUrl, normaliseBasePath } from './site-urls.js';

/**
 * The Nunjucks filters the templates use, made per Eleventy run. Each is pure; none marks text as safe (the long
 * lists' items, laid out by the filters of `list-markup.ts`, are escaped there and printed with `| safe`).
 */
export function siteFilters(basePath: string, root: string | null): Record<string, (...args: never[]) => unknown> {
  // `withBase(basePath, path)` of site-urls.ts, the base path normalised once: the layout calls it a dozen times a page.
  const base = normaliseBasePath(basePath);
  const withBase = (path: string): string => `${base}${path.replace(/^\/+/, '')}`;
  const speakerUrl = (id: string): string => withBase(`speakers/${id}/`);
  const dateLabel = (date: string | null): string => (date ? formatDate(date) : 'Undated');
  const plural = (n: number, one: string, many?: string): string => `${n} ${n === 1 ? one : (many ?? `${one}s`)}`;
  return {
    /** A site path with the base path in front: `{{ "topics/" | withBase }}`. */
    withBase,
    /** A speaker page's URL from the speaker's id. */
    speakerUrl,
    /** A topic page's URL from the topic's id. */
    topicUrl: (id: string): string => withBase(`topics/${id}/`),
    /** An Eleventy `page.url` (no base path) as a full URL under the site URL, or null when none was given. */
    pageAbsoluteUrl: (pageUrl: string): string | null => (root ? absoluteUrl(root, basePath, withBase(pageUrl)) : null),
    /** "2024-07-09" → "9 July 2024". */
    dateLabel,
    /** "1 quote", "3 quotes". */
    plural,
    ...listMarkup({ dateLabel, plural, speakerUrl }),
  };
}
