/**
 * Reads a records.json into `ScoredRecord`s: names or `{name}` objects,
 * labels or `{label}` objects, as score.mjs accepts them.
 */
import { readFileSync } from 'node:fs';
import type { ScoredRecord } from './gold-types.js';
import { CorpusError } from './load-corpus.js';

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

function str(x: unknown): string | null {
  return typeof x === 'string' ? x : typeof x === 'number' ? String(x) : null;
}

/** A name from a string or from an object's `name`, `label` or `id`. */
function nameOf(x: unknown): string | null {
  if (x == null) return null;
  if (typeof x === 'string') return x;
  if (isObject(x)) return str(x['name']) ?? str(x['label']) ?? str(x['id']);
  return null;
}

function labelOf(x: unknown): string {
  if (typeof x === 'string') return x;
  if (isObject(x)) return str(x['label']) ?? str(x['name']) ?? str(x['id']) ?? '';
  return '';
}

/** One records.json article as a `ScoredRecord`. */
export function toScoredRecord(raw: unknown): ScoredRecord {
  const r = isObject(raw) ? raw : {};
  const list = (k: string): unknown[] => {
    const v = r[k];
    return Array.isArray(v) ? v : [];
  };
  const body = str(r['body']) ?? str(r['text']);
  return {
    file: str(r['file']) ?? str(r['source_file']) ?? str(r['path']) ?? '',
    title: str(r['title']),
    date: str(r['date']),
    source: nameOf(r['source']),
    speakers: list('speakers').map(nameOf).filter((s): s is string => Boolean(s)),
    quotes: list('quotes').map((q) => {
      if (typeof q === 'string') return { text: q, speaker: null };
      const o = isObject(q) ? q : {};
      return { text: str(o['text']) ?? '', speaker: nameOf(o['speaker'] ?? o['by'] ?? null) };
    }),
    topics: list('topics').map(labelOf),
    body,
  };
}

/** Reads a records.json (`{articles: [...]}` or a bare array). */
export function loadRecordsFile(path: string): ScoredRecord[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (error) {
    throw new CorpusError(`cannot read records ${path}: ${(error as Error).message}`, { cause: error });
  }
  const articles = Array.isArray(parsed) ? parsed : isObject(parsed) ? parsed['articles'] : undefined;
  if (!Array.isArray(articles)) throw new CorpusError(`records ${path} has no "articles" array`);
  return articles.map(toScoredRecord);
}
