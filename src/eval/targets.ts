/** The targets a summary is held to, and which of them it misses. */
import type { Summary } from './score.js';

/** A lower bound on a ratio (`min`) or an upper bound on a count (`max`). */
export type Target = { field: keyof Summary; min: number } | { field: keyof Summary; max: number };

/** Issue 3, on unseen articles (the corpus). */
export const CORPUS_TARGETS: readonly Target[] = [
  { field: 'date', min: 0.95 },
  { field: 'source', min: 0.9 },
  { field: 'quotes_recall', min: 0.9 },
  { field: 'quotes_precision', min: 0.9 },
  { field: 'attribution', min: 0.9 },
  { field: 'split_persons', max: 0 },
];

/** Issue 2, on the five seeds. */
export const SEED_TARGETS: readonly Target[] = [
  { field: 'title', min: 1 },
  { field: 'date', min: 1 },
  { field: 'source', min: 1 },
  { field: 'speakers_precision', min: 1 },
  { field: 'speakers_recall', min: 1 },
  { field: 'full_quotes_recall', min: 1 },
  { field: 'quotes_recall', min: 0.95 },
  { field: 'quotes_precision', min: 0.95 },
  { field: 'attribution', min: 0.95 },
  { field: 'topics_recall', min: 0.9 },
  { field: 'boilerplate_topics', max: 0 },
  { field: 'boilerplate_leaks', max: 0 },
  { field: 'body_lost_quotes', max: 0 },
  { field: 'split_persons', max: 0 },
  { field: 'missing', max: 0 },
];

/** One line per missed target, e.g. `quotes_recall 84% < 90%`; empty when all hold. */
export function missedTargets(summary: Summary, targets: readonly Target[]): string[] {
  const pct = (x: number): string => `${Math.round(x * 1000) / 10}%`;
  const missed: string[] = [];
  for (const target of targets) {
    const value = summary[target.field];
    if ('min' in target && value < target.min - 1e-9) missed.push(`${target.field} ${pct(value)} < ${pct(target.min)}`);
    if ('max' in target && value > target.max) missed.push(`${target.field} ${value} > ${target.max}`);
  }
  return missed;
}
