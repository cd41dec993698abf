import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../src/cache/digest.js';

describe('sha256Hex', () => {
  it('is the sha256 of a string’s UTF-8 bytes, or of a buffer, in hex', () => {
    for (const text of ['', 'plain', 'Erdoğan “quoted”\u0000 ✓', 'x'.repeat(100_000), '\ud800 lone']) {
      expect(sha256Hex(text)).toBe(createHash('sha256').update(text).digest('hex'));
      const bytes = Buffer.from(text, 'utf8');
      expect(sha256Hex(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
  });
});
