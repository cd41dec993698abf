import type { Mention } from './people/find-mentions.js';
import { countWords } from './text/fold.js';

/** A paragraph-sized unit of the article, as found in the text, and what the extractor decided it is. */

export type BlockKind = 'paragraph' | 'heading' | 'list-item' | 'blockquote' | 'code';

export type BlockRole =
  | 'body'
  | 'title'
  | 'boilerplate'
  | 'caption'
  | 'byline'
  | 'stamp'
  | 'dateline'
  | 'hashtags'
  | 'subheading'
  | 'pullquote'
  | 'attribution';

export interface Block {
  /** Position in the article, 0-based. */
  index: number;
  kind: BlockKind;
  /** The text as written (markers of headings and list items removed). */
  text: string;
  /** 1-based line number in the article's text. */
  line: number;
  role: BlockRole;
  /** Its words (`countWords(text)`), counted when first asked for by `blockWords` (undefined before). */
  words?: number | undefined;
  /** Its mentions (`readMentions(text)`), read when first asked for by `blockMentions` (undefined before). */
  mentions?: Mention[] | undefined;
}

/** `wordCount(block.text)`, counted once per block and kept on it: no text is looked up in a table. */
export function blockWords(block: Block): number {
  let words = block.words;
  if (words === undefined) {
    words = countWords(block.text);
    block.words = words;
  }
  return words;
}

/** Blocks that still belong to the story (not page furniture or metadata). */
export function storyBlocks(blocks: Block[]): Block[] {
  return blocks.filter((b) => b.role === 'body' || b.role === 'subheading' || b.role === 'pullquote' || b.role === 'attribution');
}
