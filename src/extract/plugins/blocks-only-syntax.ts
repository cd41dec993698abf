import type { Processor } from 'unified';

/**
 * Inline Markdown (emphasis, links, code spans, escapes, entities, inline HTML): the extractor reads
 * only the block structure of the parse (see split-blocks), and CommonMark settles blocks before any
 * inline syntax, so remark-parse is told to leave inline syntax unread. The blocks are the same.
 */
const INLINE_CONSTRUCTS = [
  'attention',
  'autolink',
  'characterEscape',
  'characterReference',
  'codeText',
  'hardBreakEscape',
  'htmlText',
  'labelStartImage',
  'labelStartLink',
  'labelEnd',
];

/** A remark plugin (use it before remark-parse) that keeps the parse to block syntax. */
export default function remarkBlocksOnlySyntax(this: Processor): void {
  const data = this.data();
  const extensions = (data.micromarkExtensions ??= []);
  extensions.push({ disable: { null: INLINE_CONSTRUCTS } });
}
