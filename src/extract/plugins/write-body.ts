import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { blockWords, type Block } from '../blocks.js';

/**
 * Writes the cleaned article as Markdown: page furniture and metadata lines gone, section
 * subheadings as `##` headings, pull-quotes as block quotes with their attribution, footnote
 * markers dropped.
 */
export default function remarkWriteBody() {
  return (_tree: Root, file: VFile): void => {
    const blocks = file.data.blocks ?? [];
    markSubheadings(blocks);
    file.data.article!.body = writeBody(blocks);
  };
}

const IN_BODY = new Set(['body', 'subheading', 'pullquote', 'attribution']);

/** Short lines between paragraphs, without closing punctuation, are section subheadings. */
export function markSubheadings(blocks: Block[]): void {
  const story = blocks.filter((b) => IN_BODY.has(b.role));
  story.forEach((block, i) => {
    if (block.role !== 'body') return;
    if (block.kind === 'heading') {
      block.role = 'subheading';
      return;
    }
    if (block.kind !== 'paragraph' || i === 0 || i === story.length - 1) return;
    const text = block.text;
    const words = blockWords(block);
    if (words < 2 || words > 12 || /[.!?:;,…]["”’)]?$/.test(text) || /^[“"‘'(\-–—•*]/.test(text) || /[“”"]/.test(text)) return;
    const next = story[i + 1]!;
    if (next.role === 'subheading' || blockWords(next) <= 12) return;
    block.role = 'subheading';
  });
}

export function cleanText(text: string): string {
  // footnote markers "[12]" (only where a bracket is), then spaces and tabs at the end (`/[ \t]+$/`)
  const unmarked = text.includes('[') ? text.replace(/\[\d{1,3}\]/g, '') : text;
  let end = unmarked.length;
  while (end > 0 && (unmarked.charCodeAt(end - 1) === 32 || unmarked.charCodeAt(end - 1) === 9)) end--;
  return end === unmarked.length ? unmarked : unmarked.slice(0, end);
}

export function writeBody(blocks: Block[]): string {
  const parts: string[] = [];
  let list: string[] = [];
  const flush = (): void => {
    if (list.length) parts.push(list.join('\n'));
    list = [];
  };
  for (const block of blocks) {
    if (!IN_BODY.has(block.role)) continue;
    const text = cleanText(block.text);
    if (block.kind === 'list-item' && block.role === 'body') {
      list.push(`- ${text}`);
      continue;
    }
    flush();
    if (block.role === 'subheading') parts.push(`## ${text}`);
    else if (block.role === 'pullquote') parts.push(`> ${text}`);
    else if (block.role === 'attribution') parts.push(`— ${text.replace(/^[\s\-–—~]+/, '')}`);
    else if (block.kind === 'blockquote') parts.push(`> ${text}`);
    else parts.push(text);
  }
  flush();
  return parts.join('\n\n');
}
