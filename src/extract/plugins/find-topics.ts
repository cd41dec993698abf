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

const MAX_TOPICS = 12;
const GAZETTEER_FORM = buildGazetteerPattern();

function buildGazetteerPattern(): RegExp {
  const forms = [...GAZETTEER.keys()].sort((a, b) => b.length - a.length).map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${forms.join('|')})(?:['’]s)?(?![\\p{L}\\p{N}])`, 'giu');
}

function capitalise(label: string): string {
  const text = label.replace(/\s+/g, ' ').trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

interface Tally {
  label: string;
  count: number;
  inTitle: boolean;
  first: number;
}

export function findTopics(blocks: Block[], title: string, hashtags: string[]): string[] {
  const tallies = new Map<string, Tally>();
  let position = 0;
  const count = (label: string, inTitle: boolean, weight: number): void => {
    const key = fold(label);
    const tally = tallies.get(key) ?? { label, count: 0, inTitle: false, first: position++ };
    tally.count += weight;
    tally.inTitle ||= inTitle;
    tallies.set(key, tally);
  };
  const scan = (text: string, inTitle: boolean): void => {
    GAZETTEER_FORM.lastIndex = 0;
    for (const m of text.matchAll(GAZETTEER_FORM)) {
      const form = m[0].replace(/['’]s$/u, '');
      // a lower-case match of a capitalised place is a common word ("turkey", "gulf")
      if (!/^\p{Lu}/u.test(form)) continue;
      const entry = GAZETTEER.get(form.toLowerCase());
      if (entry) count(entry.label, inTitle, 1);
    }
    for (const { pattern, label } of TOPIC_VOCABULARY) {
      pattern.lastIndex = 0;
      for (const m of text.matchAll(pattern)) count(label === '$0' ? capitalise(m[0].toLowerCase()) : label, inTitle, 2);
    }
  };
  scan(title, true);
  for (const block of storyBlocks(blocks)) scan(block.text, false);
  for (const tag of hashtags) {
    const entry = GAZETTEER.get(tag.toLowerCase());
    count(entry ? entry.label : capitalise(tag.replace(/_/g, ' ')), false, 1);
  }
  const ranked = [...tallies.values()]
    .map((t) => ({ ...t, score: t.count + (t.inTitle ? 3 : 0) }))
    .sort((a, b) => b.score - a.score || a.first - b.first);
  return ranked.slice(0, MAX_TOPICS).map((t) => t.label);
}
