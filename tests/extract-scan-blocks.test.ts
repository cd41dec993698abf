import fc from 'fast-check';
import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { splitBlocks } from '../src/extract/plugins/split-blocks.js';
import { scanBlocks } from '../src/extract/text/scan-blocks.js';
import { referenceTexts as allReferenceTexts } from './reference-texts.js';

const remark = unified().use(remarkParse);

/** What the extractor reads of a tree: each top-level node's type, place and depth, and the root's place. */
function outline(tree: Root): unknown {
  return {
    position: tree.position,
    children: tree.children.map((node) => ({ type: node.type, position: node.position, depth: node.type === 'heading' ? node.depth : undefined })),
  };
}

/** Whenever the scanner gives a tree, it is remark-parse's as far as the extractor reads it. Returns whether it gave one. */
function agrees(text: string): boolean {
  const scanned = scanBlocks(text);
  if (!scanned) return false;
  const parsed = remark.parse(text);
  expect(outline(scanned)).toEqual(outline(parsed));
  expect(splitBlocks(scanned, text)).toEqual(splitBlocks(parsed, text));
  return true;
}

/** The reference texts, line endings as the extractor reads them. */
function referenceTexts(): { name: string; text: string }[] {
  return allReferenceTexts().map(({ name, text }) => ({ name, text: text.replace(/\r\n?/g, '\n') }));
}

describe('scanBlocks reads the blocks remark-parse reads', () => {
  it('on every reference text it reads (and it reads most of them)', () => {
    const texts = referenceTexts();
    let scanned = 0;
    for (const { text } of texts) if (agrees(text)) scanned++;
    expect(texts.length).toBeGreaterThan(100);
    expect(scanned).toBeGreaterThan(texts.length / 2);
  });

  it('on lines of paragraphs, headings and blank lines', () => {
    expect(agrees('Headline\n\n# Section #  \n  Lead  \nmore\n\n\n   x\n    y\n#tag\n####### seven\n#\n# \nend ')).toBe(true);
    expect(agrees('')).toBe(true);
    expect(agrees('\n\n')).toBe(true);
    expect(agrees('a\u00a0\n\u00a0\n\nb')).toBe(true);
    expect(agrees('**Bold** opens\n-5 percent\n--x\n=x\n_x_\n10 people\n2025 began')).toBe(true);
  });

  it('gives up on every line that may open another block', () => {
    for (const line of ['- item', '* item', '+ item', '-', '1. one', '12) x', '3.', '> quote', '```', '~~~', '<div>', '[a]: /b', '***', '___', '---', '===', '= =', '    code', '\tx']) {
      expect(scanBlocks(`Para\n\n${line}\n`), line).toBeNull();
    }
    expect(scanBlocks('\ufeffText')).toBeNull();
    expect(scanBlocks('a\r\nb')).toBeNull();
    expect(scanBlocks('a\0b')).toBeNull();
  });

  it('on generated texts of risky characters', () => {
    const pieces = [
      'a', 'Word', ' ', '  ', '   ', '    ', '\n', '\n\n', '#', '# ', '##', '###### ', '####### ', '-', '- ', '--', '---', '+', '+ ', '*', '* ', '**', '_', '__', '=', '==',
      '>', '> ', '<', '<div>', '[', '[a]: /b', ']', '`', '```', '~', '~~~', '1', '1.', '1. ', '2)', '12', '9.', '\t', '\\', '&amp;', '!', '|', ':', '\u00a0', '\u2003', '\f', '\v',
      '“', '”', 'é', '🙂', '\r', '\0', '\ufeff',
    ];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((parts) => parts.join(''));
    let scanned = 0;
    fc.assert(
      fc.property(text, (markdown) => {
        if (agrees(markdown)) scanned++;
      }),
      { numRuns: 20_000, seed: 6 },
    );
    // the property is tested on many trees, not only on the texts the scanner gives up on
    expect(scanned).toBeGreaterThan(2_000);
  });

  it('on generated texts of lines that open with risky characters', () => {
    const openers = ['', ' ', '  ', '   ', '    ', '#', '# ', '## ', '#######', '-', '- ', '--', '*', '**', '_', '=', '1', '1. ', '10)', '>', '<', '[', '`', '~', '\u00a0', '\\', '&'];
    const rests = ['', 'text', ' text', '#', ' #', '  ', '-', '=', '*', 'x y', '“quote”'];
    const line = fc.tuple(fc.constantFrom(...openers), fc.constantFrom(...rests)).map(([a, b]) => a + b);
    const text = fc.array(line, { maxLength: 12 }).map((lines) => lines.join('\n'));
    let scanned = 0;
    fc.assert(
      fc.property(text, (markdown) => {
        if (agrees(markdown)) scanned++;
      }),
      { numRuns: 20_000, seed: 7 },
    );
    expect(scanned).toBeGreaterThan(2_000);
  });
});
