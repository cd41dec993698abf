/** One evaluation: cases → records (extracted or read) → score. Used by main.ts and the tests. */
import type { ScoredRecord } from './gold-types.js';
import type { Corpus } from './load-corpus.js';
import { assembleArchive } from '../archive/assemble.js';
import { emptyArticle, extractArticle } from '../extract/index.js';
import type { ExtractedArticle } from '../extract/types.js';
import { toScoredRecord } from './read-records.js';
import { scoreRecords, type ScoreResult } from './score.js';

export interface Evaluation {
  result: ScoreResult;
  records: ScoredRecord[];
  /** Extractor exceptions, one line per case. */
  errors: string[];
}

/** Runs the extractor on every case (unless `records` are given) and scores the outcome. */
export function evaluate(corpus: Corpus, records?: ScoredRecord[]): Evaluation {
  const errors: string[] = [];
  const scored = records ?? extractAsRecords(corpus, errors);
  return { result: scoreRecords(corpus.gold, scored), records: scored, errors };
}

/**
 * Runs the extractor on every case and joins the results as the build does (one spelling per
 * person across articles), so the figures are those of the records.json a user gets.
 */
function extractAsRecords(corpus: Corpus, errors: string[]): ScoredRecord[] {
  const inputs = corpus.cases.map((c) => {
    let article: ExtractedArticle;
    try {
      article = extractArticle(c.text);
    } catch (error) {
      errors.push(`${c.file}: extractor threw: ${(error as Error).message}`);
      article = { ...emptyArticle(), titleFromLead: true };
    }
    return { file: c.file, article };
  });
  const archive = assembleArchive(inputs, { basePath: '/' });
  const byFile = new Map(archive.articles.map((a) => [a.file, a]));
  return corpus.cases.map((c) => toScoredRecord(byFile.get(c.file) ?? { file: c.file }));
}
