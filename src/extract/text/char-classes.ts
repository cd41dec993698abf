/**
 * Classes of characters the tokenisers ask about, by code point: plain ASCII answered directly, any
 * other character by its Unicode property once, then remembered.
 */

const LETTER_MARK_OR_DIGIT = /^[\p{L}\p{M}\p{N}]$/u;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const LETTER = /^\p{L}$/u;
const letterMarkOrDigit = new Map<number, boolean>();
const letters = new Map<number, boolean>();
const letterOrDigit = new Map<number, boolean>();

function isAsciiAlphanumeric(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
}

function remembered(cache: Map<number, boolean>, test: RegExp, code: number): boolean {
  let answer = cache.get(code);
  if (answer === undefined) {
    answer = test.test(String.fromCodePoint(code));
    cache.set(code, answer);
  }
  return answer;
}

/** `[\p{L}\p{M}\p{N}]` (with the `u` flag) for one code point. */
export function isLetterMarkOrDigit(code: number): boolean {
  if (code < 128) return isAsciiAlphanumeric(code);
  return remembered(letterMarkOrDigit, LETTER_MARK_OR_DIGIT, code);
}

/** `[\p{L}\p{N}]` (with the `u` flag) for one code point. */
export function isLetterOrDigit(code: number): boolean {
  if (code < 128) return isAsciiAlphanumeric(code);
  return remembered(letterOrDigit, LETTER_OR_DIGIT, code);
}

/** `\p{L}` (with the `u` flag) for one code point. */
export function isLetter(code: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return remembered(letters, LETTER, code);
}

/** A word's inner punctuation as the tokenisers allow it: apostrophes, hyphen, full stop. */
export function isWordJoiner(code: number): boolean {
  return code === 39 || code === 0x2019 || code === 45 || code === 46;
}

/** Answers of a test of code points for the ASCII ones, worked out once per test (the tests are pure). */
const asciiAnswers = new WeakMap<(code: number) => boolean, Uint8Array>();

function asciiTable(test: (code: number) => boolean): Uint8Array {
  let table = asciiAnswers.get(test);
  if (!table) {
    table = new Uint8Array(128);
    for (let code = 0; code < 128; code++) table[code] = test(code) ? 1 : 0;
    asciiAnswers.set(test, table);
  }
  return table;
}

/**
 * Each run that opens with a character `opens` accepts and goes on while `continues` accepts, as a global
 * regular expression would find it. The tests must be pure functions of the code point: their answers for
 * ASCII are read from a table.
 */
export function scanRuns(text: string, opens: (code: number) => boolean, continues: (code: number) => boolean, visit: (start: number, end: number) => void): void {
  const opensAscii = asciiTable(opens);
  const continuesAscii = asciiTable(continues);
  let i = 0;
  const n = text.length;
  while (i < n) {
    const start = i;
    const unit = text.charCodeAt(i);
    if (unit < 128) {
      i++;
      if (opensAscii[unit] === 0) continue;
    } else {
      const code = text.codePointAt(i)!;
      i += code > 0xffff ? 2 : 1;
      if (!opens(code)) continue;
    }
    while (i < n) {
      const next = text.charCodeAt(i);
      if (next < 128) {
        if (continuesAscii[next] === 0) break;
        i++;
      } else {
        const code = text.codePointAt(i)!;
        if (!continues(code)) break;
        i += code > 0xffff ? 2 : 1;
      }
    }
    visit(start, i);
  }
}
