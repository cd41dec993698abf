import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { BodyStore, bodyDigest, storeBody, utf16Length } from '../src/archive/body-store.js';

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

describe('BodyStore.putMany with bodies given as bytes', () => {
  it('stores them as it stores their texts: same bytes, length in UTF-16 units and sha256', () => {
    const bodies = ['', 'Plain text.', '“Curly quotes” — and a dash', 'Ünïcödé 中文 🙂\n𝔘 second line', 'x'.repeat(70_000)];
    const asText = BodyStore.open();
    const asBytes = BodyStore.open();
    try {
      const textRefs = asText.putMany(bodies);
      // Mixed, in two calls.
      const byteRefs = [
        ...asBytes.putMany(bodies.slice(0, 3).map((body, i) => (i % 2 === 0 ? Buffer.from(body, 'utf8') : body))),
        ...asBytes.putMany(bodies.slice(3).map((body) => new Uint8Array(Buffer.from(body, 'utf8')))),
      ];
      expect(byteRefs).toEqual(textRefs);
      byteRefs.forEach((ref, i) => expect(asBytes.read(ref)).toBe(bodies[i]));
    } finally {
      asText.close();
      asBytes.close();
    }
  });

  it('utf16Length counts the text units of UTF-8 bytes', () => {
    for (const text of ['', 'ascii', 'é', '中文', '🙂', 'a🙂b𝔘é中', '\u0000\u007f\u0080\u07ff\u0800\uffff']) {
      expect(utf16Length(Buffer.from(text, 'utf8'))).toBe(text.length);
    }
  });

  it('utf16Length counts four bytes at a time as a byte loop does, at every alignment and length', () => {
    // Characters of one to four bytes, mixed with runs of ASCII, cut anywhere: each lane of a word meets every kind.
    const pieces = ['a', 'bc ', 'é', '—', '“', '中', '🙂', '𝔘', '\u0080', '\u07ff', '\u0800', '\uffff', 'plain words here '];
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const slab = Buffer.alloc(4096);
    for (let round = 0; round < 300; round++) {
      let text = '';
      const parts = Math.floor(next() * 40);
      for (let k = 0; k < parts; k++) text += pieces[Math.floor(next() * pieces.length)]!;
      const encoded = Buffer.from(text, 'utf8');
      // At each of the four offsets in a shared buffer (as bodies lie in the cache's slabs).
      for (let offset = 0; offset < 4; offset++) {
        encoded.copy(slab, offset);
        expect(utf16Length(slab.subarray(offset, offset + encoded.length))).toBe(text.length);
        expect(utf16Length(new Uint8Array(slab.buffer, slab.byteOffset + offset, encoded.length))).toBe(text.length);
      }
    }
  });
});

describe('BodyStore.putMany without digests', () => {
  it('stores the bodies unhashed; their digest is read back and hashed when asked, once', () => {
    const store = BodyStore.open();
    try {
      const bodies = ['Plain text.', '“Curly quotes” — and a dash', ''];
      const refs = store.putMany(bodies, false);
      expect(refs.map((r) => r.digest)).toEqual([null, null, null]);
      const holders = refs.map((ref) => storeBody({ body: '' }, store, ref));
      holders.forEach((holder, i) => expect(bodyDigest(holder)).toBe(createHash('sha256').update(bodies[i]!, 'utf8').digest('hex')));
      expect(refs[1]!.digest).toBe(createHash('sha256').update(bodies[1]!, 'utf8').digest('hex'));
      const read = vi.spyOn(store, 'digest');
      expect(bodyDigest(holders[1]!)).toBe(refs[1]!.digest);
      expect(read).toHaveBeenCalledTimes(1);
      expect(store.read(refs[1]!)).toBe(bodies[1]);
    } finally {
      store.close();
    }
  });
});
