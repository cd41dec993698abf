import { wordCount } from '../text/fold.js';
import type { QuoteSpan } from '../text/quote-spans.js';

const NAMING_BEFORE = /(?<![\p{L}\p{N}])(?:so-called|so called|dubbed|titled|entitled|named|nicknamed|known as|codenamed|code-named|the word|the term|the phrase|the slogan|the hashtag|the motto|the headline|newspaper|daily|weekly|magazine|agency|channel|outlet|broadcaster|song|single|album|film|movie|book|novel|show|series|programme|program|operation|exercise|exercises|plan|initiative|project|campaign|group|movement|party|brand|app|website|portal|newspapers|tabloid|publication|hymn|anthem|poem|report entitled|documentary)\s*[,:]?\s*$/iu;

/** Title-case words only, no sentence punctuation: a name or a title in quotation marks, not someone's words. */
export function looksLikeName(text: string): boolean {
  if (/[.!?;]$/.test(text.trim())) return false;
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length > 8) return false;
  const significant = words.filter((w) => /^\p{L}{3,}/u.test(w) && !/^(?:and|the|for|of|with|from|into|over|under|about)$/i.test(w));
  if (significant.length === 0) return /^\p{Lu}/u.test(text);
  return significant.every((w) => /^\p{Lu}/u.test(w));
}

export type SpanKind = 'full' | 'partial' | 'name' | 'title';

/** Whether a quotation span holds someone's words: a sentence or more, a phrase, or a name/title in marks. */
export function classifySpan(paragraph: string, span: QuoteSpan): SpanKind {
  const before = paragraph.slice(Math.max(0, span.open - 40), span.open);
  if (NAMING_BEFORE.test(before)) return 'title';
  const words = wordCount(span.text);
  if (words === 0) return 'name';
  if (looksLikeName(span.text)) return 'name';
  if (words >= 6 || /[.!?]$/.test(span.text)) return 'full';
  return 'partial';
}
