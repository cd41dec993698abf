/** One evaluation: cases → records (extracted or read) → score. Used by main.ts and the tests. */
import type { ScoredRecord } from './gold-types.js';
import type { Corpus } from './load-corpus.js';
import { extractRecord } from './records.js';
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
  const scored =
    records ??
    corpus.cases.map((c) => {
      const { record, error } = extractRecord(c);
      if (error) errors.push(`${c.file}: ${error}`);
      return record;
    });
  return { result: scoreRecords(corpus.gold, scored), records: scored, errors };
}
