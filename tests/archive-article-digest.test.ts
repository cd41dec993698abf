import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { articleDigest, articleSource, noteArticleSource, recordCodeDigest } from '../src/archive/article-digest.js';
import { assembleArchive, type ArchiveInput } from '../src/archive/assemble.js';
import { BodyStore, bodyDigest, storeBody } from '../src/archive/body-store.js';
import type { ArticleRecord } from '../src/archive/types.js';
import type { ExtractedArticle } from '../src/extract/types.js';

const record = (changes: Partial<ArticleRecord> = {}): ArticleRecord => ({
  id: 'a',
  url: '/articles/a/',
  file: 'a.txt',
  title: 'A title',
  date: '2024-05-01',
  source: 'The Paper',
  byline: null,
  dateline: null,
  speakers: [{ name: 'Ann Lee', id: 'ann-lee', role: 'mayor' }],
  quotes: [{ id: 'q1', text: 'We will.', speaker: 'Ann Lee', speakerId: 'ann-lee', cue: 'said' }],
  topics: [{ label: 'Housing', id: 'housing' }],
  body: 'The body.\n\nA second paragraph.',
  messages: [],
  ...changes,
});

describe('bodyDigest', () => {
  it('is the sha256 of the body, whether it is held or stored', () => {
    const store = BodyStore.open();
    try {
      const held = record();
      const stored = storeBody(record({ body: '' }), store, store.put(held.body));
      expect(bodyDigest(held)).toBe(createHash('sha256').update(held.body).digest('hex'));
      expect(bodyDigest(stored)).toBe(bodyDigest(held));
    } finally {
      store.close();
    }
  });

  it('does not read a stored body back', () => {
    const store = BodyStore.open();
    try {
      const stored = storeBody(record({ body: '' }), store, store.put('Kept on disk.'));
      const read = vi.spyOn(store, 'read');
      bodyDigest(stored);
      articleDigest(stored);
      expect(read).not.toHaveBeenCalled();
    } finally {
      store.close();
    }
  });
});

describe('articleDigest', () => {
  it('is the same for a stored body and the same body held', () => {
    const store = BodyStore.open();
    try {
      const held = record();
      const stored = storeBody(record({ body: '' }), store, store.put(held.body));
      expect(articleDigest(stored)).toBe(articleDigest(held));
    } finally {
      store.close();
    }
  });

  it('changes with any field, the body included', () => {
    const base = articleDigest(record());
    const changed: Array<Partial<ArticleRecord>> = [
      { body: 'The body.\n\nA second paragraph!' },
      { title: 'Another title' },
      { url: '/news/articles/a/' },
      { date: null },
      { speakers: [{ name: 'Ann Lee', id: 'ann-lee', role: 'governor' }] },
      { quotes: [{ id: 'q1', text: 'We will not.', speaker: 'Ann Lee', speakerId: 'ann-lee', cue: 'said' }] },
      { topics: [] },
      { messages: [{ severity: 'info', ruleId: 'x', reason: 'y', line: 1 }] },
    ];
    const digests = changed.map((c) => articleDigest(record(c)));
    for (const d of digests) expect(d).not.toBe(base);
    expect(new Set(digests).size).toBe(digests.length);
  });

  it('is the digest it has always been: each field by name, then its JSON (the body by its digest), NUL after each', () => {
    // Pages, feeds and records.json of an earlier build stay reusable only while this does not change.
    const held = record();
    const hash = createHash('sha256');
    for (const [key, value] of Object.entries(held)) {
      hash.update(key).update('\0').update(key === 'body' ? createHash('sha256').update(held.body).digest('hex') : JSON.stringify(value)).update('\0');
    }
    expect(articleDigest(held)).toBe(hash.digest('hex').slice(0, 32));
  });
});

describe('articleDigest of a record whose source is known (every record of a build)', () => {
  const extracted = (changes: Partial<ExtractedArticle> = {}): ExtractedArticle => ({
    title: 'A title',
    titleFromLead: false,
    date: '2024-05-01',
    source: 'The Paper',
    byline: 'By Kim Park',
    dateline: 'LYON',
    people: [{ name: 'Ann Lee', role: 'mayor', aliases: ['Lee'] }],
    speakers: ['Ann Lee'],
    quotes: [
      { text: 'We will.', speaker: 'Lee', cue: 'said', line: 3 },
      { text: 'Nobody knows.', speaker: null, cue: null, line: 4 },
    ],
    topics: ['Housing'],
    body: 'The body.\n\nA second paragraph.',
    messages: [{ severity: 'warning', ruleId: 'quotes:x', reason: 'y', line: 2 }],
    ...changes,
  });
  const source = articleSource('key-1', {}, 0);
  /** The record of `a.txt` in an archive of `inputs` (b.txt by default, quoting a spelling of Ann Lee of its own). */
  const recordOf = (input: Partial<ArchiveInput> = {}, others: ArchiveInput[] = [{ file: 'b.txt', article: extracted({ title: 'B', quotes: [] }), source: articleSource('key-2', {}, 0) }]): ArticleRecord =>
    assembleArchive([{ file: 'a.txt', article: extracted(), source, ...input }, ...others], { basePath: '/' }).articles.find((a) => a.file === (input.file ?? 'a.txt'))!;

  it('is the same for the same source and the same archive, and differs from the whole record digest', () => {
    const record = recordOf();
    expect(articleDigest(recordOf())).toBe(articleDigest(record));
    expect(articleDigest(record)).not.toBe(articleDigest({ ...record }));
  });

  it('changes with the source: the text (its cache key), the front matter, the line the text starts at', () => {
    const base = articleDigest(recordOf());
    const digests = [
      articleDigest(recordOf({ source: articleSource('key-3', {}, 0) })),
      articleDigest(recordOf({ source: articleSource('key-1', { title: 'A title' }, 0) })),
      articleDigest(recordOf({ source: articleSource('key-1', {}, 4) })),
    ];
    for (const d of digests) expect(d).not.toBe(base);
    expect(new Set(digests).size).toBe(digests.length);
  });

  it('changes with whatever the archive joins across articles: id, url, file, speakers, topics, quote ids and speakers', () => {
    const record = recordOf();
    const base = articleDigest(record);
    // Each a record as the archive could make it from the same source, with other articles beside it.
    const changed: Array<Partial<ArticleRecord>> = [
      { id: 'a-title-2' },
      { url: '/news/articles/a-title/' },
      { file: 'c.txt' },
      { speakers: [{ name: 'Ann Lee', id: 'ann-lee', role: 'governor' }] },
      { speakers: [{ name: 'Anne Lee', id: 'ann-lee', role: 'mayor' }] },
      { speakers: [{ name: 'Ann Lee', id: 'ann-lee-2', role: 'mayor' }] },
      { topics: [{ label: 'housing', id: 'housing' }] },
      { topics: [{ label: 'Housing', id: 'housing-2' }] },
      { quotes: record.quotes.map((q, i) => (i === 0 ? { ...q, id: 'q-other-1' } : q)) },
      { quotes: record.quotes.map((q, i) => (i === 0 ? { ...q, speaker: 'Anne Lee' } : q)) },
      { quotes: record.quotes.map((q, i) => (i === 0 ? { ...q, speakerId: 'ann-lee-2' } : q)) },
      { quotes: record.quotes.map((q, i) => (i === 1 ? { ...q, speaker: 'Ann Lee', speakerId: 'ann-lee' } : q)) },
      // Fields that hold what separates them in the digested text, or look like a null one.
      { quotes: record.quotes.map((q, i) => (i === 0 ? { ...q, speaker: `${q.speaker}\u0001${q.speakerId}`, speakerId: '' } : q)) },
      { quotes: record.quotes.map((q, i) => (i === 0 ? { ...q, speaker: `${q.speaker}\n${q.id}` } : q)) },
      { quotes: record.quotes.map((q, i) => (i === 1 ? { ...q, speaker: '\u0002null' } : q)) },
      { quotes: record.quotes.map((q, i) => (i === 1 ? { ...q, speaker: 'null' } : q)) },
    ];
    const digests = changed.map((c) => {
      const copy: ArticleRecord = { ...record, ...c };
      noteArticleSource(copy, source);
      return articleDigest(copy);
    });
    for (const d of digests) expect(d).not.toBe(base);
    expect(new Set(digests).size).toBe(digests.length);
    // As the archive makes them: a role another article gives the speaker, when this one gives none.
    const roleless = { article: extracted({ people: [{ name: 'Ann Lee', role: null, aliases: ['Lee'] }] }) };
    const alone = recordOf(roleless);
    const withOther = recordOf(roleless, [{ file: 'b.txt', article: extracted({ title: 'B', people: [{ name: 'Ann Lee', role: 'governor', aliases: [] }], quotes: [] }), source: articleSource('key-2', {}, 0) }]);
    expect(withOther.speakers).not.toEqual(alone.speakers);
    expect(articleDigest(withOther)).not.toBe(articleDigest(alone));
  });

  it('takes the other fields from the source: the archive copies them from the extracted article as they are', () => {
    // What the source stands for (the cache key: the text and the extractor; the front matter and line offset, applied
    // before assembling) must be all these fields hold: assembling copies them unchanged.
    const article = extracted();
    const record = recordOf({ article });
    const fromSource = { title: article.title, date: article.date, source: article.source, byline: article.byline, dateline: article.dateline, body: article.body, messages: article.messages };
    expect({ title: record.title, date: record.date, source: record.source, byline: record.byline, dateline: record.dateline, body: record.body, messages: record.messages }).toEqual(fromSource);
    expect(record.quotes.map((q) => [q.text, q.cue])).toEqual(article.quotes.map((q) => [q.text, q.cue]));
    // Every field of a record is either joined (hashed) or one of these.
    const joined = ['id', 'url', 'file', 'speakers', 'topics', 'quotes'];
    expect(Object.keys(record).sort()).toEqual([...joined, ...Object.keys(fromSource)].sort());
    expect(Object.keys(record.quotes[0]!).sort()).toEqual(['cue', 'id', 'speaker', 'speakerId', 'text']);
  });

  it('does not read the body, held or stored, nor need its digest', () => {
    const store = BodyStore.open();
    try {
      const record = recordOf();
      const stored = storeBody(record, store, store.putMany([record.body], false)[0]!);
      const read = vi.spyOn(store, 'read');
      const digest = vi.spyOn(store, 'digest');
      articleDigest(stored);
      expect(read).not.toHaveBeenCalled();
      expect(digest).not.toHaveBeenCalled();
    } finally {
      store.close();
    }
  });

  it('changes with the code that makes records (recordCodeDigest: the archive folder and the modules named)', () => {
    expect(recordCodeDigest()).toMatch(/^[0-9a-f]{64}$/);
    expect(recordCodeDigest()).toBe(recordCodeDigest());
  });
});
