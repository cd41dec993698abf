export { loadContent, loadFile, capText, MAX_ARTICLE_CHARS, MAX_FILE_BYTES } from './load-content.js';
export { decodeText, normaliseLineEndings } from './decode.js';
export { parseFrontMatter, FRONT_MATTER_FIELDS } from './front-matter.js';
export { findArticleFiles, isArticleName } from './find-files.js';
export type { FrontMatter, FrontMatterSpeaker, LoadedArticle, LoadResult } from './types.js';
