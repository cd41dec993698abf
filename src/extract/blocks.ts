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
}

/** Blocks that still belong to the story (not page furniture or metadata). */
export function storyBlocks(blocks: Block[]): Block[] {
  return blocks.filter((b) => b.role === 'body' || b.role === 'subheading' || b.role === 'pullquote' || b.role === 'attribution');
}
