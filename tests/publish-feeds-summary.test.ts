import { describe, expect, it } from 'vitest';
import { BodyStore, storeBody } from '../src/archive/body-store.js';
import type { ArticleRecord } from '../src/archive/types.js';
import { articleSummary, summaryOf } from '../src/publish/feeds.js';

/** The summary as it was first written: the body split into paragraphs whole. */
function summaryBefore(markdown: string): string {
  const paragraph =
    markdown
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .find((p) => p !== '' && !p.startsWith('#')) ?? '';
  const text = paragraph
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]+/g, '')
    .replace(/^>\s?/gm, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length <= 300) return text;
  const cut = text.slice(0, 300);
  const space = cut.lastIndexOf(' ');
  return `${(space > 200 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** A small generator of bodies: words (some of several UTF-8 bytes), headings, blank lines of every sort, white space that is not ASCII. */
function bodies(count: number): string[] {
  let seed = 7;
  const next = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const words = ['word', 'naïve', 'café', '“quoted”', 'Zürich', '😀', '[link](http://x)', '**bold**', '日本語', 'a'];
  const gaps = ['\n\n', '\n \n', '\n\t\n\n', '\n\u00a0\n', '\n\u3000\n', '\n', ' ', '\n\n\n  \n'];
  return Array.from({ length: count }, () => {
    let body = next(4) === 0 ? '# Heading\n\n' : next(6) === 0 ? '\n\n' : '';
    const parts = 1 + next(8);
    for (let p = 0; p < parts; p++) {
      if (next(5) === 0) body += `## Sub ${p}`;
      else body += Array.from({ length: 1 + next(p === 0 ? 120 : 40) }, () => words[next(words.length)]).join(next(9) === 0 ? '\u00a0' : ' ');
      body += gaps[next(gaps.length)];
    }
    return body;
  });
}

describe('feed summaries', () => {
  const texts = [...bodies(600), '', '\n\n', '# Only a heading', 'One line', 'x\n\n\n', '  \n\n# H\n\nThe paragraph.\n\nNext.'];

  it('summaryOf gives what splitting the whole body gave', () => {
    for (const text of texts) expect(summaryOf(text)).toBe(summaryBefore(text));
  });

  it('reads only the start of a stored body, and gives the same summary whatever that start is', () => {
    const store = BodyStore.open();
    try {
      let partial = 0;
      for (const [i, text] of texts.entries()) {
        const record = storeBody({ id: `a${i}`, body: '' } as unknown as ArticleRecord, store, store.put(text));
        for (const maxBytes of [1, 7, 40, 97, 300, 1000, 4096]) {
          expect(articleSummary(record, maxBytes)).toBe(summaryBefore(text));
          if (Buffer.byteLength(text) > maxBytes) partial += 1;
        }
        // A body held in memory, too.
        expect(articleSummary({ body: text } as ArticleRecord, 40)).toBe(summaryBefore(text));
      }
      expect(partial).toBeGreaterThan(1000);
    } finally {
      store.close();
    }
  });

  it('cuts a start between characters, never inside one', () => {
    const store = BodyStore.open();
    try {
      const text = '😀é日'.repeat(20);
      const ref = store.put(text);
      for (let maxBytes = 1; maxBytes < 40; maxBytes++) {
        const start = store.readStart(ref, maxBytes);
        expect(start.whole).toBe(false);
        expect(text.startsWith(start.text)).toBe(true);
        expect(Buffer.byteLength(start.text)).toBeLessThanOrEqual(maxBytes);
        expect(Buffer.byteLength(start.text)).toBeGreaterThan(maxBytes - 4);
      }
      expect(store.readStart(ref, Buffer.byteLength(text))).toEqual({ text, whole: true });
    } finally {
      store.close();
    }
  });
});
