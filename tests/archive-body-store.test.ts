import { setFlagsFromString } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { BodyStore, bodyDigest, bodyLength, storeBody } from '../src/archive/body-store.js';

/** V8's own answer: both objects have fast properties and one shape (a record in dictionary mode costs ~750 bytes more). */
function sameFastShape(a: object, b: object): boolean {
  setFlagsFromString('--allow-natives-syntax');
  return (new Function('a', 'b', 'return %HasFastProperties(a) && %HaveSameMap(a, b);') as (a: object, b: object) => boolean)(a, b);
}

describe('BodyStore', () => {
  it('gives back every body as it was put, in any order', () => {
    const store = BodyStore.open();
    try {
      const bodies = ['', 'Plain text.', '“Curly quotes” — and a dash', 'Ünïcödé 中文 🙂\nsecond line', 'x'.repeat(100_000)];
      const refs = bodies.map((body) => store.put(body));
      for (const i of [3, 0, 4, 1, 2]) expect(store.read(refs[i]!)).toBe(bodies[i]);
    } finally {
      store.close();
    }
  });

  it('cannot be read once closed', () => {
    const store = BodyStore.open();
    const ref = store.put('text');
    store.close();
    expect(() => store.read(ref)).toThrow(/closed/);
  });
});

describe('storeBody', () => {
  it('keeps the key where it was, and JSON, spread and structuredClone see the body', () => {
    const store = BodyStore.open();
    try {
      const record = { title: 'T', body: '', messages: [] as string[] };
      storeBody(record, store, store.put('The body.'));
      expect(Object.keys(record)).toEqual(['title', 'body', 'messages']);
      expect(JSON.stringify(record)).toBe('{"title":"T","body":"The body.","messages":[]}');
      expect({ ...record }.body).toBe('The body.');
      expect(structuredClone(record)).toEqual({ title: 'T', body: 'The body.', messages: [] });
    } finally {
      store.close();
    }
  });

  it('leaves records in one fast shape, each reading its own body', () => {
    const store = BodyStore.open();
    try {
      const make = (title: string): { id: string; title: string; body: string; topics: string[]; messages: string[] } => ({ id: title.toLowerCase(), title, body: '', topics: [title], messages: [] });
      const [a, b, plain] = [make('A'), make('B'), make('C')];
      storeBody(a, store, store.put('Body of A.'));
      storeBody(b, store, store.put('Body of B, longer.'));
      expect(sameFastShape(a, b)).toBe(true);
      expect(sameFastShape(a, plain)).toBe(false);
      expect(Object.keys(a)).toEqual(['id', 'title', 'body', 'topics', 'messages']);
      expect([a.body, b.body]).toEqual(['Body of A.', 'Body of B, longer.']);
      expect(a.topics).toEqual(['A']);
      expect(bodyLength(b)).toBe(18);
      expect(bodyDigest(a)).toBe(bodyDigest({ body: 'Body of A.' }));
    } finally {
      store.close();
    }
  });
});
