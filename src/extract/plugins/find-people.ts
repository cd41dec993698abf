import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { Block } from '../blocks.js';
import { storyBlocks } from '../blocks.js';
import { blockMentions, hasRoleNoun } from '../people/find-mentions.js';
import { PersonRegistry } from '../people/registry.js';
import { roleAround } from '../people/roles-in-context.js';
import { HONORIFICS } from '../lexicon/roles.js';
import { wordCount } from '../text/fold.js';

/**
 * Finds the people and organisations the story names, with their roles: full names first, then
 * surnames and other spellings resolved to them (Zelenskiy → Volodymyr Zelensky).
 */
export default function remarkFindPeople() {
  return (_tree: Root, file: VFile): void => {
    const registry = findPeople(file.data.blocks ?? []);
    file.data.people = registry;
    file.data.article!.people = registry.people();
  };
}

/** `/[.!?]["”’)]?$/.test(text)`, read from the text's last two characters. */
export function endsSentence(text: string): boolean {
  const n = text.length;
  let last = n > 0 ? text.charCodeAt(n - 1) : 0;
  if ((last === 34 || last === 0x201d || last === 0x2019 || last === 41) && n >= 2) last = text.charCodeAt(n - 2);
  return last === 46 || last === 33 || last === 63;
}

/** A headline-style line in Title Case: its capitalised words are not names. */
export function isTitleCase(text: string): boolean {
  if (endsSentence(text.trim())) return false;
  const words = text.split(/\s+/).filter((w) => /^\p{L}{4,}/u.test(w));
  if (words.length < 4) return false;
  return words.filter((w) => /^\p{Lu}/u.test(w)).length / words.length > 0.7;
}

/** An honorific as the last word of the words before a surname, or a role among them. */
function prefixEvidence(prefix: string): boolean {
  const prefixWord = prefix.split(/\s+/).pop()?.replace(/\.$/, '').toLowerCase() ?? '';
  return HONORIFICS.has(prefixWord) || hasRoleNoun(prefix);
}

export function findPeople(blocks: Block[]): PersonRegistry {
  const registry = new PersonRegistry();
  const story = storyBlocks(blocks).filter((b) => !isTitleCase(b.text));
  const surnames: { block: Block; name: string; role: string | null; evidence: boolean }[] = [];
  // "Rapid Support Forces (RSF)": the letters in brackets are another name of what precedes them
  for (const block of story) {
    if (!block.text.includes('(')) continue;
    for (const m of block.text.matchAll(/((?:\p{Lu}[\p{L}'’.-]*\s+(?:(?:of|for|and|the)\s+)?){1,7})\((\p{Lu}{2,7})\)/gu)) {
      const full = m[1]!.trim();
      const entity = registry.find(full) ?? null;
      if (entity) registry.addAlias(entity, m[2]!);
      else if (full.split(/\s+/).length >= 2) registry.addAlias(registry.add(full, 'organisation', null, block.index), m[2]!);
    }
  }
  for (const block of story) {
    for (const mention of blockMentions(block)) {
      if (mention.kind === 'person') {
        registry.add(mention.name, 'person', roleAround(block.text, mention), block.index);
      } else if (mention.kind === 'organisation' && wordCount(mention.name) >= 1) {
        registry.add(mention.name, 'organisation', null, block.index);
      } else if (mention.kind === 'surname') {
        const role = roleAround(block.text, mention);
        // the word before the name read only when needed, and not at all when there is none (most surnames)
        const evidence = mention.beforeSpeechVerb || Boolean(role) || (mention.prefix !== '' && prefixEvidence(mention.prefix));
        surnames.push({ block, name: mention.name, role, evidence });
      }
    }
  }
  for (const { block, name, role, evidence } of surnames) {
    const known = registry.find(name, 'person');
    if (known) registry.add(name, 'person', role, block.index);
    else if (evidence) registry.add(name, 'person', role, block.index);
  }
  return registry;
}
