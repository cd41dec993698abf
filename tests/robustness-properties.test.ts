import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../src/extract/index.js';

/** Milliseconds one extraction may take on these short texts, on the slow CI machine. */
const TIME_BOUND_MS = 2000;

/** Pieces of news text, so that random texts exercise the quote, name and date rules, not only the fallbacks. */
const fragment = fc.constantFrom(
  '"', '“', '”', "'", '‘', '’', '«', '»', '„', ', he said.', ' said ', ' told reporters', ': ', '\n', '\n\n', '\r\n',
  'Kremlin spokesman Dmitry Peskov', 'Peskov', 'President Vladimir Putin', 'Zelensky', 'Zelenskiy', 'the ministry',
  'By Jane Doe', 'MOSCOW (Reuters) - ', 'Source: TASS', 'July 9, 2024', '2024-07-09', 'Jul 9, 2024 8:07 AM',
  'Skip to content', 'Related posts', 'Photo: AP', '#Ukraine #Peace', '---', '# ', '## ', '* ', '> ', '[link](x)',
  '<script>alert(1)</script>', '…', '—', ' ', 'We will negotiate', 'It is not true', '.', '?', '!',
);
const newsLike = fc.array(fc.oneof(fragment, fc.string({ maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 8 })), { maxLength: 120 }).map((parts) => parts.join(''));
const anyText = fc.oneof(fc.string({ maxLength: 400 }), fc.string({ unit: 'binary', maxLength: 400 }), newsLike);

describe('extractArticle, for any text', () => {
  it('terminates within a bound, never throws, and returns only quotes that are in the text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const started = performance.now();
        const article = extractArticle(text);
        const elapsed = performance.now() - started;
        expect(elapsed).toBeLessThan(TIME_BOUND_MS);
        expect(typeof article.title).toBe('string');
        for (const quote of article.quotes) expect(text).toContain(quote.text);
      }),
      { numRuns: 300, seed: 20260101 },
    );
  }, 120_000);

  it('stays bounded on long and repetitive texts', () => {
    for (const text of ['"'.repeat(50_000), '“a'.repeat(20_000), `${'word '.repeat(20_000)}`, `"${'x, '.repeat(10_000)}," he said.`, '\n'.repeat(50_000), 'A. '.repeat(20_000)]) {
      const started = performance.now();
      const article = extractArticle(text);
      expect(performance.now() - started).toBeLessThan(5 * TIME_BOUND_MS);
      for (const quote of article.quotes) expect(text).toContain(quote.text);
    }
  }, 120_000);
});
