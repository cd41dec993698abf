import { describe, expect, it } from 'vitest';
import { quotesByMonth } from '../src/archive/quotes-index.js';
import type { Archive, ArticleRecord } from '../src/archive/types.js';
import { ownFields, pageDigests } from '../src/render/page-digests.js';

describe('ownFields', () => {
  it('is the JSON of the entries that are not objects or arrays, in key order', () => {
    const values: object[] = [
      {},
      { id: 'quote-1', text: 'He said “no”.\n', speaker: null, speakerId: 'x', sources: [{ a: 1 }] },
      { year: '2024', month: null, label: 'July 2024', count: 3, quotes: [], nested: { a: 1 } },
      { a: undefined, b: () => 1, c: true, d: 0, e: -1.5, f: Number.NaN, g: '\u0000\ud800' },
      { only: [1, 2] },
    ];
    for (const value of values) expect(ownFields(value)).toBe(JSON.stringify(Object.entries(value).filter(([, v]) => v === null || typeof v !== 'object')));
  });
});

describe('pageDigests.quoteMonth', () => {
  const record = (id: string, text: string, speaker: string | null): ArticleRecord => ({
    id,
    url: `/articles/${id}/`,
    file: `${id}.txt`,
    title: id,
    date: '2024-05-01',
    source: null,
    byline: null,
    dateline: null,
    speakers: [],
    quotes: [{ id: `q-${id}-1`, text, speaker, speakerId: speaker === null ? null : speaker.toLowerCase(), cue: null }],
    topics: [],
    body: 'Body.',
    messages: [],
  });
  const digestOf = (articles: ArticleRecord[]): string => {
    const archive: Archive = { articles };
    const [month] = quotesByMonth(archive, '/');
    return pageDigests(archive, 'salt').quoteMonth(month!);
  };

  it('changes with what a quote group shows: its text, its speaker, its sources', () => {
    const base = digestOf([record('a', 'We will.', 'Ann'), record('b', 'We will', 'Ann')]);
    expect(digestOf([record('a', 'We will.', 'Ann'), record('b', 'We will', 'Ann')])).toBe(base);
    const changed = [
      [record('a', 'We will!', 'Ann'), record('b', 'We will', 'Ann')],
      [record('a', 'We will.', 'Bo'), record('b', 'We will', 'Ann')],
      [record('a', 'We will.', null), record('b', 'We will', 'Ann')],
      [record('b', 'We will', 'Ann'), record('a', 'We will.', 'Ann')],
      [record('a', 'We will.', 'Ann')],
    ].map(digestOf);
    for (const d of changed) expect(d).not.toBe(base);
  });
});
