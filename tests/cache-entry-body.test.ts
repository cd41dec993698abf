import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DigestCache } from '../src/cache/digest-cache.js';
import { splitEntryBody } from '../src/cache/entry-body.js';
import { isExtractedArticle, readCachedArticle } from '../src/cache/extract-cache.js';
import type { ExtractedArticle } from '../src/extract/types.js';

function article(body: string, title = 'A "quoted" title \\ with a backslash'): ExtractedArticle {
  return {
    title,
    titleFromLead: false,
    date: '2009-02-07',
    source: null,
    byline: null,
    dateline: null,
    people: [{ name: 'Leila Jovanović', role: 'professor of law', aliases: [] }],
    speakers: ['Leila Jovanović'],
    quotes: [{ text: 'We said "no", body and all', speaker: 'Leila Jovanović', cue: 'said', line: 3 }],
    topics: ['Energy'],
    body,
    messages: [{ severity: 'warning', ruleId: 'date:guess', reason: 'a "body" of doubt', line: null }],
  };
}

/** Bodies whose bytes a split must give exactly: escapes of every kind `JSON.stringify` writes with one letter, UTF-8 of every width. */
const SPLIT_BODIES = [
  '',
  'Plain text.',
  'Two paragraphs.\n\nThe second one.',
  'He said "we will", and \\ then \\\\ "',
  'tab\tcarriage\rreturn\bback\fform feed',
  '“Curly quotes” — Ünïcödé 中文 🙂 and 𝔘',
  '"',
  '\\',
  `${'long paragraph, '.repeat(2000)}\n"end"`,
  ',"body":"not a key',
];

describe('splitEntryBody', () => {
  it('gives the body as the UTF-8 bytes of its text and the rest of the entry with an empty body', () => {
    for (const body of SPLIT_BODIES) {
      const value = article(body);
      const split = splitEntryBody(Buffer.from(JSON.stringify(value), 'utf8'));
      expect(split, JSON.stringify(body)).not.toBeNull();
      expect(split!.body.equals(Buffer.from(body, 'utf8'))).toBe(true);
      expect(JSON.parse(split!.json)).toEqual({ ...value, body: '' });
    }
  });

  it('leaves to JSON.parse a body with a \\u escape (control character, lone surrogate) or bytes that are not UTF-8', () => {
    expect(splitEntryBody(Buffer.from(JSON.stringify(article('bell \u0007 here')), 'utf8'))).toBeNull();
    expect(splitEntryBody(Buffer.from(JSON.stringify(article('lone \ud800 surrogate')), 'utf8'))).toBeNull();
    const bad = Buffer.from(JSON.stringify(article('xAx')), 'utf8');
    bad[bad.indexOf('xAx') + 1] = 0xff;
    expect(splitEntryBody(bad)).toBeNull();
    expect(splitEntryBody(Buffer.from('{"title":"no body"}', 'utf8'))).toBeNull();
    expect(splitEntryBody(Buffer.from('{"title":"x","body":"never closed', 'utf8'))).toBeNull();
  });

  it('keeps each body it gave while later ones are split (bodies share buffers)', () => {
    const bodies = Array.from({ length: 600 }, (_, i) => `body ${i} ${'é'.repeat(i * 7)}\n"${i}"`);
    const splits = bodies.map((body) => splitEntryBody(Buffer.from(JSON.stringify(article(body)), 'utf8'))!);
    splits.forEach((split, i) => expect(split.body.toString('utf8')).toBe(bodies[i]));
  });
});

describe('readCachedArticle', () => {
  it('reads what JSON.parse reads: the body as bytes when the entry splits, as text when it does not', () => {
    for (const body of [...SPLIT_BODIES, 'bell \u0007 here', 'lone \ud800 surrogate']) {
      const value = article(body);
      const read = readCachedArticle(Buffer.from(JSON.stringify(value), 'utf8'));
      const parsed = JSON.parse(JSON.stringify(value)) as ExtractedArticle;
      if (read.bytes === null) {
        expect(read.value).toEqual(parsed);
        expect(body).toMatch(/[\u0000-\u001f]|[\ud800-\udfff]/);
      } else {
        expect(read.value).toEqual({ ...parsed, body: '' });
        expect(read.bytes.toString('utf8')).toBe(parsed.body);
      }
    }
  });

  it('parses the whole entry when the first body key found is not the top-level one', () => {
    const entry = '{"title":"t","extra":{"n":1,"body":"inner"},"body":"outer \\"text\\"","messages":[]}';
    const read = readCachedArticle(Buffer.from(entry, 'utf8'));
    expect(read.bytes).toBeNull();
    expect(read.value).toEqual(JSON.parse(entry));
  });

  it('serves DigestCache.getAs, which counts its hits and misses and validates what it reads', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cache-entry-body-'));
    try {
      const writer = DigestCache.open({ dir, version: 'v', validate: isExtractedArticle });
      writer.put('a', JSON.stringify(article('Body of "a".\n')));
      writer.put('b', JSON.stringify({ title: 'not an article' }));
      writer.commit(['a', 'b']);
      const cache = DigestCache.open({ dir, version: 'v', validate: isExtractedArticle });
      const hit = cache.getAs('a', readCachedArticle);
      expect(hit?.bytes?.toString('utf8')).toBe('Body of "a".\n');
      expect(cache.getAs('b', readCachedArticle)).toBeNull();
      expect(cache.getAs('c', readCachedArticle)).toBeNull();
      expect(cache.getAs('a', () => null)).toBeNull();
      expect(cache.get('a')).toEqual(article('Body of "a".\n'));
      expect(cache.stats).toMatchObject({ hits: 2, misses: 3 });
      cache.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
