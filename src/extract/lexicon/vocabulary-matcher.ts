import { WordFilter } from '../text/word-filter.js';

/**
 * Finds the topic vocabulary's phrases in a text exactly as one alternation of all its patterns would
 * (leftmost match, the first pattern in order winning at a position), without trying every pattern
 * at every position: each pattern is tried only where the text's word can open it.
 */

/** A matched phrase: the text matched and where. */
export interface VocabularyHit {
  text: string;
  index: number;
}

const ASCII_LETTER = /[A-Za-z]/;

/** The strings a pattern of literals, `(?:…|…)` groups, `[…]` classes, `?`, `\s+` and `\b` can match; null for other syntax. */
function expand(source: string): string[] | null {
  let at = 0;
  const alternatives = (): string[][] | null => {
    const out: string[][] = [];
    let sequence: string[] = [''];
    const push = (options: string[]): void => {
      const next: string[] = [];
      for (const prefix of sequence) for (const option of options) next.push(prefix + option);
      sequence = next;
    };
    while (at < source.length) {
      const ch = source[at]!;
      if (ch === ')') break;
      if (ch === '|') {
        out.push(sequence);
        sequence = [''];
        at++;
        continue;
      }
      let options: string[] | null;
      if (ch === '(') {
        if (source.slice(at, at + 3) !== '(?:') return null;
        at += 3;
        const inner = alternatives();
        if (!inner || source[at] !== ')') return null;
        at++;
        options = inner.flat();
      } else if (ch === '[') {
        const close = source.indexOf(']', at);
        if (close < 0) return null;
        const body = source.slice(at + 1, close);
        if (body.startsWith('^') || /\\|.-./.test(body)) return null;
        options = [...body];
        at = close + 1;
      } else if (ch === '\\') {
        const escaped = source[at + 1];
        at += 2;
        if (escaped === 'b') options = [''];
        else if (escaped === 's') options = [' '];
        else if (escaped !== undefined && /[.\-\\/()[\]?+*|]/.test(escaped)) options = [escaped];
        else return null;
      } else if (/[.*{}^$+?]/.test(ch)) {
        return null;
      } else {
        options = [ch];
        at++;
      }
      const quantifier = source[at];
      if (quantifier === '?') {
        options = [...options, ''];
        at++;
      } else if (quantifier === '+') {
        // one or more of a non-letter (white space): for the opening word, one is as good as many
        if (options.some((o) => /[A-Za-z]/.test(o))) return null;
        at++;
      } else if (quantifier === '*' || quantifier === '{') {
        return null;
      }
      push(options);
    }
    out.push(sequence);
    return out;
  };
  const result = alternatives();
  if (!result || at !== source.length) return null;
  return result.flat();
}

/** The run of ASCII letters a string opens with, lower case. */
function openingWord(text: string): string {
  let end = 0;
  while (end < text.length && ASCII_LETTER.test(text[end]!)) end++;
  return text.slice(0, end).toLowerCase();
}

/** The longest run looked up by a number: 27^6 keys stay small integers. */
const SHORT_WORD = 6;

/**
 * A number for a run of at most SHORT_WORD ASCII letters, the same for every mix of capitals and different for
 * different words: its letters in lower case as digits 1–26 in base 27.
 */
export function shortWordKey(text: string, start: number, end: number): number {
  let key = 0;
  for (let k = start; k < end; k++) key = key * 27 + ((text.charCodeAt(k) | 32) - 96);
  return key;
}

export class VocabularyMatcher {
  /** All patterns in one alternation: used as it is when a pattern's opening words cannot be told. */
  private readonly all: RegExp;
  /** Opening word → the patterns (in order) that can start with it. */
  private readonly byOpeningWord: Map<string, number[]> | null;
  private readonly sticky = new Map<string, RegExp>();
  private readonly stickyByList = new Map<number[], RegExp>();
  /** `byOpeningWord` of the opening words of up to SHORT_WORD letters, by `shortWordKey`: a run that short is looked up unsliced. */
  private readonly byShortWord = new Map<number, number[]>();
  /** The opening words, to pass over most runs without slicing them. */
  private readonly openingWords: WordFilter | null;
  /** Lengths of the shortest and longest opening words: a run of another length opens nothing. */
  private readonly shortestWord: number;
  private readonly longestWord: number;

  constructor(private readonly sources: readonly string[]) {
    this.all = new RegExp(sources.map((source) => `(?:${source})`).join('|'), 'gi');
    const byOpeningWord = new Map<string, number[]>();
    let known = true;
    sources.forEach((source, i) => {
      // a pattern that does not open at a word boundary could match inside a word
      const strings = source.startsWith('\\b') ? expand(source) : null;
      if (!strings) {
        known = false;
        return;
      }
      for (const word of new Set(strings.map(openingWord))) {
        if (word === '') known = false;
        const list = byOpeningWord.get(word) ?? [];
        list.push(i);
        byOpeningWord.set(word, list);
      }
    });
    this.byOpeningWord = known ? byOpeningWord : null;
    for (const [word, list] of byOpeningWord) if (word.length <= SHORT_WORD) this.byShortWord.set(shortWordKey(word, 0, word.length), list);
    this.openingWords = known ? new WordFilter(byOpeningWord.keys()) : null;
    const lengths = [...byOpeningWord.keys()].map((word) => word.length);
    this.shortestWord = Math.min(...lengths);
    this.longestWord = Math.max(...lengths);
  }

  /** Every match, left to right, as `text.matchAll` of the alternation would give them. */
  matches(text: string): VocabularyHit[] {
    const hits: VocabularyHit[] = [];
    if (!this.byOpeningWord) {
      for (const m of text.matchAll(this.all)) hits.push({ text: m[0], index: m.index });
      return hits;
    }
    const length = text.length;
    let i = 0;
    while (i < length) {
      // the next run of ASCII letters
      let code = text.charCodeAt(i) | 32;
      if (code < 97 || code > 122) {
        i++;
        continue;
      }
      const at = i;
      while (i < length && (code = text.charCodeAt(i) | 32) >= 97 && code <= 122) i++;
      if (i - at < this.shortestWord || i - at > this.longestWord || !this.openingWords!.mayHold(text, at, i)) continue;
      const candidates = i - at <= SHORT_WORD ? this.byShortWord.get(shortWordKey(text, at, i)) : this.byOpeningWord.get(text.slice(at, i).toLowerCase());
      if (!candidates) continue;
      const re = this.stickyFor(candidates);
      re.lastIndex = at;
      const hit = re.exec(text);
      if (hit) {
        hits.push({ text: hit[0], index: hit.index });
        i = hit.index + hit[0].length;
      }
    }
    return hits;
  }

  private stickyFor(candidates: number[]): RegExp {
    // by the list itself (the lists of byOpeningWord are kept): no key is built for a hit
    let re = this.stickyByList.get(candidates);
    if (!re) {
      const key = candidates.join(',');
      re = this.sticky.get(key);
      if (!re) {
        re = new RegExp(candidates.map((i) => `(?:${this.sources[i]!})`).join('|'), 'iy');
        this.sticky.set(key, re);
      }
      this.stickyByList.set(candidates, re);
    }
    return re;
  }
}
