import type { Processor } from 'unified';
import { scanBlocks } from '../text/scan-blocks.js';

/**
 * Used after remark-parse: the text's blocks are read by `scanBlocks` (a line scanner) where it can tell
 * them, and by remark-parse otherwise. The extractor reads only the top-level blocks' kinds and places
 * (split-blocks), which are the same either way.
 */
export default function remarkScanBlocksFirst(this: Processor): void {
  const parse = this.parser;
  if (!parse) throw new Error('remarkScanBlocksFirst: use remark-parse before it');
  this.parser = (document, file) => scanBlocks(document) ?? parse(document, file);
}
