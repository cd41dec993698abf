import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { READ_AHEAD, SegmentReader } from '../src/cache/segment.js';
import { SegmentWriter } from '../src/cache/segment-writer.js';

describe('SegmentReader.readRaw', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'news-archive-segment-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('gives each entry’s bytes whatever the order entries are asked in (in file order, reversed, shuffled, again)', () => {
    // Small entries, a few larger than the read-ahead, non-ASCII text.
    const texts = Array.from({ length: 400 }, (_, i) =>
      JSON.stringify({ i, text: i % 97 === 5 ? 'y'.repeat(READ_AHEAD + 10 * i) : `“entry” ${i} ${'x'.repeat((i * 37) % 3000)}` }),
    );
    const writer = new SegmentWriter(dir, 'v');
    texts.forEach((text, i) => writer.add(`d${i}`, text));
    const path = writer.finish()!;
    let seed = 7;
    const shuffled = texts.map((_, i) => i).sort(() => ((seed = (seed * 16807) % 2147483647) % 3) - 1);
    const orders = [texts.map((_, i) => i), texts.map((_, i) => texts.length - 1 - i), shuffled, [0, 1, 2, 1, 0, 3, 3, 200, 201, 5, 6, 7, 8, 399]];
    for (const order of orders) {
      const opened = SegmentReader.open(path, 'v');
      if (opened.kind !== 'ok') throw new Error(opened.kind);
      try {
        for (const i of order) expect(opened.segment.readRaw(`d${i}`)?.toString('utf8')).toBe(texts[i]);
        expect(opened.segment.readRaw('missing')).toBeNull();
      } finally {
        opened.segment.close();
      }
    }
  });
});
