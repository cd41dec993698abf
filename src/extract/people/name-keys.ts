import { fold } from '../text/fold.js';

/** Remembers a pure string function's answers; names repeat within and across articles. */
function memo(fn: (text: string) => string): (text: string) => string {
  const cache = new Map<string, string>();
  return (text: string): string => {
    let value = cache.get(text);
    if (value === undefined) {
      if (cache.size > 50_000) cache.clear();
      value = fn(text);
      cache.set(text, value);
    }
    return value;
  };
}

/** Folds a name part for matching, joining common transliteration variants (Zelenskiy/Zelenskyy/Zelensky). */
export const namePartKey = memo((part: string): string =>
  fold(part)
    .replace(/['’]s$/, '')
    .replace(/ł/g, 'l')
    .replace(/[^a-z0-9-]/g, '')
    .replace(/(?:iy|yy|ij|ii|yi|yj)$/, 'y')
    .replace(/(?<=[a-z])ii(?=[a-z])/g, 'i'),
);

/** The tokens of a name, without honorifics' dots and possessives. */
export function nameTokens(name: string): string[] {
  return name
    .replace(/['’]s\b/g, '')
    .split(/\s+/)
    .filter(Boolean);
}

/** The surname: the last token of a personal name. */
export const surnameKey = memo((name: string): string => {
  const tokens = nameTokens(name);
  return namePartKey(tokens[tokens.length - 1] ?? '');
});

const PARTICLES = new Set(['von', 'van', 'der', 'den', 'de', 'da', 'di', 'du', 'la', 'le', 'al', 'el', 'bin', 'ibn', 'ben', 'abu', 'del', 'dos', 'das']);

/** Given names without particles ("von der" of "Ursula von der Leyen"). */
function given(tokens: string[]): string[] {
  return tokens.filter((t) => !PARTICLES.has(t.toLowerCase()));
}

/** Two given names are compatible when either is missing or they share an initial (Vladimir / Volodymyr). */
export function givenNamesCompatible(a: string[], b: string[]): boolean {
  const ga = given(a);
  const gb = given(b);
  if (ga.length === 0 || gb.length === 0) return true;
  return namePartKey(ga[0]!).charAt(0) === namePartKey(gb[0]!).charAt(0);
}

/** A looser surname key for transliterations: Sybiha / Sybiga, Kharkiv / Harkiv, Toiu / Țoiu. */
export const looseSurnameKey = memo((name: string): string =>
  surnameKey(name).replace(/kh/g, 'h').replace(/h/g, 'g').replace(/w/g, 'v').replace(/j/g, 'y').replace(/ks/g, 'x').replace(/(.)\1/g, '$1'),
);

/** What matching reads of one spelling of a name, worked out once per spelling. */
export interface NameInfo {
  tokens: string[];
  surname: string;
  looseSurname: string;
  /** The key's first letter of the first given name (particles left out); null when there is no given name. */
  givenInitial: string | null;
  /** Key of the first token. */
  firstKey: string;
}

const nameInfos = new Map<string, NameInfo>();

/** The keys of a spelling, remembered: the registry compares every mention with every entity and alias. */
export function nameInfo(name: string): NameInfo {
  let info = nameInfos.get(name);
  if (info === undefined) {
    if (nameInfos.size > 50_000) nameInfos.clear();
    const tokens = nameTokens(name);
    const givenNames = given(tokens.slice(0, -1));
    info = {
      tokens,
      surname: surnameKey(name),
      looseSurname: looseSurnameKey(name),
      givenInitial: givenNames.length === 0 ? null : namePartKey(givenNames[0]!).charAt(0),
      firstKey: tokens.length > 0 ? namePartKey(tokens[0]!) : '',
    };
    nameInfos.set(name, info);
  }
  return info;
}

/** `givenNamesCompatible` of two names' given names, from their remembered keys. */
export function givenInitialsCompatible(a: NameInfo, b: NameInfo): boolean {
  return a.givenInitial === null || b.givenInitial === null || a.givenInitial === b.givenInitial;
}

/** Whether two spellings can name the same person: same surname, compatible given names. */
export function sameNameVariant(a: string, b: string): boolean {
  const ta = nameTokens(a);
  const tb = nameTokens(b);
  if (ta.length === 0 || tb.length === 0) return false;
  if (surnameKey(a) !== surnameKey(b)) return false;
  return givenNamesCompatible(ta.slice(0, -1), tb.slice(0, -1));
}
