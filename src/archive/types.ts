import type { ExtractMessage } from '../extract/types.js';

/** The shape of records.json and of everything the site is rendered from. */

export interface SpeakerRef {
  name: string;
  id: string;
  role?: string;
}

export interface TopicRef {
  label: string;
  id: string;
}

export interface QuoteRecord {
  /** Stable id, unique in the archive; used as the quote's anchor. */
  id: string;
  text: string;
  /** Speaker's canonical name, or null when unattributed. */
  speaker: string | null;
  speakerId: string | null;
  /** How the speaker was found ("said", "attribution line"…), null when unattributed. */
  cue: string | null;
}

export interface ArticleRecord {
  id: string;
  /** The article page's URL, including the base path. */
  url: string;
  /** Path relative to the content folder, with forward slashes. */
  file: string;
  title: string;
  date: string | null;
  source: string | null;
  byline: string | null;
  dateline: string | null;
  speakers: SpeakerRef[];
  quotes: QuoteRecord[];
  topics: TopicRef[];
  body: string;
  messages: ExtractMessage[];
}

export interface Archive {
  articles: ArticleRecord[];
}
