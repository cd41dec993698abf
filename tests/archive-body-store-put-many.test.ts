import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BodyStore } from '../src/archive/body-store.js';

describe('BodyStore.putMany', () => {
  it('stores bodies as put one by one would: each read back whole, with its UTF-8 length and sha256', () => {
    const store = BodyStore.open();
    try {
      const first = ['', 'Plain text.', '“Curly quotes” — and a dash', 'lone \ud800 surrogate', 'x'.repeat(70_000)];
      const second = ['Ünïcödé 中文 🙂\nsecond line', ''];
      const refs = [...store.putMany(first), store.put('between'), ...store.putMany(second), ...store.putMany([])];
      const bodies = [...first, 'between', ...second];
      expect(refs).toHaveLength(bodies.length);
      bodies.forEach((body, i) => {
        const ref = refs[i]!;
        const bytes = Buffer.from(body, 'utf8');
        expect(store.read(ref)).toBe(bytes.toString('utf8'));
        expect(ref.bytes).toBe(bytes.length);
        expect(ref.length).toBe(body.length);
        expect(ref.digest).toBe(createHash('sha256').update(bytes).digest('hex'));
      });
      // One after another in the file.
      for (let i = 1; i < refs.length; i++) expect(refs[i]!.offset).toBe(refs[i - 1]!.offset + refs[i - 1]!.bytes);
    } finally {
      store.close();
    }
  });
});
