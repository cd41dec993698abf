import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkGold } from '../src/eval/check-gold.js';
import { evaluate } from '../src/eval/evaluate.js';
import { loadCorpus } from '../src/eval/load-corpus.js';
import { summaryLine } from '../src/eval/print.js';
import { CORPUS_TARGETS, missedTargets } from '../src/eval/targets.js';

const corpus = loadCorpus(join(import.meta.dirname, 'corpus'));

describe('the evaluation corpus (tests/corpus)', () => {
  it('holds at least 45 articles', () => {
    expect(corpus.cases.length).toBeGreaterThanOrEqual(45);
  });

  it.each(corpus.cases.map((c) => [c.name, c] as const))('%s: gold agrees with its article', (_name, c) => {
    expect(checkGold(c.gold, c.text, corpus.gold.topics_forbidden)).toEqual([]);
  });

  it('covers undated, unsourced and unattributed cases as well as the positive ones', () => {
    const golds = corpus.cases.map((c) => c.gold);
    expect(golds.filter((g) => g.date === null).length).toBeGreaterThanOrEqual(8);
    expect(golds.filter((g) => (g.date_distractors ?? []).length > 0).length).toBeGreaterThanOrEqual(6);
    expect(golds.filter((g) => (g.source_accept ?? [g.source]).includes(null)).length).toBeGreaterThanOrEqual(8);
    expect(golds.filter((g) => g.title === null).length).toBeGreaterThanOrEqual(2);
    expect(golds.flatMap((g) => g.quotes).filter((q) => q.speaker === null).length).toBeGreaterThanOrEqual(2);
    expect(golds.flatMap((g) => g.quotes).filter((q) => q.kind === 'partial').length).toBeGreaterThanOrEqual(20);
  });
});

describe('the extractor on the corpus (issue 3 targets)', () => {
  it('reaches date ≥ 95%, source ≥ 90%, quotes P and R ≥ 90%, attribution ≥ 90%, no split persons', () => {
    const { result, errors } = evaluate(corpus);
    expect(errors).toEqual([]);
    const missed = missedTargets(result.summary, CORPUS_TARGETS);
    const faults = result.reports.filter((r) => r.notes.length > 0).map((r) => `${r.file}: ${r.notes.join('; ')}`);
    expect(missed, `${summaryLine(result.summary)}\n${faults.join('\n')}`).toEqual([]);
  });
});
