/**
 * A fast path for `markdownText` (search records): the text a body shows when it is only paragraphs, ATX headings,
 * block quotes and blank lines, read line by line from the string, without building a tree and without the
 * regular expressions run over the whole body. Returns exactly what `markdownText` returns for such a body, and
 * null for anything it is not sure of — any character that may start other Markdown, a line that may start a
 * list, a thematic break, a setext underline or indented code, a hard break, an unusual heading — which then takes
 * `markdownText`'s own path. `tests/publish-plain-body-text.test.ts` compares the two on generated and hostile bodies.
 *
 * What `markdownText` does with such a body, done here in one pass: the `>` markers at the start of each line are
 * dropped (`(?: {0,3}>[ \t]?)+`); each line of a paragraph, without its leading and trailing spaces, and each
 * heading's text, are the items; the items are joined by newlines, whitespace (JavaScript's `\s`) after a newline
 * is dropped (so an item of whitespace only goes, with its newline) and the whole is trimmed.
 */

/** Characters after which this path does not follow the parse: syntax, tabs, carriage returns, Unicode line separators. */
const UNSURE = /[\\`*_[\]<&!~\r\0\t\u2028\u2029]/;
/** An ordered list item's start (after at most three spaces). */
const ORDERED_ITEM = /^\d{1,9}[.)](?: |$)/;
/** An ATX heading with text that ends in no `#` (after at most three spaces). */
const HEADING = /^(#{1,6}) +(.*?) *$/;

const SPACE = 32;
const GT = 62;

/** Whether a line's first character (after its spaces) may start something other than paragraph text. */
function mayStartBlock(code: number): boolean {
  // - + * = _ # > and digits (an ordered list); `*` and `_` are unsure characters anyway.
  return code === 45 || code === 43 || code === 42 || code === 61 || code === 95 || code === 35 || code === GT || (code >= 48 && code <= 57);
}

/** Where a line (`start` to `end`) begins without its block quote markers: ` {0,3}>` and an optional space, as many as come. */
function afterMarkers(body: string, start: number, end: number): number {
  let at = start;
  for (;;) {
    let p = at;
    while (p < end && p - at < 3 && body.charCodeAt(p) === SPACE) p += 1;
    if (p >= end || body.charCodeAt(p) !== GT) return at;
    p += 1;
    if (p < end && body.charCodeAt(p) === SPACE) p += 1;
    at = p;
  }
}

/** Whether the line from `start` holds only spaces once its block quote markers are dropped. */
function isBlank(body: string, start: number): boolean {
  let end = body.indexOf('\n', start);
  if (end === -1) end = body.length;
  for (let p = afterMarkers(body, start, end); p < end; p += 1) if (body.charCodeAt(p) !== SPACE) return false;
  return true;
}

export function plainBodyText(body: string): string | null {
  if (UNSURE.test(body)) return null;
  const items: string[] = [];
  const length = body.length;
  for (let start = 0; start <= length; ) {
    let end = body.indexOf('\n', start);
    if (end === -1) end = length;
    const at = afterMarkers(body, start, end);
    // Leading spaces: four or more may be indented code (or a paragraph's continuation): not followed here.
    let first = at;
    while (first < end && body.charCodeAt(first) === SPACE) first += 1;
    let last = end;
    while (last > first && body.charCodeAt(last - 1) === SPACE) last -= 1;
    if (first < last) {
      if (first - at > 3) return null;
      const code = body.charCodeAt(first);
      // A paragraph's line ending in two spaces, before another line of text, is a hard break.
      if (end - last >= 2 && code !== 35 && end < length && !isBlank(body, end + 1)) return null;
      let item: string;
      if (mayStartBlock(code)) {
        if (code === 35) {
          const line = body.slice(first, last);
          const m = HEADING.exec(line);
          if (m === null || m[2] === '' || line.endsWith('#')) return null;
          item = m[2]!;
        } else if (code >= 48 && code <= 57) {
          item = body.slice(first, last);
          if (ORDERED_ITEM.test(item)) return null;
        } else return null;
      } else item = body.slice(first, last);
      items.push(item);
    }
    start = end + 1;
  }
  // Joined by newlines, as `.replace(/[ \t]*\n\s*/g, '\n').trim()` leaves them.
  const kept: string[] = [];
  for (const item of items) {
    const text = item.trimStart();
    if (text !== '') kept.push(text);
  }
  if (kept.length === 0) return '';
  kept[kept.length - 1] = kept[kept.length - 1]!.trimEnd();
  return kept.join('\n');
}
