import { describe, expect, it } from 'vitest';
import { TOPIC_VOCABULARY } from '../src/extract/lexicon/topic-vocabulary.js';
import { VocabularyMatcher } from '../src/extract/lexicon/vocabulary-matcher.js';
import { anyPattern } from '../src/extract/text/any-pattern.js';
import { isLetterMarkOrDigit, isLetterOrDigit, isWordJoiner, scanRuns } from '../src/extract/text/char-classes.js';
import { fold, wordCount } from '../src/extract/text/fold.js';

/** Deterministic strings built from pieces that matter to the fast paths (ASCII, accents, marks, astral letters, joiners). */
function* samples(pieces: readonly string[], count: number, seed = 1): Generator<string> {
  let state = seed;
  const next = (n: number): number => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
  for (let i = 0; i < count; i++) {
    let text = '';
    const length = next(14);
    for (let k = 0; k < length; k++) text += pieces[next(pieces.length)]!;
    yield text;
  }
}

const PIECES = ['a', 'Z', '9', ' ', '.', "'", '’', '-', '--', 'é', 'e\u0301', '\u0301', '𝑎', '\ud835', 'ß', '中', '\u00a0', '“', '_', 'İ', '🙂', "'s", 'x-y'];

describe('fast paths give what the regular expressions they replace give', () => {
  it('scanRuns finds the runs of a word pattern', () => {
    const word = /[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}'’\-.]*/gu;
    for (const text of samples(PIECES, 5000)) {
      const runs: [number, number][] = [];
      scanRuns(text, isLetterMarkOrDigit, (c) => isLetterMarkOrDigit(c) || isWordJoiner(c), (start, end) => runs.push([start, end]));
      expect(runs).toEqual([...text.matchAll(word)].map((m) => [m.index, m.index + m[0].length]));
    }
  });

  it('wordCount counts the matches of its word pattern', () => {
    const words = /[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu;
    for (const text of samples(PIECES, 5000, 2)) expect(wordCount(text)).toBe([...text.matchAll(words)].length);
    expect(isLetterOrDigit('٣'.codePointAt(0)!)).toBe(true);
  });

  it('fold of ASCII text is the full folding', () => {
    expect(fold('  The  “Kremlin”\tSaid ')).toBe('the "kremlin" said');
    expect(fold('  The  Kremlin\tSaid ')).toBe('the kremlin said');
  });

  it('the vocabulary matcher finds what one alternation of all patterns finds', () => {
    const sources = TOPIC_VOCABULARY.map((entry) => entry.pattern.source);
    const all = new RegExp(sources.map((source) => `(?:${source})`).join('|'), 'gi');
    const matcher = new VocabularyMatcher(sources);
    const words = [...new Set(sources.join(' ').toLowerCase().match(/[a-z]+/g) ?? [])];
    const pieces = [...words.map((w) => `${w} `), ...words.map((w) => w.toUpperCase()), ' ', '-', '.', 'U.S. ', '1', 'é'];
    for (const text of samples(pieces, 5000, 3)) {
      expect(matcher.matches(text)).toEqual([...text.matchAll(all)].map((m) => ({ text: m[0], index: m.index })));
    }
  });

  it('a pattern it cannot read makes the matcher fall back to the alternation', () => {
    const matcher = new VocabularyMatcher(['\\bwar\\b', 'peace.*talks']);
    expect(matcher.matches('peace, then talks of war')).toEqual([{ text: 'peace, then talks', index: 0 }, { text: 'war', index: 21 }]);
  });

  it('anyPattern answers as testing each pattern does', () => {
    const patterns = [/^share\b/i, /\bcookies?\b/i, /©\s*\d{4}$/u, /^[A-Z]{2,}$/];
    const any = anyPattern(patterns);
    for (const text of ['Share this', 'We use cookies.', 'x © 2024', 'NATO', 'Nato', 'nothing here']) {
      expect(any(text)).toBe(patterns.some((re) => re.test(text)));
    }
    expect(() => anyPattern([/x/g])).toThrow();
  });
});
