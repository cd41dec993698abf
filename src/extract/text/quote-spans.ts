import { isLetterOrDigit } from './char-classes.js';

/** Finds the spans of text between quotation marks in one paragraph. */

export interface QuoteSpan {
  /** Index of the opening mark. */
  open: number;
  /** Index of the closing mark, or the paragraph's length when the quotation never closes. */
  close: number;
  closed: boolean;
  /** Content, without the marks and surrounding spaces (a trailing comma dropped). */
  text: string;
  /** Offsets of `text` within the paragraph. */
  start: number;
  end: number;
}

/** `/\s/` for one UTF-16 code unit. */
export function isWhiteSpaceCode(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

/** `/[\s([{\u2014\u2013\-/:;>]/u` for one code unit: what may stand before an opening mark. */
function isOpenerBefore(code: number): boolean {
  return isWhiteSpaceCode(code) || code === 40 || code === 91 || code === 123 || code === 0x2014 || code === 0x2013 || code === 45 || code === 47 || code === 58 || code === 59 || code === 62;
}

function isOpenerPosition(text: string, i: number): boolean {
  // before the text and after it: a space
  const prev = i === 0 ? 32 : text.charCodeAt(i - 1);
  const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 32;
  return isOpenerBefore(prev) && !isWhiteSpaceCode(next);
}

function makeSpan(text: string, open: number, close: number, closed: boolean): QuoteSpan | null {
  let start = open + 1;
  let end = close;
  while (start < end && isWhiteSpaceCode(text.charCodeAt(start))) start++;
  while (end > start && (isWhiteSpaceCode(text.charCodeAt(end - 1)) || text.charCodeAt(end - 1) === 44)) end--;
  if (end <= start) return null;
  return { open, close, closed, text: text.slice(start, end), start, end };
}

/** The double marks: “ „ « open, ” » close, " opens or closes. */
const DOUBLE_MARK = /["\u201c\u201e\u00ab\u201d\u00bb]/g;

function doubleSpans(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let open = -1;
  // the marks found by the pattern (a scan of the text in native code), the characters between them passed over
  DOUBLE_MARK.lastIndex = 0;
  for (let mark = DOUBLE_MARK.exec(text); mark !== null; mark = DOUBLE_MARK.exec(text)) {
    const i = mark.index;
    const code = text.charCodeAt(i);
    if (code === 0x201c || code === 0x201e || code === 0xab) {
      if (open >= 0) {
        const span = makeSpan(text, open, i, false);
        if (span) spans.push(span);
      }
      open = i;
    } else if (code === 0x201d || code === 0xbb) {
      if (open >= 0) {
        const span = makeSpan(text, open, i, true);
        if (span) spans.push(span);
        open = -1;
      }
    } else if (open >= 0) {
      const span = makeSpan(text, open, i, true);
      if (span) spans.push(span);
      open = -1;
    } else if (isOpenerPosition(text, i)) {
      open = i;
    }
  }
  if (open >= 0) {
    const span = makeSpan(text, open, text.length, false);
    if (span) spans.push(span);
  }
  return spans;
}

/** The single marks and the apostrophe: ‘ ’ '. */
const SINGLE_MARK = /['\u2018\u2019]/g;

function singleSpans(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let open = -1;
  SINGLE_MARK.lastIndex = 0;
  for (let mark = SINGLE_MARK.exec(text); mark !== null; mark = SINGLE_MARK.exec(text)) {
    const i = mark.index;
    const ch = text[i]!;
    const prev = i === 0 ? ' ' : text[i - 1]!;
    const next = text[i + 1] ?? ' ';
    const letterBefore = i > 0 && isLetterOrDigit(text.charCodeAt(i - 1));
    const letterAfter = i + 1 < text.length && isLetterOrDigit(text.charCodeAt(i + 1));
    if (letterBefore && letterAfter) continue; // an apostrophe inside a word
    if (open < 0) {
      if (ch !== '\u2019' && isOpenerPosition(text, i) && letterAfter) open = i;
      else if (ch === '\u2018' && letterAfter) open = i;
      continue;
    }
    const closer = !/\s/.test(prev) && (i + 1 >= text.length || /[\s.,;:!?)\]\u2014\u2013\-]/.test(next));
    if (closer && ch !== '\u2018') {
      // "the allies’ weapons": a plural possessive, not a closer, when a lower-case word follows directly
      if (prev === 's' && /^\s+\p{Ll}/u.test(text.slice(i + 1, i + 4)) && !/[.,!?]/.test(prev)) {
        const rest = text.slice(i + 1);
        if (/[\u2019'](?=[\s.,;:!?]|$)/.test(rest)) continue;
      }
      const span = makeSpan(text, open, i, true);
      if (span) spans.push(span);
      open = -1;
    }
  }
  if (open >= 0) {
    const span = makeSpan(text, open, text.length, false);
    if (span) spans.push(span);
  }
  return spans;
}

/** Quotation spans at the top level of a paragraph: double marks, or single marks where no double ones are used. */
export function findQuoteSpans(text: string): QuoteSpan[] {
  const doubles = doubleSpans(text);
  if (doubles.length > 0) return doubles;
  return singleSpans(text);
}

/** The paragraph with every quotation's content replaced by `x`, same length, so sentence splitting skips it. */
export function maskQuotes(text: string, spans: QuoteSpan[]): string {
  if (spans.length === 0) return text;
  // the pieces joined once: a flat string of its own, which the character loops read faster than joined pieces
  const pieces: string[] = [];
  let at = 0;
  for (const span of spans) {
    // a quotation that ends a sentence keeps its full stop, so the next sentence starts after it
    const inner = span.close - span.open - 1;
    const stop = /[.!?]/.test(text[span.close - 1] ?? '') && span.closed ? 1 : 0;
    pieces.push(text.slice(at, span.open + 1), 'x'.repeat(Math.max(0, inner - stop)), stop ? text[span.close - 1]! : '');
    at = span.close;
  }
  pieces.push(text.slice(at));
  return pieces.join('');
}
