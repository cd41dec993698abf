/** Folding text to plain lowercase Latin for slugs and name matching. Pure functions. */

/** Letters that Unicode decomposition does not reduce to a Latin base letter. */
const SPECIAL_LETTERS: Record<string, string> = {
  ß: 'ss', æ: 'ae', Æ: 'ae', œ: 'oe', Œ: 'oe', ø: 'o', Ø: 'o', đ: 'd', Đ: 'd', ð: 'd', Ð: 'd',
  þ: 'th', Þ: 'th', ł: 'l', Ł: 'l', ı: 'i', ŀ: 'l', Ŀ: 'l', ħ: 'h', Ħ: 'h', ŧ: 't', Ŧ: 't',
};

/** Removes diacritics and lowercases: "Erdoğan" → "erdogan", "Orbán" → "orban", "Straße" → "strasse". */
export function foldDiacritics(text: string): string {
  // Plain ASCII (most names and quotes in English text) has nothing to fold.
  if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase();
  let out = '';
  for (const ch of text.normalize('NFKD')) {
    const special = SPECIAL_LETTERS[ch];
    if (special !== undefined) out += special;
    else if (!/\p{M}/u.test(ch)) out += ch;
  }
  return out.toLowerCase();
}

/** Folds and keeps only ASCII letters and digits, words separated by single spaces. */
export function foldWords(text: string): string {
  return foldDiacritics(text.replace(/['’‘`ʼ]/g, ''))
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
