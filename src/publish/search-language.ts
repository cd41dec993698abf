/**
 * The site is written in English, whatever language an article's text is in: one index language. A module of its
 * own, so that the search index's threads (`search-pagefind.ts`) do not load what builds the records (the Markdown
 * parser, date formatting, the archive's modules) to know it.
 */
export const SEARCH_LANGUAGE = 'en';
