import { countWords } from '../text/fold.js';
import { isWhiteSpaceCode, type QuoteSpan } from '../text/quote-spans.js';

export const NAMING_BEFORE = /(?<![\p{L}\p{N}])(?:so-called|so called|dubbed|titled|entitled|named|nicknamed|known as|codenamed|code-named|the word|the term|the phrase|the slogan|the hashtag|the motto|the headline|newspaper|daily|weekly|magazine|agency|channel|outlet|broadcaster|song|single|album|film|movie|book|novel|show|series|programme|program|operation|exercise|exercises|plan|initiative|project|campaign|group|movement|party|brand|app|website|portal|newspapers|tabloid|publication|hymn|anthem|poem|report entitled|documentary)\s*[,:]?\s*$/iu;

/** Title-case words only, no sentence punctuation: a name or a title in quotation marks, not someone's words. */
export function looksLikeName(text: string): boolean {
  if (/[.!?;]$/.test(text.trim())) return false;
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length > 8) return false;
  const significant = words.filter((w) => /^\p{L}{3,}/u.test(w) && !/^(?:and|the|for|of|with|from|into|over|under|about)$/i.test(w));
  if (significant.length === 0) return /^\p{Lu}/u.test(text);
  return significant.every((w) => /^\p{Lu}/u.test(w));
}

/** The last word of each naming phrase (after its last space or hyphen): the word a text must end with for NAMING_BEFORE to match. */
const NAMING_LAST_WORDS: ReadonlySet<string> = new Set(
  /\(\?:(.*)\)\\s\*/.exec(NAMING_BEFORE.source)![1]!.split('|').map((phrase) => phrase.split(/[ -]/).pop()!),
);

/**
 * `NAMING_BEFORE.test(before)`, the pattern tried only when the text ends (spaces, a comma or colon, spaces
 * aside) with the last word of a naming phrase: a run of ASCII letters (or the two letters that fold to
 * one under the \`iu\` flags, ſ and K) whose lower case, ſ read as s, is one of those words.
 */
export function followsNaming(before: string): boolean {
  let end = before.length;
  while (end > 0 && isWhiteSpaceCode(before.charCodeAt(end - 1))) end--;
  if (end > 0 && (before.charCodeAt(end - 1) === 44 || before.charCodeAt(end - 1) === 58)) end--;
  while (end > 0 && isWhiteSpaceCode(before.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > 0 && foldsToAsciiLetter(before.charCodeAt(start - 1))) start--;
  if (start === end) return false;
  const word = before.slice(start, end).toLowerCase().replace(/ſ/g, 's');
  return NAMING_LAST_WORDS.has(word) && NAMING_BEFORE.test(before);
}

/** An ASCII letter, ſ (U+017F) or K (U+212A): the characters that match an ASCII letter under the `iu` flags. */
function foldsToAsciiLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 0x17f || code === 0x212a;
}

export type SpanKind = 'full' | 'partial' | 'name' | 'title';

/** Whether a quotation span holds someone's words: a sentence or more, a phrase, or a name/title in marks. */
export function classifySpan(paragraph: string, span: QuoteSpan): SpanKind {
  const before = paragraph.slice(Math.max(0, span.open - 40), span.open);
  if (followsNaming(before)) return 'title';
  // (a quotation is classified once: its words are counted, not remembered)
  const words = countWords(span.text);
  if (words === 0) return 'name';
  if (looksLikeName(span.text)) return 'name';
  if (words >= 6 || /[.!?]$/.test(span.text)) return 'full';
  return 'partial';
}
