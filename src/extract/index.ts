export { emptyArticle, extractArticle, EXTRACTOR_VERSION } from './extract-article.js';
export type { ExtractedArticle, ExtractedQuote, ExtractMessage, Person } from './types.js';
