/** Text normalisation shared by every matching rule (identical to ../shared/eval/score.mjs). */

/** Folds diacritics, typographic quotes and dashes, case and whitespace. */
export function fold(value: string | null | undefined): string {
  return String(value ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** A quote's comparison key: folded, without surrounding marks and punctuation. */
export function quoteKey(value: string | null | undefined): string {
  return fold(value).replace(/^[\s"'.,;:!?-]+|[\s"'.,;:!?-]+$/g, '');
}

/** A label as space-padded words, for word-by-word containment. */
export function wordsIn(label: string): string {
  return ` ${fold(label).replace(/[^a-z0-9]+/g, ' ').trim()} `;
}
