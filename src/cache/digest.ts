import * as crypto from 'node:crypto';

/**
 * The cache key of one article: sha256 over the cache version and the article's text (its UTF-8 bytes).
 * Same text and same extractor → same key; a new extractor version changes every key.
 */
export function contentDigest(text: string, version: string): string {
  return crypto.createHash('sha256').update(version).update('\0').update(text, 'utf8').digest('hex');
}

/**
 * sha256 of `data` (a string as its UTF-8 bytes), in hex. `crypto.hash` (Node 20.12 and later) where there is one:
 * for the short texts digested by the ten thousand (quote ids, slugs, records) it takes a third of the time of a
 * `createHash` object; the same digest either way.
 */
export const sha256Hex: (data: string | Buffer) => string =
  typeof crypto.hash === 'function' ? (data) => crypto.hash('sha256', data, 'hex') : (data) => crypto.createHash('sha256').update(data).digest('hex');
