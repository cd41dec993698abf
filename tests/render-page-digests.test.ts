import { describe, expect, it } from 'vitest';
import { quotesByMonth } from '../src/archive/quotes-index.js';
import { speakerPages } from '../src/archive/speakers-index.js';
import { timeline } from '../src/archive/timeline.js';
import { topicPages } from '../src/archive/topics-index.js';
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

describe('pageDigests of speaker, topic and timeline year pages', () => {
  const record = (id: string, date: string, text: string, changes: Partial<ArticleRecord> = {}): ArticleRecord => ({
    id,
    url: `/articles/${id}/`,
    file: `${id}.txt`,
    title: id,
    date,
    source: null,
    byline: null,
    dateline: null,
    speakers: [{ name: 'Ann Lee', id: 'ann-lee' }],
    quotes: [{ id: `q-${id}-1`, text, speaker: 'Ann Lee', speakerId: 'ann-lee', cue: null }],
    topics: [{ label: 'Housing', id: 'housing' }],
    body: 'Body.',
    messages: [],
    ...changes,
  });
  const digestsOf = (articles: ArticleRecord[]): string[] => {
    const archive: Archive = { articles };
    const digests = pageDigests(archive, 'salt');
    return [
      ...speakerPages(archive, '/').map(digests.speaker),
      ...topicPages(archive, '/').map(digests.topic),
      ...timeline(archive, '/').years.map(digests.timelineYear),
    ];
  };
  const base = (): ArticleRecord[] => [record('b', '2024-07-01', 'We will.'), record('a', '2024-06-01', 'We will not.')];

  it('are the same for the same articles', () => {
    expect(digestsOf(base())).toEqual(digestsOf(base()));
    expect(digestsOf(base())).toHaveLength(3);
  });

  it('change with anything an article they show changes: a quote, its speaker, a topic, a title, a date, the order', () => {
    const [speaker, topic, year] = digestsOf(base());
    const changed: ArticleRecord[][] = [
      [record('b', '2024-07-01', 'We will!'), record('a', '2024-06-01', 'We will not.')],
      [record('b', '2024-07-01', 'We will.', { title: 'B' }), record('a', '2024-06-01', 'We will not.')],
      [record('b', '2024-07-01', 'We will.', { date: '2024-07-02' }), record('a', '2024-06-01', 'We will not.')],
      [record('b', '2024-07-01', 'We will.', { topics: [{ label: 'Housing', id: 'housing' }, { label: 'Rail', id: 'rail' }] }), record('a', '2024-06-01', 'We will not.')],
      [record('b', '2024-07-01', 'We will.', { speakers: [{ name: 'Ann Lee', id: 'ann-lee', role: 'mayor' }] }), record('a', '2024-06-01', 'We will not.')],
      [record('a', '2024-06-01', 'We will not.'), record('b', '2024-07-01', 'We will.')],
    ];
    for (const articles of changed) {
      const [s, t, y] = digestsOf(articles);
      expect(s).not.toBe(speaker);
      expect(t).not.toBe(topic);
      expect(y).not.toBe(year);
    }
    // A quote's speaker: the article quoting someone else is no longer on Ann Lee's page.
    const other = [record('b', '2024-07-01', 'We will.', { quotes: [{ id: 'q-b-1', text: 'We will.', speaker: 'Bo Li', speakerId: 'bo-li', cue: null }] }), record('a', '2024-06-01', 'We will not.')];
    expect(digestsOf(other)[0]).not.toBe(speaker);
  });
});
