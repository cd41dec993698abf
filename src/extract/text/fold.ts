import { isLetterOrDigit } from './char-classes.js';
import { isWhiteSpaceCode } from './quote-spans.js';

const ASCII_ONLY = /^[\x00-\x7f]*$/;
/** ASCII and the typographic quotes and dashes most texts use, none of which decomposes: folded by replacing them. */
const ASCII_AND_MARKS = /^[\x00-\x7f\u2018\u2019\u201c\u201d\u2013\u2014]*$/;

/** Folding for comparison: no diacritics, plain quotes and dashes, lower case, single spaces. */
export function fold(text: string): string {
  // plain ASCII has no diacritics, no typographic quotes or dashes to fold, and decomposes to itself
  if (ASCII_ONLY.test(text)) return squashSpaces(text.toLowerCase()).trim();
  if (ASCII_AND_MARKS.test(text)) {
    return text
      .replace(/[\u2018\u2019]/g, "'")
      .replace(/[\u201c\u201d]/g, '"')
      .replace(/[\u2013\u2014]/g, '-')
      .toLowerCase()
      .replace(/\s+/g, ' ')
      .trim();
  }
  return foldFully(text);
}

/** `fold` without its fast paths: what they must give, for every text. */
export function foldFully(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ı/g, 'i')
    .replace(/[łŁ]/g, 'l')
    .replace(/[đĐ]/g, 'd')
    .replace(/[øØ]/g, 'o')
    .replace(/ß/g, 'ss')
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * `fold(text).startsWith(prefix)`, folding only the start of a long ASCII text: there folding goes a character at
 * a time (lower case, a run of white space to one space, both ends trimmed), so the fold of a start of the text
 * is a start of the text's fold, and one at least as long as the prefix answers for the whole.
 */
export function foldStartsWith(text: string, prefix: string): boolean {
  const head = 2 * prefix.length + 32;
  if (text.length > 2 * head && ASCII_ONLY.test(text)) {
    const folded = fold(text.slice(0, head));
    if (folded.length >= prefix.length) return folded.startsWith(prefix);
  }
  return fold(text).startsWith(prefix);
}

/** `text.replace(/\s+/g, ' ')`: the text itself, not a copy, when its only white space is single spaces (most texts). */
export function squashSpaces(text: string): string {
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    if (code === 32) {
      if (i + 1 < n && isWhiteSpaceCode(text.charCodeAt(i + 1))) return text.replace(/\s+/g, ' ');
    } else if (code < 33 ? code >= 9 && code <= 13 : code >= 128 && isWhiteSpaceCode(code)) {
      return text.replace(/\s+/g, ' ');
    }
  }
  return text;
}

/** Collapses runs of white space to one space and trims. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The matches of `/[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*\/gu`: runs of letters and digits, one apostrophe or
 * hyphen joining two runs into one word. (The runs of `scanRuns(text, isLetterOrDigit, isLetterOrDigit, …)`,
 * read in one loop.)
 */
export function countWords(text: string): number {
  let count = 0;
  let previousEnd = -2;
  const n = text.length;
  let i = 0;
  while (i < n) {
    // a character that is not a letter or digit (half an astral one, alone, is not one either)
    const unit = text.charCodeAt(i);
    const width = unit < 128 ? ASCII_LETTER_OR_DIGIT[unit]! : letterOrDigitWidth(text, i);
    if (width === 0) {
      i++;
      continue;
    }
    const start = i;
    i += width;
    // the rest of the run: ASCII read from a table, other characters by their class
    while (i < n) {
      const next = text.charCodeAt(i);
      if (next < 128) {
        if (ASCII_LETTER_OR_DIGIT[next] === 0) break;
        i++;
      } else {
        const more = letterOrDigitWidth(text, i);
        if (more === 0) break;
        i += more;
      }
    }
    const between = start === previousEnd + 1 ? text.charCodeAt(previousEnd) : 0;
    // joined to the run before by one apostrophe or hyphen: the same word
    if (between !== 39 && between !== 0x2019 && between !== 45) count++;
    previousEnd = i;
  }
  return count;
}

/** 1 for an ASCII letter or digit, else 0. */
const ASCII_LETTER_OR_DIGIT = Uint8Array.from({ length: 128 }, (_, code) => ((code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) ? 1 : 0));

/** The width (1 or 2 code units) of the letter or digit at `i`, or 0 when there is none. */
function letterOrDigitWidth(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) ? 1 : 0;
  const point = text.codePointAt(i)!;
  return isLetterOrDigit(point) ? (point > 0xffff ? 2 : 1) : 0;
}
const wordCounts = new Map<string, number>();
const SHORT_TEXT = 48;

/** Counts words (runs of letters or digits). Remembered: the plugins ask about the same blocks again and again. */
export function wordCount(text: string): number {
  // a short phrase is counted faster than it is looked up
  if (text.length < SHORT_TEXT) return countWords(text);
  // the text asked about last, most often the same block again: answered before the lookup
  if (text === lastText) return lastCount;
  let count = wordCounts.get(text);
  if (count === undefined) {
    if (wordCounts.size > 2_000) wordCounts.clear();
    count = countWords(text);
    wordCounts.set(text, count);
  }
  lastText = text;
  lastCount = count;
  return count;
}
let lastText = '';
let lastCount = 0;
