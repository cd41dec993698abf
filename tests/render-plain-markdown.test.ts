import fc from 'fast-check';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { parsePlainMarkdown } from '../src/render/plain-markdown.js';

const parser = unified().use(remarkParse);

/** The tree remark-parse gives, without positions. */
function reference(markdown: string): unknown {
  return JSON.parse(JSON.stringify(parser.parse(markdown), (key, value: unknown) => (key === 'position' ? undefined : value)));
}

describe('parsePlainMarkdown (fast path for remark-parse)', () => {
  it('gives remark-parse’s tree for plain paragraphs and headings', () => {
    const text = '## A heading\n\nFirst line\n  second line \n\n“Quoted,” he said.   \n# Title #x\n\n#hashtag line\n\n  ### Sub  \n';
    const fast = parsePlainMarkdown(text);
    if (fast) expect(fast).toEqual(reference(text));
    expect(parsePlainMarkdown('Plain.\n\n## Head\n\nMore.\n')).toEqual(reference('Plain.\n\n## Head\n\nMore.\n'));
  });
  it('gives remark-parse’s tree for block quotes of one plain paragraph', () => {
    for (const text of ['> quote', 'Para.\n\n> It is too early to say.\n\n— A Person\n', '>  two spaces\n>three\n\n', '   > indented marker  \n', 'a > b | c\n\n> x > y\n']) {
      expect(parsePlainMarkdown(text), text).toEqual(reference(text));
    }
  });
  it('declines text with other Markdown', () => {
    for (const text of ['*em*', 'a\n---', '- item', '1. item', '> quote\nlazy', '> > nested', 'a\n> quote', '> - item', '>\n> two', '    code', 'a  \nb', 'x &amp; y', '# closed #', '<b>x</b>', 'line\r\nline']) {
      expect(parsePlainMarkdown(text)).toBeNull();
    }
  });
  it('agrees with remark-parse on generated texts whenever it accepts them', () => {
    const pieces = ['word', 'Word', ' ', '  ', '   ', '\n', '\n\n', '#', '## ', '###### ', '####### ', '-', '=', '1.', '2)', '+', '>', '> ', '\n> ', '\n\n> ', '|', '“', '”', '"', "'", '.', ',', ':', '(', ')', '%', '$', '@', '/', '?', '0', '\u00a0', '\u2028', '\f', '\v', 'é', 'Ж'];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((parts) => parts.join(''));
    let accepted = 0;
    fc.assert(
      fc.property(text, (markdown) => {
        const fast = parsePlainMarkdown(markdown);
        if (fast === null) return;
        accepted += 1;
        expect(fast).toEqual(reference(markdown));
      }),
      { numRuns: 3000 },
    );
    expect(accepted).toBeGreaterThan(300);
  });
});
