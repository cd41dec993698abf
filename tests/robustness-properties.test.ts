import fc from 'fast-check';
import { Worker } from 'node:worker_threads';
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

/** Long inputs shaped to catch quadratic rules: unbalanced quotation marks, endless lines, a wall of sentences. */
const LONG_TEXTS: Record<string, string> = {
  'straight quotes only': '"'.repeat(50_000),
  'unbalanced curly quotes': '“a'.repeat(20_000),
  'one line of words': 'word '.repeat(20_000),
  'a very long quote': `"${'x, '.repeat(10_000)}," he said.`,
  'empty lines': '\n'.repeat(50_000),
  'many short sentences': 'A. '.repeat(20_000),
};
const LONG_BOUND_MS = 10_000;

/**
 * Runs the compiled extractor (`npm test` compiles first) in a worker thread, so that a run-away extraction is
 * stopped at the bound instead of blocking the test run.
 */
function extractInWorker(text: string, boundMs: number): Promise<{ ms: number; quotes: string[] }> {
  const module = new URL('../dist/src/extract/index.js', import.meta.url).href;
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    import(workerData.module).then((m) => {
      const started = performance.now();
      const article = m.extractArticle(workerData.text);
      parentPort.postMessage({ ms: performance.now() - started, quotes: article.quotes.map((q) => q.text) });
    });`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true, workerData: { module, text } });
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve({ ms: Infinity, quotes: [] });
    }, boundMs);
    worker.once('message', (result: { ms: number; quotes: string[] }) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(result);
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

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

  it.each(Object.entries(LONG_TEXTS))('stays bounded on a long, repetitive text: %s', async (_name, text) => {
    const result = await extractInWorker(text, LONG_BOUND_MS);
    expect(result.ms, `extraction took longer than ${LONG_BOUND_MS} ms`).toBeLessThan(LONG_BOUND_MS);
    for (const quote of result.quotes) expect(text).toContain(quote);
  }, 30_000);
});
