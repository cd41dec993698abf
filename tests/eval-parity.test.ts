import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluate } from '../src/eval/evaluate.js';
import { loadGoldWithContent } from '../src/eval/load-gold.js';
import { loadRecordsFile } from '../src/eval/read-records.js';
import { scoreRecords } from '../src/eval/score.js';

// The reference scorer lives outside the repository; this check runs only where it is present.
const root = join(import.meta.dirname, '..');
const reference = join(root, '..', 'shared', 'eval', 'score.mjs');
const goldPath = join(root, 'tests', 'gold', 'seeds.json');
const dir = mkdtempSync(join(tmpdir(), 'eval-parity-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!existsSync(reference))('parity with ../shared/eval/score.mjs', () => {
  it('gives the same summary for the same records', () => {
    const seeds = loadGoldWithContent(goldPath, join(root, 'content'));
    const { records } = evaluate(seeds);
    // records as records.json holds them, objects and all, with one record degraded to exercise the faults
    const articles = records.map((r, i) => ({
      ...r,
      speakers: r.speakers.map((name) => ({ name })),
      topics: (i === 0 ? [...r.topics, 'Cookies'] : r.topics).map((label) => ({ label })),
      quotes: i === 1 ? r.quotes.slice(1).concat([{ text: 'an invented quote', speaker: null }]) : r.quotes,
      date: i === 2 ? '1999-01-01' : r.date,
    }));
    const recordsPath = join(dir, 'records.json');
    writeFileSync(recordsPath, JSON.stringify({ articles }));
    const out = execFileSync(process.execPath, [reference, recordsPath, goldPath, '--json'], { encoding: 'utf8' });
    const theirs: unknown = JSON.parse(out.trim().split('\n').pop() ?? '{}');
    const ours = scoreRecords(seeds.gold, loadRecordsFile(recordsPath)).summary;
    expect(ours.date).toBeLessThan(1);
    expect(ours.boilerplate_topics).toBeGreaterThan(0);
    expect(ours).toEqual(theirs);
  });
});
