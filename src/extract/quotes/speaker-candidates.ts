import type { Mention } from '../people/find-mentions.js';
import type { Entity, PersonRegistry } from '../people/registry.js';
import { GAZETTEER } from '../lexicon/places.js';
import { ROLE_NOUNS, SPEAKING_ORG_NOUNS } from '../lexicon/roles.js';
import { isLetter, isLetterOrDigit } from '../text/char-classes.js';
import { WordFilter } from '../text/word-filter.js';

/** Something in the text that can be the speaker of a quotation. */
export interface Candidate {
  start: number;
  end: number;
  kind: 'pronoun' | 'entity' | 'role' | 'organisation-noun' | 'unknown';
  entity: Entity | null;
  /** A possessive ("Zelensky’s", "the agency’s") directly followed by a word for a statement. */
  statementOwner: boolean;
  possessive: boolean;
  /** For a pronoun written otherwise ("her office"): the pronoun it stands for. */
  pronoun?: string;
  /** "Netanyahu’s office": speaks for the person named. */
  office?: boolean;
}

const STATEMENT_NOUN = /^\s+(?:[\p{L}\-]+\s+){0,2}?(?:statement|statements|remarks|comments|words|message|post|speech|address|letter|claim|claims|reply|response|answer|interview|tweet|announcement|communiqué|communique|note|release)\b/iu;
export const ROLE_NP = /(?<![\p{L}\p{N}])(?:the|a|an|The|A|An|\p{Lu}[\p{L}\-]*['’]s)\s+((?:[\p{L}.’'\-,;:]+\s*){1,5})/gu;
const GENERIC_ORG_NOUNS = new Set(['agency', 'service', 'organization', 'organisation', 'group', 'movement', 'body', 'office']);

/**
 * The name of a body written as a noun phrase with modifiers: "the Israeli military" → "Israeli
 * military", "Oman’s foreign ministry", "the Russian embassy in Ankara". Null for a bare "the ministry".
 */
function organisationName(text: string, npStart: number, headEnd: number, headAt: number): { name: string; end: number } | null {
  if (headAt === 0) {
    // a possessive place before the article's noun: "Oman’s foreign ministry" has no determiner; handled by the caller's regex only with one
    return null;
  }
  const np = text.slice(npStart, headEnd).replace(/^(?:the|a|an|this|that)\s+/i, '');
  const modifiers = np.split(/\s+/).slice(0, headAt);
  if (!modifiers.some((w) => /^\p{Lu}/u.test(w) || GAZETTEER.has(w.replace(/['’]s$/u, '').toLowerCase()))) return null;
  let end = headEnd;
  const tail = /^\s+(?:in|of|to|for)\s+(?:the\s+)?\p{Lu}[\p{L}\-]*(?:\s+\p{Lu}[\p{L}\-]*){0,3}/u.exec(text.slice(headEnd));
  if (tail) end += tail[0].length;
  return { name: text.slice(npStart, end).replace(/^(?:the|a|an|this|that)\s+/i, '').replace(/['’]s$/u, ''), end };
}

const POSSESSIVE_OFFICE = /(?<![\p{L}])(\p{Lu}[\p{L}\-]*)['’]s\s+(?:press\s+)?(?:office|spokesman|spokeswoman|spokesperson|press service|press secretary|team|aides?|camp)(?![\p{L}])/gu;

/** "her office", "his spokesman": someone speaking for the person the pronoun points at. */
const SPEAKING_FOR = /(?<![\p{L}])(?:his|her|His|Her)\s+(?:office|spokesperson|spokesman|spokeswoman|press service|press office|press secretary|team|aides?|ministry|administration|campaign)(?![\p{L}])/gu;

/**
 * Where `/(?<![\p{L}\p{N}])(he|she|He|She)(?![\p{L}\p{N}])/gu` matches, as [index, length], found by
 * looking at the letters h and s only.
 */
export function pronouns(text: string): [number, number][] {
  const found: [number, number][] = [];
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    let length = 0;
    // no read past the end: optimised code that meets one is thrown away
    if ((code === 104 || code === 72) && i + 1 < n && text.charCodeAt(i + 1) === 101) length = 2;
    else if ((code === 115 || code === 83) && i + 2 < n && text.charCodeAt(i + 1) === 104 && text.charCodeAt(i + 2) === 101) length = 3;
    if (length === 0) continue;
    if (i > 0 && isLetterOrDigit(codePointBefore(text, i))) continue;
    if (i + length < n && isLetterOrDigit(text.codePointAt(i + length)!)) continue;
    found.push([i, length]);
    i += length - 1;
  }
  return found;
}

/** The code point that ends right before `i` (a surrogate pair read whole). */
function codePointBefore(text: string, i: number): number {
  const low = text.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) {
    const high = text.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return ((high - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
  }
  return low;
}

/** A word of a noun phrase as the lexicon has it: no possessive, no trailing punctuation, lower case. */
export function bareWord(word: string): string {
  // `word.replace(/['’]s$/u, '').replace(/[.,;:]$/, '').toLowerCase()` without regular expressions
  let end = word.length;
  if (end >= 2 && word.charCodeAt(end - 1) === 115 && (word.charCodeAt(end - 2) === 39 || word.charCodeAt(end - 2) === 0x2019)) end -= 2;
  const last = end > 0 ? word.charCodeAt(end - 1) : 0;
  if (last === 46 || last === 44 || last === 59 || last === 58) end--;
  return (end === word.length ? word : word.slice(0, end)).toLowerCase();
}


/** Nouns that head a role phrase or a speaking body's phrase, as one word. */
const HEAD_NOUNS: ReadonlySet<string> = new Set([...ROLE_NOUNS, ...SPEAKING_ORG_NOUNS]);
/** The head nouns written in ASCII letters only, to pass over other words of letters without looking them up. */
const HEAD_FILTER = new WordFilter([...HEAD_NOUNS].filter((noun) => /^[a-z]+$/.test(noun)));


/** A character of the words a role phrase is made of (ROLE_NP): a letter, a dot, an apostrophe, a hyphen, a comma, a semicolon or a colon. */
function inPhraseWord(code: number): boolean {
  return isLetter(code) || code === 46 || code === 0x2019 || code === 39 || code === 45 || code === 44 || code === 59 || code === 58;
}

/** Whether some word of the text (a run of those characters) is a job's noun or a speaking body's noun (the head of a role phrase). */
export function hasHeadNoun(text: string): boolean {
  // the runs scanRuns(text, inPhraseWord, inPhraseWord, …) finds, read in one loop that stops at the first head noun
  const n = text.length;
  let i = 0;
  while (i < n) {
    const unit = text.charCodeAt(i);
    if (unit < 128) {
      if (PHRASE_ASCII[unit] === 0) {
        i++;
        continue;
      }
    } else {
      const code = text.codePointAt(i)!;
      if (!inPhraseWord(code)) {
        i += code > 0xffff ? 2 : 1;
        continue;
      }
    }
    const start = i;
    // where the run first holds something other than an ASCII letter
    let other = -1;
    while (i < n) {
      const next = text.charCodeAt(i);
      if (next < 128) {
        if (PHRASE_ASCII[next] === 0) break;
        if (other < 0 && !((next >= 97 && next <= 122) || (next >= 65 && next <= 90))) other = i;
        i++;
      } else {
        const code = text.codePointAt(i)!;
        if (!inPhraseWord(code)) break;
        if (other < 0) other = i;
        i += code > 0xffff ? 2 : 1;
      }
    }
    if (isHeadNoun(text, start, i, other)) return true;
  }
  return false;
}

/** `inPhraseWord` for ASCII. */
const PHRASE_ASCII = Uint8Array.from({ length: 128 }, (_, code) => (inPhraseWord(code) ? 1 : 0));

/**
 * Whether the run `text.slice(start, end)` is a head noun once its possessive, one mark and its case are gone
 * (bareWord). `other`: where the run first holds something other than an ASCII letter, or -1.
 */
function isHeadNoun(text: string, start: number, end: number, other: number): boolean {
  let wordEnd = end;
  if (wordEnd - start >= 2 && text.charCodeAt(wordEnd - 1) === 115 && (text.charCodeAt(wordEnd - 2) === 39 || text.charCodeAt(wordEnd - 2) === 0x2019)) wordEnd -= 2;
  if (wordEnd > start) {
    const last = text.charCodeAt(wordEnd - 1);
    if (last === 46 || last === 44 || last === 59 || last === 58) wordEnd--;
  }
  // a word of ASCII letters is read without slicing: "spokes…", or one the filter lets through
  if (wordEnd > start && (other < 0 || other >= wordEnd)) {
    if (opensWithSpokes(text, start, wordEnd)) return true;
    if (!HEAD_FILTER.mayHold(text, start, wordEnd)) return false;
  }
  const word = text.slice(start, wordEnd).toLowerCase();
  return HEAD_NOUNS.has(word) || word.startsWith('spokes');
}


/** Whether a word of ASCII letters opens with "spokes", in any case. */
function opensWithSpokes(text: string, start: number, end: number): boolean {
  if (end - start < 6) return false;
  for (let k = 0; k < 6; k++) if ((text.charCodeAt(start + k) | 32) !== 'spokes'.charCodeAt(k)) return false;
  return true;
}

/** Reads the candidates for a speaker inside `text` (offsets are within `text`). */
export interface CandidateContext {
  registry: PersonRegistry;
  /** The organisation named last before this sentence. */
  latestOrganisation: Entity | null;
  /** Each entity's latest mention so far, for role phrases. */
  recency: ReadonlyMap<Entity, number>;
  /** Block index, recorded on organisations named by a noun phrase. */
  at: number;
}

/** A candidate, its fields always in one order (one shape for all of them). */
function candidate(start: number, end: number, kind: Candidate['kind'], entity: Entity | null, possessive: boolean, statementOwner: boolean, pronoun?: string, office?: boolean): Candidate {
  return { start, end, kind, entity, statementOwner, possessive, pronoun, office };
}

export function speakerCandidates(text: string, offset: number, mentions: Mention[], context: CandidateContext): Candidate[] {
  const { registry, latestOrganisation } = context;
  const out: Candidate[] = [];
  const end = offset + text.length;
  for (const mention of mentions) {
    if (mention.start < offset || mention.end > end) continue;
    if (mention.kind === 'place' || mention.kind === 'other') continue;
    let entity: Entity | null = null;
    if (mention.kind === 'organisation') entity = registry.find(mention.name, 'organisation');
    else entity = registry.find(mention.name, 'person');
    if (!entity) continue;
    // (what follows is read only after a possessive)
    out.push(candidate(mention.start, mention.end, 'entity', entity, mention.possessive, mention.possessive && STATEMENT_NOUN.test(text.slice(mention.end - offset + 2))));
  }
  for (const [index, length] of pronouns(text)) {
    out.push(candidate(offset + index, offset + index + length, 'pronoun', null, false, false));
  }
  let m: RegExpExecArray | null;
  // "Netanyahu’s office said": the person the office speaks for
  POSSESSIVE_OFFICE.lastIndex = 0;
  // a possessive is written "’s" or "'s": without one there is no office to read
  const possessives = text.includes('’s') || text.includes("'s");
  while (possessives && (m = POSSESSIVE_OFFICE.exec(text)) !== null) {
    const person = registry.find(m[1]!, 'person');
    if (person) out.push(candidate(offset + m.index, offset + m.index + m[0].length, 'entity', person, false, false, undefined, true));
  }
  SPEAKING_FOR.lastIndex = 0;
  // (every match holds "his" or "her" and a space)
  const speakingFor = /[Hh](?:is|er)\s/.test(text);
  while (speakingFor && (m = SPEAKING_FOR.exec(text)) !== null) {
    const pronoun = /^her/i.test(m[0]) ? 'she' : 'he';
    out.push(candidate(offset + m.index, offset + m.index + m[0].length, 'pronoun', null, false, false, pronoun));
  }
  ROLE_NP.lastIndex = 0;
  // a noun phrase names a speaker only around a job's or a body's noun: without one, none is read
  const headNouns = hasHeadNoun(text);
  while (headNouns && (m = ROLE_NP.exec(text)) !== null) {
    ROLE_NP.lastIndex = m.index + 1;
    // a phrase none of whose words is a head noun names no one (its words are runs of the characters hasHeadNoun reads)
    if (!hasHeadNoun(m[1]!)) continue;
    const words = m[1]!.split(/\s+/).filter(Boolean);
    const bare = words.map(bareWord);
    let headAt = bare.findIndex((w) => ROLE_NOUNS.has(w) || w.startsWith('spokes'));
    const isRole = headAt >= 0;
    if (!isRole) headAt = bare.findIndex((w) => SPEAKING_ORG_NOUNS.has(w));
    if (headAt < 0) continue;
    while (headAt + 1 < bare.length && (ROLE_NOUNS.has(bare[headAt + 1]!) || (!isRole && SPEAKING_ORG_NOUNS.has(bare[headAt + 1]!)))) headAt++;
    // "the head of state", "the chief of staff"
    if (isRole && bare[headAt + 1] === 'of' && ['state', 'staff', 'government', 'mission', 'delegation', 'diplomacy'].includes(bare[headAt + 2] ?? '')) headAt += 2;
    if (words.slice(0, headAt).some((w) => /[,;:]$/.test(w))) continue;
    const headWord = words[headAt]!;
    const possessive = /['’]s$/u.test(headWord);
    const phraseWords = words.slice(0, headAt + 1);
    const phrase = phraseWords.join(' ').replace(/['’]s$/u, '');
    const relEnd = m.index + m[0].indexOf(m[1]!) + phraseWords.join(' ').length;
    const afterText = text.slice(relEnd);
    const head = bare[headAt]!;
    const start = offset + m.index;
    const statementOwner = possessive && STATEMENT_NOUN.test(afterText);
    if (isRole) {
      // "a senior official", "an Israeli diplomat": someone the story does not name
      const indefinite = /^(?:a|an)\s/i.test(m[0]);
      // "Brazil's foreign minister said …" names a person the story names next
      const introducesName = /^\p{Lu}[\p{L}\-]*['’]s\s/u.test(m[0]);
      out.push(candidate(start, offset + relEnd, 'role', indefinite ? null : registry.findByRole(phrase, context.recency, false, introducesName), possessive, statementOwner));
    } else {
      // "the Israeli military", "Oman’s foreign ministry", "the Russian embassy in Ankara": a named body
      const named = organisationName(text, m.index, relEnd, headAt);
      if (named) {
        out.push(candidate(start, offset + named.end, 'organisation-noun', registry.add(named.name, 'organisation', null, context.at), possessive, statementOwner));
        continue;
      }
      const entity = latestOrganisation;
      const fits = entity && (entity.name.toLowerCase().includes(head) || GENERIC_ORG_NOUNS.has(head));
      out.push(candidate(start, offset + relEnd, 'organisation-noun', fits ? entity : null, possessive, statementOwner));
    }
  }
  // "The Kremlin spokesman": the phrase speaks, not the "Kremlin" inside it (unless the phrase names nobody)
  // with neither phrases nor offices (most sentences), every candidate is kept: no lists of them are made
  let some = false;
  for (const c of out) if (c.kind === 'role' || c.kind === 'organisation-noun' || c.office) some = true;
  if (!some) return out.sort(byPlace);
  const containers = out.filter((c) => c.kind === 'role' || c.kind === 'organisation-noun');
  const offices = out.filter((c) => c.office);
  const kept = out.filter((c) => {
    if (!c.office && offices.some((o) => o.start <= c.start && c.end <= o.end)) return false;
    if (c.kind === 'entity' && !c.office) return !containers.some((k) => (k.entity || k.kind === 'role') && k.start <= c.start && c.end <= k.end);
    if (c.kind === 'organisation-noun' && !c.entity) return !out.some((e) => e.kind === 'entity' && c.start <= e.start && e.end <= c.end);
    return true;
  });
  return kept.sort(byPlace);
}

/** In order of place, the longer of two starting together first. */
function byPlace(a: Candidate, b: Candidate): number {
  return a.start - b.start || b.end - a.end;
}
