export { contentDigest } from './digest.js';
export { DigestCache } from './digest-cache.js';
export type { DigestCacheOptions, DigestCacheStats } from './digest-cache.js';
export { extractCacheVersion, isExtractedArticle } from './extract-cache.js';
