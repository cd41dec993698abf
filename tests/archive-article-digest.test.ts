import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { articleDigest } from '../src/archive/article-digest.js';
import { BodyStore, bodyDigest, storeBody } from '../src/archive/body-store.js';
import type { ArticleRecord } from '../src/archive/types.js';

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
