import type { Diagnostic } from '../report/diagnostics.js';

/** A speaker named in front matter: `speakers: [Dmitry Peskov]` or `speakers: [{name: Dmitry Peskov, role: Kremlin spokesman}]`. */
export interface FrontMatterSpeaker {
  name: string;
  role: string | null;
}

/**
 * Optional YAML front matter of an article, validated. Every field an editor sets replaces what
 * extraction found; a field that is absent (or of the wrong type, with a warning) leaves extraction alone.
 */
export interface FrontMatter {
  title?: string;
  /** `YYYY-MM-DD`. */
  date?: string;
  source?: string;
  byline?: string;
  dateline?: string;
  speakers?: FrontMatterSpeaker[];
  topics?: string[];
}

/** One usable article file, ready for the extractor. */
export interface LoadedArticle {
  /** Path relative to the content folder, forward slashes. */
  file: string;
  /** The article's text: decoded, line endings normalised to `\n`, front matter removed, capped in length. */
  text: string;
  frontMatter: FrontMatter;
  /** Number of lines above `text` in the file (the front matter block), to report lines as they are on disk. */
  lineOffset: number;
  /** Warnings about this file found while loading (encoding, front matter, length). */
  diagnostics: Diagnostic[];
}

export interface LoadResult {
  /** Usable articles, sorted by path. */
  articles: LoadedArticle[];
  /** Files left out, sorted by path; each has an error among `diagnostics`. */
  leftOut: string[];
  /** Errors for files left out, and warnings about files not read (symbolic links, special files). */
  diagnostics: Diagnostic[];
}
