import type { ExtractedArticle } from '../extract/types.js';
import type { Archive } from './types.js';

export interface ArchiveInput {
  /** Path relative to the content folder, forward slashes. */
  file: string;
  article: ExtractedArticle;
}

export interface AssembleOptions {
  /** URL prefix the site is served under, always starting and ending with `/`. */
  basePath: string;
}

/** Joins the extracted articles into one archive: ids, URLs, speakers and topics shared across articles. */
export function assembleArchive(inputs: ArchiveInput[], options: AssembleOptions): Archive {
  // Placeholder: the archive stage replaces this.
  const articles = inputs.map(({ file, article }, i) => ({
    id: `a${i}`,
    url: `${options.basePath}articles/a${i}/`,
    file,
    title: article.title,
    date: article.date,
    source: article.source,
    byline: article.byline,
    dateline: article.dateline,
    speakers: article.speakers.map((name) => ({ name, id: name.toLowerCase().replace(/[^a-z0-9]+/g, '-') })),
    quotes: article.quotes.map((q, j) => ({ id: `a${i}-q${j}`, text: q.text, speaker: q.speaker, speakerId: null, cue: q.cue })),
    topics: article.topics.map((label) => ({ label, id: label.toLowerCase().replace(/[^a-z0-9]+/g, '-') })),
    body: article.body,
    messages: article.messages,
  }));
  return { articles };
}
