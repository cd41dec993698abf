import type { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { generateArticle, makePools } from '../bench/generate.js';
import type { Block } from '../src/extract/blocks.js';
import '../src/extract/data.js';
import { beforePeople, emptyArticle } from '../src/extract/extract-article.js';
import { findPeople } from '../src/extract/plugins/find-people.js';
import { findQuotes, lastQuotable } from '../src/extract/plugins/find-quotes.js';
import { findQuoteSpans } from '../src/extract/text/quote-spans.js';
import { VFile as File } from 'vfile';
import { referenceTexts as allReferenceTexts } from './reference-texts.js';

/**
 * findQuotes stops after the last block that may give a quotation (`lastQuotable`): what it finds, and the
 * roles it gives blocks, are those of reading every block.
 */

function referenceTexts(): string[] {
  return allReferenceTexts().map(({ text }) => text);
}

/** The blocks as find-quotes gets them: the plugins before it, run as the extractor runs them. */
const before = beforePeople;

function blocksOf(text: string): Block[] {
  const file: VFile = new File({ value: text.replace(/\r\n?/g, '\n') });
  file.data.article = emptyArticle();
  before.runSync(before.parse(file), file);
  return file.data.blocks ?? [];
}

/** The quotations and the blocks' roles after findQuotes, on a fresh copy of the blocks and a fresh registry. */
function quotesOf(blocks: Block[], readAll: boolean): string {
  const copy = structuredClone(blocks);
  const quotes = findQuotes(copy, findPeople(copy), readAll);
  return JSON.stringify({ quotes, roles: copy.map((b) => b.role) });
}

describe('findQuotes past the last quotable block', () => {
  it('finds what reading every block finds, on every reference text and on generated articles', () => {
    const pools = makePools(7);
    const texts = [...referenceTexts(), ...Array.from({ length: 300 }, (_, i) => generateArticle(pools, 7, i).text)];
    let differ = 0;
    let cut = 0;
    for (const text of texts) {
      const blocks = blocksOf(text);
      const spansOf = blocks.map((b) => findQuoteSpans(b.text));
      if (lastQuotable(blocks, spansOf) < blocks.length - 1) cut++;
      if (quotesOf(blocks, false) !== quotesOf(blocks, true)) differ++;
    }
    expect(differ).toBe(0);
    // the cut is made in most texts (else this compares little)
    expect(cut).toBeGreaterThan(texts.length / 2);
  });

  it('a pull-quote with its attribution line last is read', () => {
    const blocks = blocksOf('Title of the story here\n\nPeskov said the talks went on for hours in Ankara.\n\nWe will not accept this decision under any circumstances at all\n\nKremlin spokesman Dmitry Peskov\n');
    const spansOf = blocks.map((b) => findQuoteSpans(b.text));
    expect(lastQuotable(blocks, spansOf)).toBe(2);
    expect(JSON.parse(quotesOf(blocks, false)).quotes).toEqual([expect.objectContaining({ speaker: 'Peskov', cue: 'attribution line' })]);
  });
});
