import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../src/eval/evaluate.js';
import { loadGoldWithContent } from '../src/eval/load-gold.js';
import { summaryLine } from '../src/eval/print.js';
import { missedTargets, SEED_TARGETS } from '../src/eval/targets.js';

// tests/gold/seeds.json is a copy of ../shared/gold/seeds.json; content/ holds the five seeds byte for byte.
const root = join(import.meta.dirname, '..');
const seeds = loadGoldWithContent(join(root, 'tests', 'gold', 'seeds.json'), join(root, 'content'));

describe('the extractor on the five seeds (issue 2 targets)', () => {
  const { result, errors } = evaluate(seeds);
  const report = (): string =>
    `${summaryLine(result.summary)}\n${result.reports.map((r) => `${r.file}: ${r.notes.join('; ') || 'all correct'}`).join('\n')}`;

  it('scores all five seeds without an exception', () => {
    expect(seeds.cases).toHaveLength(5);
    expect(errors).toEqual([]);
  });

  it('gets title, date and source right for every seed', () => {
    expect([result.summary.title, result.summary.date, result.summary.source], report()).toEqual([1, 1, 1]);
  });

  it('finds every speaker and no other', () => {
    expect([result.summary.speakers_precision, result.summary.speakers_recall], report()).toEqual([1, 1]);
  });

  it('finds every full quote; quote recall and precision ≥ 95%; attribution ≥ 95%', () => {
    expect(result.summary.full_quotes_recall, report()).toBe(1);
    expect(result.summary.quotes_recall, report()).toBeGreaterThanOrEqual(0.95);
    expect(result.summary.quotes_precision, report()).toBeGreaterThanOrEqual(0.95);
    expect(result.summary.attribution, report()).toBeGreaterThanOrEqual(0.95);
  });

  it('tags ≥ 90% of the must-have topics and none from boilerplate', () => {
    expect(result.summary.topics_recall, report()).toBeGreaterThanOrEqual(0.9);
    expect(result.summary.boilerplate_topics, report()).toBe(0);
  });

  it('cleans the bodies of boilerplate, keeps every quote, and splits no person', () => {
    expect(
      [result.summary.boilerplate_leaks, result.summary.body_lost_quotes, result.summary.split_persons],
      report(),
    ).toEqual([0, 0, 0]);
  });

  it('meets every seed target at once', () => {
    expect(missedTargets(result.summary, SEED_TARGETS), report()).toEqual([]);
  });
});
