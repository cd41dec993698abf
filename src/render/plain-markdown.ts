import type { Blockquote, Heading, Paragraph, Root, RootContent } from 'mdast';

/**
 * A fast path for remark-parse: most article bodies are plain paragraphs, `#` headings and one-paragraph
 * `>` block quotes, for which
 * micromark's full tokenizer (about 90% of the time spent rendering a body) is not needed. Returns
 * the same mdast tree as remark-parse (without positions) when the text can only be paragraphs, ATX
 * headings and block quotes of one plain paragraph set off by blank lines, and null otherwise — any character or line shape that could start other Markdown
 * (emphasis, code, links, HTML, entities, escapes, lists, nested or lazy quotes, setext headings,
 * indented code, hard breaks) sends the text down the full parser. `tests/render-plain-markdown.test.ts` checks the
 * trees are equal on generated texts.
 */

/** Characters that may start inline or block syntax other than paragraphs and ATX headings. */
const SYNTAX = /[\\`*_[\]<&!~\r\0\t]/;
/** A block quote's line: the marker, an optional space, the rest. */
const QUOTE_LINE = /^ {0,3}> ?(.*)$/;
/** Lines that are not plain paragraph text or an ATX heading. */
const LIST_ITEM = /^ {0,3}(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/;
const SETEXT_OR_BREAK = /^ {0,3}(?:=+|-+)[ \t]*$/;
const THEMATIC = /^ {0,3}(?:[-_*][ \t]*){3,}$/;
const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/;
const HASH_START = /^ {0,3}#/;
const INDENTED = /^ {4,}/;
const BLANK = /^[ \t]*$/;

export function parsePlainMarkdown(markdown: string): Root | null {
  if (SYNTAX.test(markdown)) return null;
  const children: RootContent[] = [];
  let paragraph: string[] = [];
  const flush = (): void => {
    if (paragraph.length === 0) return;
    const node: Paragraph = { type: 'paragraph', children: [{ type: 'text', value: paragraph.join('\n') }] };
    children.push(node);
    paragraph = [];
  };
  const lines = markdown.split('\n');
  /** A quote line's content when it can only be a line of a plain paragraph, else null. */
  const quoted = (line: string | undefined): string | null => {
    const m = line === undefined ? null : QUOTE_LINE.exec(line);
    if (!m) return null;
    const content = m[1]!;
    if (BLANK.test(content) || INDENTED.test(content) || /^ {0,3}>/.test(content)) return null;
    if (LIST_ITEM.test(content) || SETEXT_OR_BREAK.test(content) || THEMATIC.test(content) || HASH_START.test(content)) return null;
    return content;
  };
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    if (BLANK.test(line)) {
      flush();
      continue;
    }
    if (/^ {0,3}>/.test(line)) {
      // A block quote of one paragraph: after a blank line (not interrupting a paragraph), every line
      // marked, ended by a blank line or the end (no lazy continuation).
      if (paragraph.length > 0) return null;
      const inner: string[] = [];
      for (; i < lines.length && !BLANK.test(lines[i]!); i += 1) {
        const content = quoted(lines[i]);
        if (content === null) return null;
        if (content.endsWith('  ') && i + 1 < lines.length && !BLANK.test(lines[i + 1]!)) return null;
        inner.push(trimEndSpaces(content.replace(/^[ ]+/, '')));
      }
      const quote: Blockquote = { type: 'blockquote', children: [{ type: 'paragraph', children: [{ type: 'text', value: inner.join('\n') }] }] };
      children.push(quote);
      continue;
    }
    if (LIST_ITEM.test(line) || SETEXT_OR_BREAK.test(line) || THEMATIC.test(line)) return null;
    if (HASH_START.test(line)) {
      const m = ATX.exec(line);
      // "#hashtag" (no space) is paragraph text in CommonMark, and a closing "#" sequence is syntax: full parser.
      if (!m || line.trimEnd().endsWith('#') && (m[2] ?? '') !== '') return null;
      if (m[2] === undefined && !/^ {0,3}#{1,6}[ \t]*$/.test(line)) return null;
      if ((m[2] ?? '').endsWith('#')) return null;
      flush();
      const text = (m[2] ?? '').replace(/^[ \t]+|[ \t]+$/g, '');
      const heading: Heading = { type: 'heading', depth: m[1]!.length as Heading['depth'], children: text ? [{ type: 'text', value: text }] : [] };
      children.push(heading);
      continue;
    }
    if (paragraph.length === 0 && INDENTED.test(line)) return null;
    // A line ending in two or more spaces before another line of the paragraph is a hard break.
    const next = lines[i + 1];
    if (line.endsWith('  ') && next !== undefined && !BLANK.test(next)) return null;
    paragraph.push(trimEndSpaces(line.replace(/^[ ]+/, '')));
  }
  flush();
  return { type: 'root', children };
}

/**
 * `text.replace(/[ ]+$/, '')` read from the end: the pattern is tried from every space of a line (a paragraph's
 * line has dozens) before it finds the end, once per line of every body.
 */
function trimEndSpaces(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 32) end -= 1;
  return end === text.length ? text : text.slice(0, end);
}
