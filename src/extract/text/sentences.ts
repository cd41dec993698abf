import { isLetter } from './char-classes.js';

/** Splits text into sentences, keeping offsets. Abbreviations and initials do not end a sentence. */

export interface Sentence {
  start: number;
  end: number;
  text: string;
}

/** Words whose full stop ends no sentence (lower case, leading dots dropped). */
export const ABBREVIATIONS: ReadonlySet<string> = new Set([
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
    if (mask.charCodeAt(dot) === 46 && endsAbbreviation(mask, Math.max(start, dot - 12), dot)) continue;
    const end = match.index + match[0].trimEnd().length;
    pushSentence(sentences, text, start, end);
    start = match.index + match[0].length;
  }
  pushSentence(sentences, text, start, text.length);
  return sentences;
}

/**
 * Whether the word ending at `dot` (its letters and dots, read back no further than `from`) is an abbreviation, a
 * capital letter or initials: a full stop after it ends no sentence. A word of more than six characters and no dot
 * is none of them (told without lower-casing it).
 */
export function endsAbbreviation(mask: string, from: number, dot: number): boolean {
  // `/([\p{L}.]+)$/u.exec(mask.slice(from, dot))?.[1] ?? ''`, read backwards
  let at = dot;
  let dots = false;
  while (at > from) {
    const low = mask.charCodeAt(at - 1);
    if (low === 46) {
      dots = true;
      at--;
      continue;
    }
    if (low < 128) {
      if ((low >= 97 && low <= 122) || (low >= 65 && low <= 90)) {
        at--;
        continue;
      }
      break;
    }
    // a surrogate pair read whole, when both halves are in the stretch
    if (low >= 0xdc00 && low <= 0xdfff && at - 2 >= from) {
      const high = mask.charCodeAt(at - 2);
      if (high >= 0xd800 && high <= 0xdbff) {
        if (!isLetter(((high - 0xd800) << 10) + (low - 0xdc00) + 0x10000)) break;
        at -= 2;
        continue;
      }
    }
    if (!isLetter(low)) break;
    at--;
  }
  if (!dots && dot - at > 6) return false;
  const word = mask.slice(at, dot);
  const bare = word.toLowerCase().replace(/^\.+/, '');
  return ABBREVIATIONS.has(bare) || /^\p{Lu}$/u.test(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word);
}

function pushSentence(list: Sentence[], text: string, start: number, end: number): void {
  const raw = text.slice(start, end);
  const lead = raw.length - raw.trimStart().length;
  const trimmed = raw.trim();
  if (trimmed) list.push({ start: start + lead, end: start + lead + trimmed.length, text: trimmed });
}
