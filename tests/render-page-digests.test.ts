import { describe, expect, it } from 'vitest';
import { ownFields } from '../src/render/page-digests.js';

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
