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

const OPEN_DOUBLE = new Set(['\u201c', '\u201e', '\u00ab']);
const CLOSE_DOUBLE = new Set(['\u201d', '\u00bb']);
const OPENER_BEFORE = /[\s([{\u2014\u2013\-/:;>]/u;

function isOpenerPosition(text: string, i: number): boolean {
  const prev = i === 0 ? ' ' : text[i - 1]!;
  const next = text[i + 1] ?? ' ';
  return OPENER_BEFORE.test(prev) && !/\s/.test(next);
}

function makeSpan(text: string, open: number, close: number, closed: boolean): QuoteSpan | null {
  let start = open + 1;
  let end = close;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /[\s,]/.test(text[end - 1]!)) end--;
  if (end <= start) return null;
  return { open, close, closed, text: text.slice(start, end), start, end };
}

function doubleSpans(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (OPEN_DOUBLE.has(ch)) {
      if (open >= 0) {
        const span = makeSpan(text, open, i, false);
        if (span) spans.push(span);
      }
      open = i;
    } else if (CLOSE_DOUBLE.has(ch)) {
      if (open >= 0) {
        const span = makeSpan(text, open, i, true);
        if (span) spans.push(span);
        open = -1;
      }
    } else if (ch === '"') {
      if (open >= 0) {
        const span = makeSpan(text, open, i, true);
        if (span) spans.push(span);
        open = -1;
      } else if (isOpenerPosition(text, i)) {
        open = i;
      }
    }
  }
  if (open >= 0) {
    const span = makeSpan(text, open, text.length, false);
    if (span) spans.push(span);
  }
  return spans;
}

function singleSpans(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch !== '\u2018' && ch !== '\u2019' && ch !== "'") continue;
    const prev = i === 0 ? ' ' : text[i - 1]!;
    const next = text[i + 1] ?? ' ';
    const letterBefore = /[\p{L}\p{N}]/u.test(prev);
    const letterAfter = /[\p{L}\p{N}]/u.test(next);
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
  let masked = '';
  let at = 0;
  for (const span of spans) {
    // a quotation that ends a sentence keeps its full stop, so the next sentence starts after it
    const inner = span.close - span.open - 1;
    const stop = /[.!?]/.test(text[span.close - 1] ?? '') && span.closed ? 1 : 0;
    masked += text.slice(at, span.open + 1) + 'x'.repeat(Math.max(0, inner - stop)) + (stop ? text[span.close - 1]! : '');
    at = span.close;
  }
  return masked + text.slice(at);
}
