import { fold } from '../text/fold.js';

/** Folds a name part for matching, joining common transliteration variants (Zelenskiy/Zelenskyy/Zelensky). */
export function namePartKey(part: string): string {
  return fold(part)
    .replace(/['’]s$/, '')
    .replace(/[^a-z0-9-]/g, '')
    .replace(/(?:iy|yy|ij|ii|yi|yj)$/, 'y')
    .replace(/(?<=[a-z])ii(?=[a-z])/g, 'i');
}

/** The tokens of a name, without honorifics' dots and possessives. */
export function nameTokens(name: string): string[] {
  return name
    .replace(/['’]s\b/g, '')
    .split(/\s+/)
    .filter(Boolean);
}

/** The surname: the last token of a personal name. */
export function surnameKey(name: string): string {
  const tokens = nameTokens(name);
  return namePartKey(tokens[tokens.length - 1] ?? '');
}

/** Two given names are compatible when either is missing or they share an initial (Vladimir / Volodymyr). */
export function givenNamesCompatible(a: string[], b: string[]): boolean {
  if (a.length === 0 || b.length === 0) return true;
  return namePartKey(a[0]!).charAt(0) === namePartKey(b[0]!).charAt(0);
}

/** Whether two spellings can name the same person: same surname, compatible given names. */
export function sameNameVariant(a: string, b: string): boolean {
  const ta = nameTokens(a);
  const tb = nameTokens(b);
  if (ta.length === 0 || tb.length === 0) return false;
  if (surnameKey(a) !== surnameKey(b)) return false;
  return givenNamesCompatible(ta.slice(0, -1), tb.slice(0, -1));
}
