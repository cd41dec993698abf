import { GAZETTEER } from '../lexicon/places.js';
import { ORG_HEADS, ROLE_HEADS } from '../lexicon/roles.js';
import { wordCount } from '../text/fold.js';
import { hasRoleNoun, type Mention } from './find-mentions.js';

const CONNECTORS = new Set(['of', 'to', 'for', 'on', 'and', 'the', '-']);

/**
 * The role written around a name: before it ("Kremlin spokesman Dmitry Peskov", "Russia’s ambassador
 * to Washington, Anatoly Antonov") or as an apposition after it ("Dmitry Peskov, the Presidential
 * Press Secretary,"). Null when none.
 */
export function roleAround(text: string, mention: Mention): string | null {
  return roleBefore(text, mention) ?? roleAfter(text, mention);
}

function isRoleWord(word: string): boolean {
  const w = word.replace(/['’]s$/u, '').toLowerCase();
  return ROLE_HEADS.has(w) || GAZETTEER.has(w) || /^(?:\p{L}\.)+$/u.test(word) || w.startsWith('spokes');
}

function roleBefore(text: string, mention: Mention): string | null {
  // a role is written close to the name: read a bounded stretch, so long paragraphs stay linear
  const before = text.slice(Math.max(0, mention.start - 160), mention.start);
  // "…, Russia’s ambassador to Washington, Anatoly Antonov"
  // (the pattern ends with a comma and spaces: a stretch not ending so is not read)
  const comma = endsWithComma(before) ? /(?:^|[,;:.]\s+|\b(?:and|but|while|as)\s+)((?:the\s+|a\s+)?[^,;:.“”"]{3,80}?),\s*$/u.exec(before) : null;
  if (comma) {
    const phrase = comma[1]!.replace(/^(?:the|a|an|in turn|meanwhile|however)\s+/i, '').trim();
    const first = phrase.split(/\s+/)[0] ?? '';
    if (wordCount(phrase) <= 8 && hasRoleNoun(phrase) && (isRoleWord(first) || /['’]s$/u.test(first) || /^\p{Lu}/u.test(first))) return phrase;
  }
  // words right before the run: "security council chief Rustem Umerov", "Kremlin spokesman Dmitry Peskov"
  // the word right before the run decides most often: not a role's word (nothing taken yet), no role (nothing more read)
  const last = lastWord(before);
  if (last === null || !mayEndRole(last)) return null;
  // at most seven words are taken, and one more read to stop: only the last eight are needed
  return roleOfWords(lastWords(before, 8));
}

/** Whether a role may end with this word (`roleOfWords` of words ending with one that may not is null). */
export function mayEndRole(word: string): boolean {
  return !/[,;:.!?“”"()]$/.test(word) && isRoleWord(word);
}

/** The role the words before a name end with ("Kremlin spokesman"), read from the last word back, or null. */
export function roleOfWords(words: readonly string[]): string | null {
  const taken: string[] = [];
  for (let i = words.length - 1; i >= 0 && taken.length < 7; i--) {
    const word = words[i]!;
    if (/[,;:.!?“”"()]$/.test(word)) break;
    const lower = word.toLowerCase();
    if (isRoleWord(word) || (CONNECTORS.has(lower) && lower !== 'and' && taken.length > 0) || (/['’]s$/u.test(word) && taken.length > 0)) {
      taken.unshift(word);
      continue;
    }
    // capitalised words of a title or a body: "Special Representative for Eurasian Affairs", "Russian Foreign Ministry spokeswoman"
    if (/^\p{Lu}/u.test(word) && taken.length > 0 && (ORG_HEADS.has(lower) || /^\p{Lu}/u.test(taken[0]!) || CONNECTORS.has(taken[0]!.toLowerCase()))) {
      taken.unshift(word);
      continue;
    }
    break;
  }
  while (taken.length && CONNECTORS.has(taken[0]!.toLowerCase())) taken.shift();
  const phrase = taken.join(' ');
  return phrase && hasRoleNoun(phrase) ? phrase : null;
}

/** The last word (run of non-space) of a text, or null: `lastWords(text, 1)[0] ?? null`. */
export function lastWord(text: string): string | null {
  let end = text.length;
  while (end > 0 && isSpace(text[end - 1]!)) end--;
  if (end === 0) return null;
  let start = end;
  while (start > 0 && !isSpace(text[start - 1]!)) start--;
  return text.slice(start, end);
}

/** The last `count` words (runs of non-space) of a text, in order: the end of `text.split(/\s+/).filter(Boolean)`. */
export function lastWords(text: string, count: number): string[] {
  const words: string[] = [];
  let end = text.length;
  while (words.length < count) {
    while (end > 0 && isSpace(text[end - 1]!)) end--;
    if (end === 0) break;
    let start = end;
    while (start > 0 && !isSpace(text[start - 1]!)) start--;
    words.push(text.slice(start, end));
    end = start;
  }
  return words.reverse();
}

const SPACE = /\s/;

/** `/,\s*$/.test(text)`. */
export function endsWithComma(text: string): boolean {
  let end = text.length;
  while (end > 0 && isSpace(text[end - 1]!)) end--;
  return end > 0 && text.charCodeAt(end - 1) === 44;
}

function isSpace(ch: string): boolean {
  const code = ch.charCodeAt(0);
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return SPACE.test(ch);
}

function roleAfter(text: string, mention: Mention): string | null {
  // (an apposition opens with a comma right after the name: without one, nothing is sliced or matched)
  if (mention.possessive || text.charCodeAt(mention.end) !== 44) return null;
  const after = text.slice(mention.end, mention.end + 160);
  const m = /^,\s*((?:the\s+|a\s+)?[^,;:.“”"()]{3,80}?)(?:,|\.|;|$)/u.exec(after);
  if (!m) return null;
  const phrase = m[1]!.replace(/^(?:the|a|an)\s+/i, '').trim();
  if (wordCount(phrase) > 8 || !hasRoleNoun(phrase)) return null;
  const first = phrase.split(/\s+/)[0] ?? '';
  if (!isRoleWord(first) && !/['’]s$/u.test(first) && !/^\p{Lu}/u.test(first)) return null;
  if (/\b(?:said|says|told|added|who|which|that)\b/i.test(phrase)) return null;
  return phrase;
}
