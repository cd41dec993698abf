import { createHash } from 'node:crypto';

/**
 * The cache key of one article: sha256 over the cache version and the article's text (its UTF-8 bytes).
 * Same text and same extractor → same key; a new extractor version changes every key.
 */
export function contentDigest(text: string, version: string): string {
  return createHash('sha256').update(version).update('\0').update(text, 'utf8').digest('hex');
}
