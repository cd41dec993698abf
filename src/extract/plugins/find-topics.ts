import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { Block } from '../blocks.js';
import { storyBlocks } from '../blocks.js';
import { GAZETTEER, GAZETTEER_FORM_LENGTHS, mayOpenGazetteerForm } from '../lexicon/places.js';
import { TOPIC_VOCABULARY } from '../lexicon/topic-vocabulary.js';
import { VocabularyMatcher } from '../lexicon/vocabulary-matcher.js';
import { isLetterOrDigit, isWordJoiner, scanRuns } from '../text/char-classes.js';
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

/** Places and organisations named in capitals: the longest gazetteer form starting at each capitalised word. */
function gazetteerLabels(text: string): string[] {
  // where the words are; a word is sliced, and its form for the gazetteer worked out, only when a phrase reaches it
  const starts: number[] = [];
  const ends: number[] = [];
  // the runs of a letter or digit, then those, dots, apostrophes and hyphens
  scanRuns(text, isLetterOrDigit, continuesWord, (start, end) => {
    starts.push(start);
    ends.push(end);
  });
  const count = starts.length;
  const lowers: (string | undefined)[] = new Array<string | undefined>(count);
  const lower = (k: number): string => (lowers[k] ??= gazetteerWord(text.slice(starts[k]!, ends[k]!)).toLowerCase());
  // only a single space between a word and the one before it
  const spaceBefore = (k: number): boolean => starts[k]! - ends[k - 1]! === 1 && text.charCodeAt(starts[k]! - 1) === 32;
  const labels: string[] = [];
  for (let i = 0; i < count; i++) {
    if (!opensWithCapital(text, starts[i]!)) continue;
    // a word of ASCII letters that opens no form is passed over unsliced (a possessive or a dot: read as ever)
    if (!mayOpenGazetteerForm(text, starts[i]!, ends[i]!)) continue;
    // only forms opened by this word, of a length it opens, are looked up
    const lengths = GAZETTEER_FORM_LENGTHS.get(lower(i));
    if (!lengths) continue;
    for (let n = Math.min(4, count - i); n >= 1; n--) {
      // only the gap before the phrase's last word is checked (as ever)
      if (!lengths.has(n) || (n > 1 && !spaceBefore(i + n - 1))) continue;
      let key = lower(i);
      for (let k = i + 1; k < i + n; k++) key += ' ' + lower(k);
      const entry = GAZETTEER.get(key);
      if (entry) {
        labels.push(entry.label);
        i += n - 1;
        break;
      }
    }
  }
  return labels;
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
