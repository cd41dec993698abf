import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { Block } from '../blocks.js';
import { storyBlocks } from '../blocks.js';
import { GAZETTEER } from '../lexicon/places.js';
import { TOPIC_VOCABULARY } from '../lexicon/topic-vocabulary.js';
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
const WORD = /[\p{L}\p{N}][\p{L}\p{N}.'’\-]*/gu;
/** Every vocabulary pattern in one alternation: one pass over the text finds them all. */
const VOCABULARY = new RegExp(TOPIC_VOCABULARY.map((entry) => `(?:${entry.pattern.source})`).join('|'), 'gi');
const ANCHORED = TOPIC_VOCABULARY.map((entry) => ({ re: new RegExp(`^(?:${entry.pattern.source})$`, 'i'), label: entry.label }));

/** Places and organisations named in capitals: the longest gazetteer form starting at each capitalised word. */
function gazetteerLabels(text: string): string[] {
  const words = [...text.matchAll(WORD)].map((m) => ({ text: m[0].replace(/['’]s$/u, '').replace(/\.$/, (d) => (/^(?:\p{L}\.)+$/u.test(m[0]) ? d : '')), start: m.index, end: m.index + m[0].length }));
  const labels: string[] = [];
  for (let i = 0; i < words.length; i++) {
    if (!/^\p{Lu}/u.test(words[i]!.text)) continue;
    for (let n = Math.min(4, words.length - i); n >= 1; n--) {
      if (n > 1 && !/^ $/.test(text.slice(words[i + n - 2]!.end, words[i + n - 1]!.start))) continue;
      const entry = GAZETTEER.get(words.slice(i, i + n).map((w) => w.text).join(' ').toLowerCase());
      if (entry) {
        labels.push(entry.label);
        i += n - 1;
        break;
      }
    }
  }
  return labels;
}

function capitalise(label: string): string {
  const text = label.replace(/\s+/g, ' ').trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
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
    const key = fold(label);
    const tally = tallies.get(key) ?? { label, count: 0, inTitle: false, first: position++, phrase };
    tally.count += 1;
    tally.inTitle ||= inTitle;
    tallies.set(key, tally);
  };
  const scan = (text: string, inTitle: boolean): void => {
    for (const label of gazetteerLabels(text)) count(label, inTitle, false);
    for (const m of text.matchAll(VOCABULARY)) {
      const entry = ANCHORED.find((a) => a.re.test(m[0]));
      if (entry) count(entry.label === '$0' ? capitalise(m[0].replace(/\b(?!(?:[A-Z]{2,}|[A-Z]\.)+\b)\w+/g, (w) => w.toLowerCase())) : entry.label, inTitle, true);
    }
  };
  scan(title, true);
  for (const block of storyBlocks(blocks)) scan(block.text, false);
  for (const tag of hashtags) {
    const entry = GAZETTEER.get(tag.toLowerCase());
    count(entry ? entry.label : capitalise(tag.replace(/_/g, ' ')), false, !entry);
  }
  // a place named again and again is no more a topic than a phrase of the beat named once
  const ranked = [...tallies.values()]
    .map((t) => ({ ...t, score: (t.phrase ? 1 + t.count : Math.min(t.count, 4)) + (t.inTitle ? 3 : 0) }))
    .sort((a, b) => b.score - a.score || a.first - b.first);
  return ranked.slice(0, MAX_TOPICS).map((t) => t.label);
}
