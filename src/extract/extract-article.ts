import type { ExtractedArticle } from './types.js';

/** Bumped whenever extraction output may change, so cached results are not reused. */
export const EXTRACTOR_VERSION = '0.0.1';

/** Turns one article's plain text (front matter already removed) into its record. Never throws. */
export function extractArticle(text: string): ExtractedArticle {
  // Placeholder until the unified pipeline lands (owned by the extractor work).
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  return {
    title: (lines[0] ?? 'Untitled').slice(0, 120),
    titleFromLead: false,
    date: null,
    source: null,
    byline: null,
    dateline: null,
    people: [],
    speakers: [],
    quotes: [],
    topics: [],
    body: lines.slice(1).join('\n\n'),
    messages: [],
  };
}
