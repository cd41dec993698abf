/**
 * Bumped whenever extraction output may change, so cached results are not reused. A module of its own: the cache
 * reads it without loading the extractor (a rebuild from the cache never loads it on the main thread).
 */
export const EXTRACTOR_VERSION = '1.0.0';
