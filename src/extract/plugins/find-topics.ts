import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { Block } from '../blocks.js';
import { storyBlocks } from '../blocks.js';
import { GAZETTEER, GAZETTEER_FORM_LENGTHS, mayOpenGazetteerForm } from '../lexicon/places.js';
import { TOPIC_VOCABULARY } from '../lexicon/topic-vocabulary.js';
import { VocabularyMatcher } from '../lexicon/vocabulary-matcher.js';
import { isLetterOrDigit, isWordJoiner } from '../text/char-classes.js';
import { fold } from '../text/fold.js';

/**
 * Tags the article with what it is about: places and organisations it names, phrases of the beat
 * (peace talks, ceasefire, sanctions …) and its hashtags. Nothing from page furniture.
 */
export default function remarkFindTopics() {
  return (_tree: Root, file: VFile): void => {
    const article = file.data.article!;
    article.topics = findTopics(file.data.blocks ?? [], article.title, file.data.hashtags ?? []);
  };
}

const MAX_TOPICS = 14;
function continuesWord(code: number): boolean {
  return isLetterOrDigit(code) || isWordJoiner(code);
}
/** Every vocabulary pattern, matched as one alternation would: one pass over the text finds them all. */
const VOCABULARY = new VocabularyMatcher(TOPIC_VOCABULARY.map((entry) => entry.pattern.source));
const ANCHORED = TOPIC_VOCABULARY.map((entry) => ({ re: new RegExp(`^(?:${entry.pattern.source})$`, 'i'), label: entry.label }));
/** Matched text → the first vocabulary entry matching all of it, remembered (the same phrases recur). */
const entryOfMatch = new Map<string, { label: string } | null>();

function vocabularyEntry(matched: string): { label: string } | null {
  let entry = entryOfMatch.get(matched);
  if (entry === undefined) {
    if (entryOfMatch.size > 20_000) entryOfMatch.clear();
    entry = ANCHORED.find((a) => a.re.test(matched)) ?? null;
    entryOfMatch.set(matched, entry);
  }
  return entry;
}

/**
 * Places and organisations named in capitals: the longest gazetteer form starting at each capitalised word (a word:
 * a run of a letter or digit, then those, dots, apostrophes and hyphens, as `scanRuns(text, isLetterOrDigit,
 * continuesWord, …)` finds them). Only the words opening with a capital are found as such; the words after one are
 * read when a form may go on to them.
 */
export function gazetteerLabels(text: string): string[] {
  const labels: string[] = [];
  const n = text.length;
  // the words of a phrase being read: where each starts and ends, its form for the gazetteer once worked out
  const starts: number[] = [];
  const ends: number[] = [];
  const lowers: string[] = [];
  let i = 0;
  while (i < n) {
    // the next capital ASCII letter or other character that may open a word
    const unit = text.charCodeAt(i);
    if (unit < 65 || (unit > 90 && unit < 128)) {
      i++;
      continue;
    }
    const start = i;
    const code = unit < 128 ? unit : text.codePointAt(i)!;
    const width = code > 0xffff ? 2 : 1;
    // a word opens here: a letter or digit not inside a word (no letter or digit before it, dots, apostrophes and hyphens aside)
    if (!(unit < 128 || isLetterOrDigit(code)) || insideWord(text, start)) {
      i += width;
      continue;
    }
    const end = runEnd(text, start + width);
    if (!opensWithCapital(text, start) || !mayOpenGazetteerForm(text, start, end)) {
      i = end;
      continue;
    }
    starts.length = 0;
    ends.length = 0;
    lowers.length = 0;
    starts.push(start);
    ends.push(end);
    // only forms opened by this word, of a length it opens, are looked up
    const lengths = GAZETTEER_FORM_LENGTHS.get(gazetteerKey(text, starts, ends, lowers, 0));
    if (!lengths) {
      i = end;
      continue;
    }
    // the three words after it (fewer at the end of the text)
    for (let k = 1; k < 4; k++) {
      const next = nextRunStart(text, ends[k - 1]!);
      if (next < 0) break;
      starts.push(next);
      ends.push(runEnd(text, next + (text.codePointAt(next)! > 0xffff ? 2 : 1)));
    }
    let taken = 1;
    for (let words = starts.length; words >= 1; words--) {
      // only the gap before the phrase's last word is checked (as ever)
      if (!lengths.has(words) || (words > 1 && !(starts[words - 1]! - ends[words - 2]! === 1 && text.charCodeAt(starts[words - 1]! - 1) === 32))) continue;
      let key = gazetteerKey(text, starts, ends, lowers, 0);
      for (let k = 1; k < words; k++) key += ' ' + gazetteerKey(text, starts, ends, lowers, k);
      const entry = GAZETTEER.get(key);
      if (entry) {
        labels.push(entry.label);
        taken = words;
        break;
      }
    }
    i = ends[taken - 1]!;
  }
  return labels;
}

/** The `k`th word of a phrase as the gazetteer has it, worked out once. */
function gazetteerKey(text: string, starts: number[], ends: number[], lowers: string[], k: number): string {
  return (lowers[k] ??= gazetteerWord(text.slice(starts[k]!, ends[k]!)).toLowerCase());
}

/** Whether the letter or digit at `at` is inside a word: a letter or digit before it, with only dots, apostrophes and hyphens between. */
function insideWord(text: string, at: number): boolean {
  let k = at;
  while (k > 0) {
    const before = text.charCodeAt(k - 1);
    if (isWordJoiner(before)) {
      k--;
      continue;
    }
    if (before < 128) return (before >= 97 && before <= 122) || (before >= 65 && before <= 90) || (before >= 48 && before <= 57);
    // the code point ending at k (a surrogate pair read whole)
    const low = before;
    let point = low;
    if (low >= 0xdc00 && low <= 0xdfff && k >= 2) {
      const high = text.charCodeAt(k - 2);
      if (high >= 0xd800 && high <= 0xdbff) point = ((high - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
    }
    return isLetterOrDigit(point);
  }
  return false;
}

/** Where the word going on at `from` ends (its letters, digits, dots, apostrophes and hyphens). */
function runEnd(text: string, from: number): number {
  const n = text.length;
  let i = from;
  while (i < n) {
    const next = text.charCodeAt(i);
    if (next < 128) {
      if (!((next >= 97 && next <= 122) || (next >= 65 && next <= 90) || (next >= 48 && next <= 57) || next === 39 || next === 45 || next === 46)) break;
      i++;
    } else {
      const code = text.codePointAt(i)!;
      if (!continuesWord(code)) break;
      i += code > 0xffff ? 2 : 1;
    }
  }
  return i;
}

/** Where the next word starts at or after `from` (a letter or digit), or -1. */
function nextRunStart(text: string, from: number): number {
  const n = text.length;
  let i = from;
  while (i < n) {
    const unit = text.charCodeAt(i);
    if (unit < 128) {
      if ((unit >= 97 && unit <= 122) || (unit >= 65 && unit <= 90) || (unit >= 48 && unit <= 57)) return i;
      i++;
    } else {
      const code = text.codePointAt(i)!;
      if (isLetterOrDigit(code)) return i;
      i += code > 0xffff ? 2 : 1;
    }
  }
  return -1;
}

/** The word without a possessive, and without a full stop unless it is an initialism ("U.S."). */
function gazetteerWord(raw: string): string {
  const word = raw.replace(/['’]s$/u, '');
  return word.endsWith('.') && !/^(?:\p{L}\.)+$/u.test(raw) ? word.slice(0, -1) : word;
}

/** Whether the word at `start` opens with a capital letter (`/^\p{Lu}/u`). */
function opensWithCapital(text: string, start: number): boolean {
  const code = text.charCodeAt(start);
  if (code >= 97 && code <= 122) return false;
  if (code >= 65 && code <= 90) return true;
  // two code units: the whole of a character written as a surrogate pair
  return /^\p{Lu}/u.test(text.slice(start, start + 2));
}

function capitalise(label: string): string {
  const text = label.replace(/\s+/g, ' ').trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const labelKeys = new Map<string, string>();

/** A label folded for counting, remembered (labels come from a small vocabulary). */
function labelKey(label: string): string {
  let key = labelKeys.get(label);
  if (key === undefined) {
    if (labelKeys.size > 20_000) labelKeys.clear();
    key = fold(label);
    labelKeys.set(label, key);
  }
  return key;
}

interface Tally {
  label: string;
  count: number;
  /** A phrase of the beat rather than a place or a body. */
  phrase: boolean;
  inTitle: boolean;
  first: number;
}

export function findTopics(blocks: Block[], title: string, hashtags: string[]): string[] {
  const tallies = new Map<string, Tally>();
  let position = 0;
  const count = (label: string, inTitle: boolean, phrase: boolean): void => {
    const key = labelKey(label);
    const tally = tallies.get(key) ?? { label, count: 0, inTitle: false, first: position++, phrase };
    tally.count += 1;
    tally.inTitle ||= inTitle;
    tallies.set(key, tally);
  };
  const scan = (text: string, inTitle: boolean): void => {
    for (const label of gazetteerLabels(text)) count(label, inTitle, false);
    for (const hit of VOCABULARY.matches(text)) {
      const entry = vocabularyEntry(hit.text);
      if (entry) count(entry.label === '$0' ? capitalise(hit.text.replace(/\b(?!(?:[A-Z]{2,}|[A-Z]\.)+\b)\w+/g, (w) => w.toLowerCase())) : entry.label, inTitle, true);
    }
  };
  scan(title, true);
  for (const block of storyBlocks(blocks)) scan(block.text, false);
  for (const tag of hashtags) {
    const entry = GAZETTEER.get(tag.toLowerCase());
    count(entry ? entry.label : capitalise(tag.replace(/_/g, ' ')), false, !entry);
  }
  // a place named again and again is no more a topic than a phrase of the beat named once
  if (tallies.size === 0) return [];
  const ranked = [...tallies.values()]
    .map((t) => ({ ...t, score: (t.phrase ? 1 + t.count : Math.min(t.count, 4)) + (t.inTitle ? 3 : 0) }))
    .sort((a, b) => b.score - a.score || a.first - b.first);
  return ranked.slice(0, MAX_TOPICS).map((t) => t.label);
}
