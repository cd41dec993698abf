import type { Heading, Paragraph, Root, RootContent } from 'mdast';

/**
 * The top-level blocks of a plain text as remark-parse finds them, without micromark, for texts made
 * only of blank lines, paragraph lines and ATX headings. CommonMark settles the blocks line by line
 * before it reads any inline syntax, so for such a text the blocks' kinds and places follow from the
 * lines alone. Any line that could open anything else (a list item, a block quote, a fence, an HTML
 * block, a thematic break, a setext underline, a link reference definition, indented code), a tab, a
 * NUL, a carriage return or a byte order mark gives null, and the caller parses with remark-parse.
 *
 * The nodes carry their type, their `position` (as remark-parse gives it) and a heading's depth; their
 * inline content is not read (`children` is empty). `tests/extract-scan-blocks.test.ts` compares them
 * with remark-parse's.
 */
export function scanBlocks(text: string): Root | null {
  // a tab changes indentation, a NUL is replaced, a CR ends a line, a leading BOM is dropped (offsets shift)
  if (hasUnsafeCharacter(text)) return null;
  const children: RootContent[] = [];
  const length = text.length;
  let line = 1;
  let lineStart = 0;
  // the open paragraph: where it starts, and where its latest line ends
  let paragraphLine = 0;
  let paragraphStart = -1;
  let paragraphEnd = 0;
  let paragraphEndLine = 0;
  let paragraphEndColumn = 0;
  const closeParagraph = (): void => {
    if (paragraphStart < 0) return;
    const node: Paragraph = {
      type: 'paragraph',
      children: [],
      position: {
        start: { line: paragraphLine, column: paragraphStart - paragraphLineStart + 1, offset: paragraphStart },
        end: { line: paragraphEndLine, column: paragraphEndColumn, offset: paragraphEnd },
      },
    };
    children.push(node);
    paragraphStart = -1;
  };
  let paragraphLineStart = 0;
  while (lineStart <= length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = length;
    let indent = lineStart;
    while (indent < lineEnd && text.charCodeAt(indent) === 32) indent++;
    if (indent === lineEnd) {
      // a blank line
      closeParagraph();
    } else if (indent - lineStart >= 4) {
      // indented code, unless it goes on a paragraph
      if (paragraphStart < 0) return null;
      paragraphEnd = lineEnd;
      paragraphEndLine = line;
      paragraphEndColumn = lineEnd - lineStart + 1;
    } else {
      const kind = lineKind(text, indent, lineEnd);
      if (kind === UNSAFE) return null;
      if (kind > 0) {
        closeParagraph();
        const node: Heading = {
          type: 'heading',
          depth: kind as Heading['depth'],
          children: [],
          position: {
            start: { line, column: indent - lineStart + 1, offset: indent },
            end: { line, column: lineEnd - lineStart + 1, offset: lineEnd },
          },
        };
        children.push(node);
      } else {
        if (paragraphStart < 0) {
          paragraphStart = indent;
          paragraphLine = line;
          paragraphLineStart = lineStart;
        }
        paragraphEnd = lineEnd;
        paragraphEndLine = line;
        paragraphEndColumn = lineEnd - lineStart + 1;
      }
    }
    if (lineEnd === length) break;
    lineStart = lineEnd + 1;
    line++;
  }
  closeParagraph();
  return {
    type: 'root',
    children,
    position: { start: { line: 1, column: 1, offset: 0 }, end: { line, column: length - lineStart + 1, offset: length } },
  };
}

/** What a line (from its first non-space character at `at`, indented by at most three spaces) can only be. */
const PARAGRAPH_LINE = 0;
const UNSAFE = -1;

function hasUnsafeCharacter(text: string): boolean {
  return text.charCodeAt(0) === 0xfeff || text.includes('\t') || text.includes('\r') || text.includes('\0');
}

/** A paragraph line (0), an ATX heading (its depth, 1–6) or a line that may open another block (-1). */
function lineKind(text: string, at: number, end: number): number {
  const code = text.charCodeAt(at);
  // most lines open with a letter, a digit or a typographic mark: none of those opens a block but a number
  if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code >= 128) return PARAGRAPH_LINE;
  if (code >= 48 && code <= 57) return orderedListItem(text, at, end) ? UNSAFE : PARAGRAPH_LINE;
  switch (code) {
    case 35: {
      // "#": a heading when one to six of them stand alone or before a space
      let hashes = at;
      while (hashes < end && text.charCodeAt(hashes) === 35) hashes++;
      const depth = hashes - at;
      return depth <= 6 && (hashes === end || text.charCodeAt(hashes) === 32) ? depth : PARAGRAPH_LINE;
    }
    case 45: // -
    case 43: // +
    case 42: // *
    case 95: // _
    case 61: // =
      return opensBlockWithMark(text, at, end) ? UNSAFE : PARAGRAPH_LINE;
    case 62: // > a block quote
    case 60: // < an HTML block
    case 91: // [ a link reference definition
    case 96: // ` a fence
    case 126: // ~ a fence
      return UNSAFE;
    default:
      return PARAGRAPH_LINE;
  }
}

/** "1. ", "12) ", "3." at the end of a line: an ordered list item. */
function orderedListItem(text: string, at: number, end: number): boolean {
  let i = at;
  while (i < end && i - at < 10 && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
  if (i - at > 9 || i === end) return false;
  const mark = text.charCodeAt(i);
  if (mark !== 46 && mark !== 41) return false;
  return i + 1 === end || text.charCodeAt(i + 1) === 32;
}

/**
 * A line opened by `-`, `+`, `*`, `_` or `=` that may be a list item (the mark, then a space or the line's
 * end), a thematic break or a setext underline (the marks, with spaces, alone on the line).
 */
function opensBlockWithMark(text: string, at: number, end: number): boolean {
  const mark = text.charCodeAt(at);
  const next = at + 1 < end ? text.charCodeAt(at + 1) : 32;
  if ((mark === 45 || mark === 43 || mark === 42) && next === 32) return true;
  // only marks and spaces on the line: a thematic break or an underline may be there
  for (let i = at + 1; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code !== mark && code !== 32) return false;
  }
  return true;
}
