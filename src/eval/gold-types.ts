/**
 * The gold annotation format (same as ../shared/gold/seeds.json) and the
 * record shape the scorer reads (records.json articles or extractor output).
 */

/** A quote's expected speaker: a canonical name, `null` for unnamed, or a list of acceptable answers. */
export type GoldSpeaker = string | null | Array<string | null>;

export interface GoldQuote {
  /** The quoted words exactly as in the article, without their quotation marks. */
  text: string;
  speaker: GoldSpeaker;
  /** `full` for a sentence or more, `partial` for a phrase. */
  kind: 'full' | 'partial';
  /** The pattern that makes it hard (documentation only). */
  form?: string;
}

export interface GoldArticle {
  /** Matches a record's `file` (whole relative path, or its base name as in score.mjs). */
  file: string;
  title: string | null;
  date: string | null;
  date_distractors?: string[];
  source: string | null;
  source_accept?: Array<string | null>;
  byline?: string | null;
  dateline?: string | null;
  speakers: string[];
  speaker_aliases?: Record<string, string[]>;
  mentioned?: string[];
  roles?: Record<string, string>;
  quotes: GoldQuote[];
  not_quotes?: string[];
  subheadings?: string[];
  topics_must?: string[][];
  /** Per-article boilerplate-only topic labels (corpus extension; seeds.json has only the top-level list). */
  topics_forbidden?: string[];
  boilerplate?: string[];
}

export interface GoldSet {
  articles: GoldArticle[];
  canonical_names?: Record<string, string[]>;
  topics_forbidden?: string[];
}

/** One article as the scorer sees it, whatever produced it. */
export interface ScoredRecord {
  file: string;
  title: string | null;
  date: string | null;
  source: string | null;
  speakers: string[];
  quotes: Array<{ text: string; speaker: string | null }>;
  topics: string[];
  body: string | null;
}
