import type { Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import type { Block, BlockKind } from '../blocks.js';
import { ownCopy } from '../text/own-copy.js';

/**
 * Cuts the parsed article into blocks. Copied web text puts one paragraph on each line, so a
 * Markdown paragraph of several lines becomes several blocks, unless its lines are hard-wrapped prose.
 */
export default function remarkSplitBlocks() {
  return (tree: Root, file: VFile): void => {
    file.data.blocks = splitBlocks(tree, String(file.value));
  };
}

function looksHardWrapped(lines: string[]): boolean {
  if (lines.length < 2) return false;
  let wrapped = 0;
  for (let i = 0; i < lines.length - 1; i++) {
    const line = lines[i]!.trimEnd();
    const next = lines[i + 1]!.trimStart();
    // "Subject: …", "Date: …": a field of its own, never the rest of a sentence
    if (/^\p{Lu}[\p{L} ]{1,20}:\s/u.test(next)) continue;
    // a line broken inside a sentence: the next goes on in lower case, or a long line stops mid-sentence
 if ((line.length >= 40 && (/^\p{Ll}/u.test(next) || /[,;\-]$/.test(line))) || (line.length >= 60 && next.length >= 40 && /^\p{L}/u.test(next) && !/[.!?:"”’)\]]$/.test(line))) wrapped++;
  }
  return wrapped * 2 >= lines.length - 1;
}

export function splitBlocks(tree: Root, source: string): Block[] {
  const blocks: Block[] = [];
  const push = (kind: BlockKind, text: string, line: number): void => {
    const trimmed = text.trim();
    // (the block's text read by every plugin, character by character: a string of its own, not a slice of the article)
    if (trimmed) blocks.push({ index: blocks.length, kind, text: ownCopy(trimmed), line, role: 'body', words: undefined, mentions: undefined });
  };
  const sliceOf = (node: RootContent): string => {
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? start;
    return source.slice(start, end);
  };
  const pushLines = (kind: BlockKind, text: string, line: number, stripPrefix: RegExp | null): void => {
    // one line, nothing to strip: itself (one line is never hard-wrapped)
    if (stripPrefix === null && !text.includes('\n')) {
      push(kind, text, line);
      return;
    }
    const lines = text.split('\n').map((l) => (stripPrefix ? l.replace(stripPrefix, '') : l));
    if (looksHardWrapped(lines.filter((l) => l.trim()))) {
      push(kind, lines.map((l) => l.trim()).join(' '), line);
      return;
    }
    lines.forEach((l, i) => push(kind, l, line + i));
  };
  const visit = (node: RootContent, kind: BlockKind | null): void => {
    const line = node.position?.start.line ?? 1;
    switch (node.type) {
      case 'heading':
        push('heading', sliceOf(node).replace(/^#{1,6}\s*/, '').replace(/\s*#+\s*$/, ''), line);
        return;
      case 'list':
        for (const item of node.children) {
          const itemLine = item.position?.start.line ?? line;
          const text = source.slice(item.position?.start.offset ?? 0, item.position?.end.offset ?? 0);
          pushLines('list-item', text.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, ''), itemLine, /^\s{2,}/);
        }
        return;
      case 'blockquote':
        pushLines('blockquote', sliceOf(node), line, /^\s*>\s?/);
        return;
      case 'code':
        pushLines('code', sliceOf(node).replace(/^```.*\n?|\n?```$/g, ''), line, /^ {4}/);
        return;
      case 'thematicBreak':
      case 'definition':
        return;
      default:
        pushLines(kind ?? 'paragraph', sliceOf(node), line, null);
    }
  };
  for (const node of tree.children) visit(node, null);
  return blocks;
}
