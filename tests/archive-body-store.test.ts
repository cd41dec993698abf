import { describe, expect, it } from 'vitest';
import { BodyStore, storeBody } from '../src/archive/body-store.js';

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
});
