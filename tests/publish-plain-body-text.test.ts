import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../src/extract/extract-article.js';
import { plainBodyText } from '../src/publish/plain-body-text.js';
import { markdownText, parsedMarkdownText } from '../src/publish/search-records.js';

const CORPUS = join(import.meta.dirname, 'corpus');

describe('plainBodyText (fast path of markdownText)', () => {
  it('reads paragraphs, headings and block quotes as the parse does', () => {
    const texts = [
      '',
      'One line.',
      '## A heading\n\nFirst line\n  second line \n\n“Quoted,” he said.   \n\n# Title x\nRight after.  \n>  \n\n\n  ### Sub  \n',
      'First.\n\n> Quoted words.\n\nLast.',
      '> > nested quote\n>three\n\n   >    four spaces after\n',
      '\u00a0lead\n\n\u00a0\n\nmiddle\u00a0\n\f\nend\u00a0\u3000\n\n',
      '2024 was a year.\n\n10 years on\n',
    ];
    for (const text of texts) {
      const fast = plainBodyText(text);
      expect(fast, JSON.stringify(text)).not.toBeNull();
      expect(fast, JSON.stringify(text)).toBe(parsedMarkdownText(text));
    }
  });

  it('declines what it does not follow', () => {
    for (const text of ['*em*', 'a\n---', '- item', '1. item', '+ item', 'a\n===', '    code', 'a  \nb', 'x &amp; y', '# closed #', '#hashtag', '#', '####### seven', '<b>x</b>', 'line\r\nline', 'tab\there', 'a\u2028b', '>     > x']) {
      expect(plainBodyText(text), JSON.stringify(text)).toBeNull();
    }
  });

  it('agrees with the parse on generated bodies whenever it accepts them', () => {
    const pieces = ['word', 'Word', ' ', '  ', '   ', '    ', '\n', '\n\n', '#', '# ', '## ', '###### ', '####### ', '-', '=', '1.', '2)', '12', '+', '>', '> ', '>>', ' > ', '\n> ', '\n\n> ', '|', '“', '”', '"', "'", '.', ',', ':', '(', ')', '%', '$', '@', '/', '?', '0', '\u00a0', '\u3000', '\u2028', '\f', '\v', '\t', 'é', 'Ж'];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((parts) => parts.join(''));
    let accepted = 0;
    fc.assert(
      fc.property(text, (body) => {
        const fast = plainBodyText(body);
        if (fast === null) return;
        accepted += 1;
        expect(fast).toBe(parsedMarkdownText(body));
      }),
      { numRuns: 5000 },
    );
    // Most generated bodies hold a piece it declines; enough are accepted for the comparison to mean something.
    expect(accepted).toBeGreaterThan(400);
  });

  it('agrees with the parse on the reference corpus’s bodies, and takes most of them', () => {
    const files = readdirSync(CORPUS, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.txt')).sort();
    let accepted = 0;
    for (const file of files) {
      const { body } = extractArticle(readFileSync(join(CORPUS, file), 'utf8'));
      const fast = plainBodyText(body);
      if (fast !== null) accepted += 1;
      expect(markdownText(body), file).toBe(parsedMarkdownText(body));
    }
    expect(files.length).toBeGreaterThan(20);
    expect(accepted).toBeGreaterThan(files.length / 2);
  });
});
