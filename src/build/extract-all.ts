import { extractArticle } from '../extract/index.js';
import type { ExtractedArticle } from '../extract/types.js';

export interface ExtractJob {
  /** Path relative to the content folder. */
  file: string;
  /** Article text with front matter removed. */
  text: string;
}

export interface ExtractAllOptions {
  /** Folder for cached extraction results, or null for no cache. */
  cacheDir: string | null;
}

/** Extracts every article (in order). */
export async function extractAll(jobs: ExtractJob[], _options: ExtractAllOptions): Promise<ExtractedArticle[]> {
  return jobs.map((job) => extractArticle(job.text));
}
