/** Splits text into sentences, keeping offsets. Abbreviations and initials do not end a sentence. */

export interface Sentence {
  start: number;
  end: number;
  text: string;
}

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'sen', 'rep', 'gov', 'adm', 'sgt', 'st', 'jr',
  'sr', 'vs', 'etc', 'no', 'nos', 'inc', 'ltd', 'co', 'corp', 'dept', 'est', 'approx', 'fig', 'vol', 'pres', 'rev',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mt', 'ft', 'u.s', 'u.k', 'u.n',
  'e.u', 'a.m', 'p.m', 'i.e', 'e.g', 'op', 'ave', 'blvd',
]);

/**
 * Sentence boundaries in `text`. `mask` may hide quotation contents (same length as text) so that
 * a sentence never ends inside a quotation.
 */
export function splitSentences(text: string, mask: string = text): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  const boundary = /[.!?…]+["'”’)\]]*\s+(?=["“‘(\[]\S|[\p{Lu}\p{N}])/gu;
  let match: RegExpExecArray | null;
  while ((match = boundary.exec(mask)) !== null) {
    const dot = match.index;
    if (mask[dot] === '.') {
      const before = mask.slice(Math.max(start, dot - 12), dot);
      const word = /([\p{L}.]+)$/u.exec(before)?.[1] ?? '';
      const bare = word.toLowerCase().replace(/^\.+/, '');
      if (ABBREVIATIONS.has(bare) || /^\p{Lu}$/u.test(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word)) continue;
    }
    const end = match.index + match[0].trimEnd().length;
    pushSentence(sentences, text, start, end);
    start = match.index + match[0].length;
  }
  pushSentence(sentences, text, start, text.length);
  return sentences;
}

function pushSentence(list: Sentence[], text: string, start: number, end: number): void {
  const raw = text.slice(start, end);
  const lead = raw.length - raw.trimStart().length;
  const trimmed = raw.trim();
  if (trimmed) list.push({ start: start + lead, end: start + lead + trimmed.length, text: trimmed });
}
