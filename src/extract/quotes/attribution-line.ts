import { GAZETTEER } from '../lexicon/places.js';
import { ROLE_HEADS } from '../lexicon/roles.js';
import { findMentions, hasRoleNoun, type Mention } from '../people/find-mentions.js';
import type { Entity, PersonRegistry } from '../people/registry.js';
import { wordCount } from '../text/fold.js';

/** `/[.!?:;"“”]$/.test(text)`: the text ends with a sentence's mark, a colon or a quotation mark. */
export function endsWithMark(text: string): boolean {
  const last = text.length > 0 ? text.charCodeAt(text.length - 1) : 0;
  return last === 46 || last === 33 || last === 63 || last === 58 || last === 59 || last === 34 || last === 0x201c || last === 0x201d;
}

/**
 * The line without its dash or bullet, and the one name in it, when the line has the shape of an attribution line
 * (short, no sentence's end, one person named); null when it cannot be one, whoever the article names.
 */
export function attributionLineName(text: string): { line: string; mention: Mention } | null {
  const line = text.replace(/^[\s\-–—~•*]+/, '').trim();
  // (the last character first: a story's paragraph ends with a full stop, and its words are not counted)
  if (!line || endsWithMark(line) || wordCount(line) > 10) return null;
  const mentions = findMentions(line).filter((m) => m.kind === 'person' || m.kind === 'surname');
  return mentions.length === 1 ? { line, mention: mentions[0]! } : null;
}

/**
 * A line that only names who spoke the paragraph above it: "Kremlin spokesman Dmitry Peskov",
 * "— Dmitry Peskov, Kremlin spokesman". Returns the person, or null when the line is anything else.
 */
export function attributionLinePerson(text: string, registry: PersonRegistry): Entity | null {
  const named = attributionLineName(text);
  if (!named) return null;
  const { line, mention } = named;
  const person = registry.find(mention.name, 'person');
  if (!person) return null;
  const rest = (line.slice(0, mention.start) + ' ' + line.slice(mention.end)).split(/[\s,]+/).filter(Boolean);
  const roleLike = rest.every((w) => {
    const bare = w.replace(/['’]s$/u, '').toLowerCase();
    return ROLE_HEADS.has(bare) || GAZETTEER.has(bare) || /^\p{Lu}/u.test(w) || ['of', 'to', 'for', 'the', 'and', 'at', 'in'].includes(bare) || bare.startsWith('spokes');
  });
  return roleLike ? person : null;
}

/** A line that is only a role ("Kremlin spokesman"), as the second line of a two-line attribution. */
export function isRoleLine(text: string): boolean {
  const line = text.trim();
  return !endsWithMark(line) && wordCount(line) <= 7 && hasRoleNoun(line);
}
