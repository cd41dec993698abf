import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXTRACTOR_VERSION } from '../extract/version.js';
import type { ExtractedArticle } from '../extract/types.js';
import { splitEntryBody } from './entry-body.js';

let cachedVersion: string | null = null;

/**
 * The version extraction results are cached under: `EXTRACTOR_VERSION` plus a digest of the extractor's own
 * code (every file under `src/extract/`, as compiled), so that a changed rule never serves stale results
 * even when the version constant was not bumped.
 */
export function extractCacheVersion(): string {
  if (cachedVersion !== null) return cachedVersion;
  const hash = createHash('sha256');
  try {
    const root = fileURLToPath(new URL('../extract/', import.meta.url));
    for (const name of readdirSync(root, { recursive: true, encoding: 'utf8' }).sort()) {
      if (!/\.(js|ts|json|txt)$/.test(name)) continue;
      hash.update(name).update('\0');
      try {
        hash.update(readFileSync(join(root, name))).update('\0');
      } catch {
        // a folder whose name looks like a file
      }
    }
  } catch {
    // no readable sources: the version constant alone
  }
  cachedVersion = `${EXTRACTOR_VERSION}+${hash.digest('hex').slice(0, 16)}`;
  return cachedVersion;
}

/** A light check that a cached value has the shape of an `ExtractedArticle`. */
export function isExtractedArticle(value: unknown): value is ExtractedArticle {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.title === 'string' &&
    typeof v.titleFromLead === 'boolean' &&
    typeof v.body === 'string' &&
    (v.date === null || typeof v.date === 'string') &&
    Array.isArray(v.people) &&
    Array.isArray(v.speakers) &&
    Array.isArray(v.quotes) &&
    Array.isArray(v.topics) &&
    Array.isArray(v.messages)
  );
}

/**
 * One cached extraction result as a rebuild reads it: `value` the article, with `body` empty when `bytes` holds it
 * (its UTF-8 bytes, for the body store), or with its body as text (`bytes` null) when the entry could not be split.
 */
export interface CachedArticle {
  value: unknown;
  bytes: Buffer | null;
}

/**
 * Reads a cache entry (`DigestCache.getAs`) leaving its body as bytes (`splitEntryBody`): the body is neither decoded
 * nor parsed. The whole entry is parsed instead when it cannot be split, or when what is left does not have an empty
 * `body` (the key found was not the article's).
 */
export function readCachedArticle(raw: Buffer): CachedArticle {
  const split = splitEntryBody(raw);
  if (split !== null) {
    const value = JSON.parse(split.json) as unknown;
    if (typeof value === 'object' && value !== null && (value as { body?: unknown }).body === '') return { value, bytes: split.body };
  }
  return { value: JSON.parse(raw.toString('utf8')) as unknown, bytes: null };
}
