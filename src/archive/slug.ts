import { sha256Hex } from '../cache/digest.js';
import { foldWords } from './fold.js';

/** Slugs for URLs: readable, ASCII, stable. Pure functions. */

/** Longest slug kept, in characters; cut at a word boundary. */
export const MAX_SLUG_LENGTH = 80;

/**
 * Lowercase ASCII words joined by `-`: "Erdoğan meets Orbán" → "erdogan-meets-orban".
 * Returns "" when nothing Latin is left (all punctuation, or a non-Latin script).
 */
export function slugify(text: string, maxLength = MAX_SLUG_LENGTH): string {
  const words = foldWords(text).split(' ').filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > maxLength) {
      if (!slug) slug = word.slice(0, maxLength);
      break;
    }
    slug = next;
  }
  return slug;
}

/** First `length` hex digits of the SHA-256 of `text`: a short stable suffix. */
export function shortHash(text: string, length = 6): string {
  return sha256Hex(text).slice(0, length);
}

/**
 * Gives each key a unique slug. `base` is the readable slug of each key (may be empty; it then
 * becomes `<fallback>-<hash of key>`). When several keys want the same slug, the first of them in
 * `keys` keeps it and the others get `-<hash of key>` appended: pass keys in a stable order that new
 * keys rarely precede (e.g. oldest first), so existing URLs survive additions.
 */
export function uniqueSlugs(keys: readonly string[], base: (key: string) => string, fallback: string): Map<string, string> {
  const result = new Map<string, string>();
  const taken = new Set<string>();
  const wanted = keys.map((key) => base(key) || `${fallback}-${shortHash(key)}`);
  // Reserve every plain slug first, so a suffixed slug can never take another key's plain one.
  const plainOwner = new Map<string, string>();
  keys.forEach((key, i) => {
    const slug = wanted[i] ?? fallback;
    if (!plainOwner.has(slug)) plainOwner.set(slug, key);
  });
  for (const slug of plainOwner.keys()) taken.add(slug);
  keys.forEach((key, i) => {
    const slug = wanted[i] ?? fallback;
    if (plainOwner.get(slug) === key && !result.has(key)) {
      result.set(key, slug);
      return;
    }
    let length = 6;
    let candidate = `${slug}-${shortHash(key, length)}`;
    while (taken.has(candidate) && length < 64) candidate = `${slug}-${shortHash(key, ++length)}`;
    taken.add(candidate);
    result.set(key, candidate);
  });
  return result;
}
