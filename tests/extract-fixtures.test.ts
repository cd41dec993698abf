/**
 * Extractor fixtures: `tests/fixtures/extract/<case>/input.txt` and the part of the record the case is
 * about in `expected.json` (any of date, source, title, body, quotes, speakers, roles, topics_include).
 * One loop runs them all. After a deliberate change, `UPDATE=1 npx vitest run tests/extract-fixtures.test.ts`
 * rewrites each expectation with what the extractor now finds, for the same fields — then read the diff.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../src/extract/index.js';
import type { ExtractedArticle } from '../src/extract/types.js';

const ROOT = join(import.meta.dirname, 'fixtures', 'extract');
const UPDATE = process.env['UPDATE'] === '1';

interface ExpectedQuote {
  text: string;
  speaker: string | null;
  cue?: string | null;
}

interface Expected {
  date?: string | null;
  source?: string | null;
  title?: string;
  body?: string;
  quotes?: ExpectedQuote[];
  speakers?: string[];
  roles?: Record<string, string>;
  topics_include?: string[];
}

/** What the extractor found, in the shape of the fields `expected` names. */
function actualFor(expected: Expected, article: ExtractedArticle): Expected {
  const actual: Expected = {};
  if ('date' in expected) actual.date = article.date;
  if ('source' in expected) actual.source = article.source;
  if ('title' in expected) actual.title = article.title;
  if ('body' in expected) actual.body = article.body;
  if (expected.quotes) {
    actual.quotes = article.quotes.map((q, i) => {
      const wanted = expected.quotes?.[i];
      return wanted && !('cue' in wanted) ? { text: q.text, speaker: q.speaker } : { text: q.text, speaker: q.speaker, cue: q.cue };
    });
  }
  if (expected.speakers) actual.speakers = article.speakers;
  if (expected.roles) {
    actual.roles = Object.fromEntries(
      Object.keys(expected.roles).map((name) => [name, article.people.find((p) => p.name === name)?.role ?? '(no role)']),
    );
  }
  if (expected.topics_include) actual.topics_include = expected.topics_include.filter((t) => article.topics.includes(t));
  return actual;
}

const cases = readdirSync(ROOT, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

describe('extractor fixtures', () => {
  it('has many small cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  for (const name of cases) {
    it(name, () => {
      const text = readFileSync(join(ROOT, name, 'input.txt'), 'utf8');
      const expectedPath = join(ROOT, name, 'expected.json');
      const expected = JSON.parse(readFileSync(expectedPath, 'utf8')) as Expected;
      const actual = actualFor(expected, extractArticle(text));
      if (UPDATE) {
        const updated = { ...actual, ...(expected.topics_include ? { topics_include: expected.topics_include } : {}) };
        writeFileSync(expectedPath, `${JSON.stringify(updated, null, 2)}\n`);
        return;
      }
      expect(actual).toEqual(expected);
    });
  }
});
