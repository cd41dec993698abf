import { GAZETTEER } from '../extract/lexicon/places.js';
import { foldWords } from './fold.js';

/**
 * Matching one person's name across articles: "Vladimir Zelensky", "Volodymyr Zelenskiy" and
 * "Zelenskyy" are one person; "Erdoğan" and "Recep Tayyip Erdogan" too. Pure functions, no list
 * of people: diacritics are folded, transliteration endings (-iy, -yy, -yi, -ij, -ii) reduced to -y,
 * honorifics dropped, and two full names match when their surnames match and their given names
 * are compatible (same consonant skeleton, an initial, or one a subset of the other).
 */

/** Honorifics and titles dropped from the front of a name before matching. */
const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'sir', 'dame', 'mx']);
/** Suffixes dropped from the end of a name. */
const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);
/**
 * Words that mark an organisation rather than a person; organisations only join on the same words
 * (ignoring a leading "the"), never by surname.
 */
const ORGANISATION_WORDS = new Set([
  'agency', 'association', 'authority', 'bank', 'board', 'bureau', 'cabinet', 'center', 'centre', 'command',
  'commission', 'committee', 'company', 'corporation', 'council', 'court', 'department', 'embassy', 'forces',
  'foundation', 'fund', 'government', 'group', 'inc', 'institute', 'kremlin', 'league', 'ltd', 'ministry',
  'office', 'organisation', 'organization', 'parliament', 'party', 'police', 'service',
  'services', 'union', 'university', 'army', 'navy', 'assembly', 'senate',
  'congress', 'of', 'for', 'and', 'the',
]);

export interface NameKey {
  /** Folded words of the whole name, honorifics dropped: the exact-match key. */
  full: string;
  /** Transliteration-normalised surname (last word), or the whole key for an organisation. */
  surname: string;
  /** Transliteration-normalised given names, in order (empty for a surname alone). */
  given: string[];
  organisation: boolean;
  /** The surname with transliteration pairs joined (Sybiha / Sybiga, Kharkiv / Harkiv). */
  loose: string;
}

/** Transliteration pairs that spell one sound two ways. */
function loosen(surname: string): string {
  return surname.replace(/kh/g, 'h').replace(/h/g, 'g').replace(/w/g, 'v').replace(/j/g, 'y').replace(/ks/g, 'x').replace(/(.)\1/g, '$1');
}

/**
 * One key for the ways a body is written: "Ukraine's Foreign Ministry", "Ministry of Foreign Affairs
 * of Ukraine" and "Ukrainian Foreign Ministry" are one ministry.
 */
function organisationKey(words: string[]): string {
  const phrase = words
    .join(' ')
    .replace(/\bministry of foreign affairs\b/g, 'foreign ministry')
    .replace(/\bministry of (?:defen[cs]e)\b/g, 'defence ministry')
    .replace(/\bdefense\b/g, 'defence')
    .replace(/\bministry of (\w+)\b/g, '$1 ministry');
  return phrase
    .split(' ')
    .map((w) => GAZETTEER.get(w)?.label.toLowerCase() ?? (w.endsWith('s') ? GAZETTEER.get(w.slice(0, -1))?.label.toLowerCase() : undefined) ?? w)
    .filter((w) => w && !['of', 'the', 's'].includes(w))
    .sort()
    .join(' ');
}

/** Reduces transliteration variants of one word: "zelenskiy"/"zelenskyy"/"zelenskyi" → "zelensky". */
export function normaliseWord(word: string): string {
  if (word.length < 4) return word;
  return word.replace(/(?:iyi|iy|yy|yi|ij|ii|yj)$/, 'y');
}

/** Consonant skeleton of a given name, doubled letters collapsed: Vladimir/Volodymyr → "vldmr". */
export function skeleton(word: string): string {
  return word
    .replace(/[aeiouyw]/g, '')
    .replace(/(.)\1+/g, '$1');
}

/** Splits a name into its matching key. */
export function nameKey(name: string): NameKey {
  let words = foldWords(name).split(' ').filter(Boolean);
  while (words.length > 1 && HONORIFICS.has(words[0] ?? '')) words = words.slice(1);
  while (words.length > 1 && SUFFIXES.has(words[words.length - 1] ?? '')) words = words.slice(0, -1);
  const organisation = words.some((w) => ORGANISATION_WORDS.has(w)) || words.length > 4;
  if (organisation) {
    if (words[0] === 'the' && words.length > 1) words = words.slice(1);
    const full = organisationKey(words);
    return { full, surname: full, given: [], organisation: true, loose: full };
  }
  const normal = words.map(normaliseWord);
  return {
    full: words.join(' '),
    surname: normal[normal.length - 1] ?? '',
    given: normal.slice(0, -1),
    organisation: false,
    loose: loosen(normal[normal.length - 1] ?? ''),
  };
}

/** Are two given names (already normalised words) plausibly one name? `skeletonOf` is `skeleton`, or a memo of it. */
function givenWordsMatch(a: string, b: string, skeletonOf: (word: string) => string): boolean {
  if (a === b) return true;
  if (a.length === 1 || b.length === 1) return a[0] === b[0];
  const sa = skeletonOf(a);
  return sa.length > 1 && sa === skeletonOf(b);
}

/**
 * True when two full names (both with given names) can be one person: same surname, and every given
 * name of the shorter list matches one of the longer list ("Tayyip Erdogan" ⊂ "Recep Tayyip Erdogan"). `skeletonOf`
 * makes the consonant skeleton of a given name (`skeleton`; a caller comparing many pairs may give a memo of it).
 */
export function compatibleNames(a: NameKey, b: NameKey, skeletonOf: (word: string) => string = skeleton): boolean {
  if (a.organisation || b.organisation) return a.organisation && b.organisation && a.full === b.full;
  if (a.full === b.full) return true;
  if (a.surname !== b.surname) {
    // a transliteration of the surname joins only with the same given names
    return a.loose === b.loose && a.given.length > 0 && a.given.join(' ') === b.given.join(' ');
  }
  if (a.given.length === 0 || b.given.length === 0) return false;
  const [short, long] = a.given.length <= b.given.length ? [a.given, b.given] : [b.given, a.given];
  return short.every((w) => long.some((v) => givenWordsMatch(w, v, skeletonOf)));
}

export interface NameCount {
  name: string;
  /** How often the spelling occurs (articles using it); the most used spelling becomes canonical. */
  count: number;
}

/**
 * Groups spellings that name one person. Returns a map from every input spelling to the canonical
 * spelling of its group: the most used spelling with given names, then the longer, then the one
 * with diacritics, then the first in code-point order. A surname alone ("Zelenskiy", "Mr. Orban")
 * joins the one group with that surname; when several groups share it, it stays on its own.
 * Deterministic whatever the order of `names`.
 */
export function joinNames(names: readonly NameCount[]): Map<string, string> {
  const counts = new Map<string, number>();
  for (const { name, count } of names) counts.set(name, (counts.get(name) ?? 0) + count);
  const spellings = [...counts.keys()].sort();
  const keys = new Map(spellings.map((s) => [s, nameKey(s)]));
  // The names of a surname are compared pair by pair: each given name's skeleton is made once, not once a pair.
  const skeletons = new Map<string, string>();
  const skeletonOf = (word: string): string => {
    let known = skeletons.get(word);
    if (known === undefined) skeletons.set(word, (known = skeleton(word)));
    return known;
  };
  const compatible = (a: NameKey, b: NameKey): boolean => compatibleNames(a, b, skeletonOf);

  // Union–find over spellings.
  const parent = new Map(spellings.map((s) => [s, s]));
  const find = (s: string): string => {
    let root = s;
    while (parent.get(root) !== root) root = parent.get(root) ?? root;
    parent.set(s, root);
    return root;
  };
  const union = (a: string, b: string): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  };

  // 1. Same folded words: one group. 2. Full names with the same surname and compatible given names.
  const bySurname = new Map<string, string[]>();
  const byFull = new Map<string, string>();
  for (const s of spellings) {
    const key = keys.get(s)!;
    const seen = byFull.get(key.full);
    if (seen !== undefined) union(seen, s);
    else byFull.set(key.full, s);
    if (!key.organisation && key.given.length > 0) {
      const list = bySurname.get(key.loose);
      if (list) list.push(s);
      else bySurname.set(key.loose, [s]);
    }
  }
  // Initials only ("V. Zelensky") could bridge two people ("Vera", "Viktor"): they join later, and one group only.
  const initialsOnly = (key: NameKey): boolean => key.given.every((w) => w.length === 1);
  for (const list of bySurname.values()) {
    for (let i = 0; i < list.length; i += 1) {
      for (let j = i + 1; j < list.length; j += 1) {
        const a = list[i]!;
        const b = list[j]!;
        const ka = keys.get(a)!;
        const kb = keys.get(b)!;
        if (initialsOnly(ka) !== initialsOnly(kb)) continue;
        if (find(a) !== find(b) && compatible(ka, kb)) union(a, b);
      }
    }
  }
  // Initials with a surname join the single group of full names they fit.
  for (const s of spellings) {
    const key = keys.get(s)!;
    if (key.organisation || key.given.length === 0 || !initialsOnly(key)) continue;
    const fits = (bySurname.get(key.loose) ?? []).filter((t) => !initialsOnly(keys.get(t)!) && compatible(key, keys.get(t)!));
    const groups = new Set(fits.map(find));
    if (groups.size === 1) union(s, [...groups][0]!);
  }
  // 3. A surname alone joins the single group of full names with that surname.
  for (const s of spellings) {
    const key = keys.get(s)!;
    if (key.organisation || key.given.length > 0) continue;
    const groups = new Set((bySurname.get(key.loose) ?? []).filter((t) => keys.get(t)!.surname === key.surname).map(find));
    if (groups.size === 1) union(s, [...groups][0]!);
  }

  const members = new Map<string, string[]>();
  for (const s of spellings) {
    const root = find(s);
    const list = members.get(root);
    if (list) list.push(s);
    else members.set(root, [s]);
  }
  const result = new Map<string, string>();
  for (const list of members.values()) {
    const canonical = [...list].sort((a, b) => {
      const ka = keys.get(a)!;
      const kb = keys.get(b)!;
      const fullA = ka.given.length > 0 || ka.organisation ? 1 : 0;
      const fullB = kb.given.length > 0 || kb.organisation ? 1 : 0;
      return (
        fullB - fullA ||
        (counts.get(b) ?? 0) - (counts.get(a) ?? 0) ||
        b.length - a.length ||
        Number(/[^\x00-\x7f]/.test(b)) - Number(/[^\x00-\x7f]/.test(a)) ||
        (a < b ? -1 : a > b ? 1 : 0)
      );
    })[0]!;
    for (const s of list) result.set(s, canonical);
  }
  return result;
}
