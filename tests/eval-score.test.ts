import { describe, expect, it } from 'vitest';
import { checkGold } from '../src/eval/check-gold.js';
import type { GoldArticle, GoldSet, ScoredRecord } from '../src/eval/gold-types.js';
import { AliasIndex, quotesMatch, topicMatches } from '../src/eval/match.js';
import { fold, quoteKey } from '../src/eval/normalize.js';
import { parseOptions, UsageError } from '../src/eval/options.js';
import { formatResult, summaryLine } from '../src/eval/print.js';
import { toScoredRecord } from '../src/eval/read-records.js';
import { scoreRecords } from '../src/eval/score.js';
import { CORPUS_TARGETS, missedTargets } from '../src/eval/targets.js';

const goldArticle = (over: Partial<GoldArticle> = {}): GoldArticle => ({
  file: 'a.txt',
  title: 'Kremlin says talks possible',
  date: '2025-11-26',
  source: 'Reuters',
  source_accept: ['Reuters'],
  speakers: ['Dmitry Peskov'],
  quotes: [
    { text: 'We are open to dialogue, but we will not accept ultimatums.', speaker: 'Dmitry Peskov', kind: 'full' },
    { text: 'futility', speaker: 'Dmitry Peskov', kind: 'partial' },
  ],
  topics_must: [['peace talks', 'negotiations']],
  boilerplate: ['Read more:'],
  ...over,
});

const record = (over: Partial<ScoredRecord> = {}): ScoredRecord => ({
  file: 'a.txt',
  title: 'Kremlin says talks possible',
  date: '2025-11-26',
  source: 'Reuters',
  speakers: ['Dmitry Peskov'],
  quotes: [
    { text: 'We are open to dialogue, but we will not accept ultimatums.', speaker: 'Dmitry Peskov' },
    { text: 'futility', speaker: 'Peskov' },
  ],
  topics: ['Ukraine peace talks'],
  body: 'Peskov said: “We are open to dialogue, but we will not accept ultimatums.” It was just “futility”.',
  ...over,
});

const set = (articles: GoldArticle[], extra: Partial<GoldSet> = {}): GoldSet => ({
  articles,
  canonical_names: { 'Dmitry Peskov': ['Peskov'] },
  ...extra,
});

describe('normalisation', () => {
  it('folds diacritics, typographic quotes, dashes, case and spaces', () => {
    expect(fold('  Erdoğan’s  “Peace” — NOW ')).toBe('erdogan\'s "peace" - now');
  });
  it('strips marks and punctuation around a quote', () => {
    expect(quoteKey('“No.”')).toBe('no');
    expect(quoteKey("'We won't,' ")).toBe("we won't");
  });
});

describe('quote matching (80% containment)', () => {
  it('matches the same words whatever the marks, case and final punctuation', () => {
    expect(quotesMatch('“It is inappropriate.”', 'it is inappropriate')).toBe(true);
  });
  it('matches when the shorter is contained and at least 80% of the longer', () => {
    const long = 'abcdefghij klmnopqrst'; // 21 characters
    expect(quotesMatch(long.slice(0, 17), long)).toBe(true); // 17 >= 16.8
    expect(quotesMatch(long.slice(0, 16), long)).toBe(false); // 16 < 16.8
  });
  it('does not match a fragment that is not contained, or an empty text', () => {
    expect(quotesMatch('we are open to talks', 'we are open to dialogue')).toBe(false);
    expect(quotesMatch('', 'anything')).toBe(false);
    expect(quotesMatch('"..."', '...')).toBe(false);
  });
});

describe('topic matching (word containment)', () => {
  it('matches when one label contains the other word by word', () => {
    expect(topicMatches('Ukraine peace talks', 'peace talks')).toBe(true);
    expect(topicMatches('Istanbul', 'istanbul talks')).toBe(true);
    expect(topicMatches('Türkiye', 'turkiye')).toBe(true);
    expect(topicMatches('US-Russia relations', 'us russia relations')).toBe(true);
  });
  it('does not match part of a word, or an empty label', () => {
    expect(topicMatches('peacekeeping', 'peace')).toBe(false);
    expect(topicMatches('NATO', 'nation')).toBe(false);
    expect(topicMatches('', 'nato')).toBe(false);
  });
});

describe('speaker aliases', () => {
  const index = new AliasIndex(
    set([goldArticle({ speaker_aliases: { 'Volodymyr Zelensky': ['Zelenskiy'] } })], {
      canonical_names: { 'Recep Tayyip Erdoğan': ['Erdogan'] },
    }),
  );
  it('accepts the canonical name, any listed alias, and folded spellings', () => {
    expect(index.sameSpeaker('Zelenskiy', 'Volodymyr Zelensky')).toBe(true);
    expect(index.sameSpeaker('VOLODYMYR ZELENSKY', 'Volodymyr Zelensky')).toBe(true);
    expect(index.sameSpeaker('Recep Tayyip Erdogan', 'Recep Tayyip Erdoğan')).toBe(true);
    expect(index.sameSpeaker('Erdogan', 'Recep Tayyip Erdoğan')).toBe(true);
  });
  it('rejects an unlisted spelling, and treats null as its own answer', () => {
    expect(index.sameSpeaker('Zelenskyy', 'Volodymyr Zelensky')).toBe(false);
    expect(index.sameSpeaker(null, null)).toBe(true);
    expect(index.sameSpeaker('Peskov', null)).toBe(false);
    expect(index.sameSpeaker(null, 'Peskov')).toBe(false);
  });
  it('accepts any answer of a list, null included', () => {
    expect(index.speakerOk(null, ['Dmitry Peskov', null])).toBe(true);
    expect(index.speakerOk('Dmitry Peskov', ['Dmitry Peskov', null])).toBe(true);
    expect(index.speakerOk('Lavrov', ['Dmitry Peskov', null])).toBe(false);
  });
});

describe('scoreRecords', () => {
  it('scores a perfect record as all correct', () => {
    const { reports, summary } = scoreRecords(set([goldArticle()]), [record()]);
    expect(reports[0]?.notes).toEqual([]);
    expect(summary).toMatchObject({
      title: 1, date: 1, source: 1, speakers_precision: 1, speakers_recall: 1,
      quotes_recall: 1, full_quotes_recall: 1, quotes_precision: 1, attribution: 1, topics_recall: 1,
      boilerplate_topics: 0, boilerplate_leaks: 0, body_lost_quotes: 0, split_persons: 0, missing: 0,
    });
  });

  it('finds records by relative path or by base name', () => {
    const g = goldArticle({ file: '01-case/article.txt' });
    expect(scoreRecords(set([g]), [record({ file: '01-case/article.txt' })]).summary.missing).toBe(0);
    expect(scoreRecords(set([goldArticle()]), [record({ file: 'content/a.txt' })]).summary.missing).toBe(0);
  });

  it('counts a missing record against recall', () => {
    const { summary, reports } = scoreRecords(set([goldArticle()]), []);
    expect(summary.missing).toBe(1);
    expect(summary.quotes_recall).toBe(0);
    expect(summary.speakers_recall).toBe(0);
    expect(reports[0]?.notes).toEqual(['MISSING from records']);
  });

  it('judges date, source (null accepted when listed) and a lead title', () => {
    const g = goldArticle({ title: null, date: null, source: null, source_accept: [null, 'agencies'] });
    const ok = scoreRecords(set([g]), [record({ title: 'A short title', date: null, source: 'Agencies' })]).summary;
    expect([ok.title, ok.date, ok.source]).toEqual([1, 1, 1]);
    const bad = scoreRecords(set([g]), [record({ title: '', date: '2025-11-26', source: 'TASS' })]);
    expect([bad.summary.title, bad.summary.date, bad.summary.source]).toEqual([0, 0, 0]);
    expect(bad.reports[0]?.notes).toContain('date=2025-11-26 want null');
  });

  it('scores quotes: recall, precision, duplicates, attribution', () => {
    const r = record({
      quotes: [
        { text: '“We are open to dialogue, but we will not accept ultimatums”', speaker: 'Sergei Lavrov' },
        { text: 'We are open to dialogue, but we will not accept ultimatums.', speaker: 'Dmitry Peskov' }, // duplicate
        { text: 'Kremlin spokesman Dmitry Peskov', speaker: null }, // extra
      ],
    });
    const { summary, reports } = scoreRecords(set([goldArticle()]), [r]);
    expect(summary.quotes_recall).toBe(0.5);
    expect(summary.full_quotes_recall).toBe(1);
    expect(summary.quotes_precision).toBeCloseTo(2 / 3);
    expect(summary.attribution).toBe(0);
    expect(reports[0]?.notes.some((n) => n.startsWith('misattributed'))).toBe(true);
    expect(reports[0]?.notes.some((n) => n.startsWith('extra quote'))).toBe(true);
  });

  it('scores speakers as a set, with aliases, and reports a person split across articles', () => {
    const g2 = goldArticle({ file: 'b.txt' });
    const { summary, splitPersons } = scoreRecords(set([goldArticle(), g2]), [
      record({ speakers: ['Dmitry Peskov', 'Sergei Lavrov'] }),
      record({ file: 'b.txt', speakers: ['Peskov'] }),
    ]);
    expect(summary.speakers_precision).toBeCloseTo(2 / 3);
    expect(summary.speakers_recall).toBe(1);
    expect(summary.split_persons).toBe(1);
    expect(splitPersons[0]).toBe('Dmitry Peskov: Dmitry Peskov / Peskov');
  });

  it('checks topics, forbidden topics (set-wide and per article) and the body', () => {
    const g = goldArticle({ topics_forbidden: ['victory day'] });
    const r = record({
      topics: ['Cookies', 'Victory Day parade'],
      body: 'Read more: a story. Peskov spoke.',
    });
    const { summary } = scoreRecords(set([g], { topics_forbidden: ['cookies'] }), [r]);
    expect(summary.topics_recall).toBe(0);
    expect(summary.boilerplate_topics).toBe(2);
    expect(summary.boilerplate_leaks).toBe(1);
    expect(summary.body_lost_quotes).toBe(2);
  });

  it('finds a quote in a Markdown body whatever the emphasis', () => {
    const r = record({ body: '> **We are open to dialogue, but we will _not_ accept ultimatums.** It was *futility*.' });
    expect(scoreRecords(set([goldArticle()]), [r]).summary.body_lost_quotes).toBe(0);
  });
});

describe('records.json input', () => {
  it('reads names and labels from strings or objects', () => {
    const r = toScoredRecord({
      file: 'x.txt', title: 'T', date: '2025-01-02', source: { name: 'Reuters' },
      speakers: [{ name: 'Dmitry Peskov', id: 'dmitry-peskov' }, 'Lavrov'],
      quotes: [{ text: 'Q', speaker: { name: 'Lavrov' } }, { text: 'R', speaker: null }],
      topics: [{ label: 'NATO', id: 'nato' }, 'Iran'],
      body: 'B',
    });
    expect(r).toEqual({
      file: 'x.txt', title: 'T', date: '2025-01-02', source: 'Reuters', speakers: ['Dmitry Peskov', 'Lavrov'],
      quotes: [{ text: 'Q', speaker: 'Lavrov' }, { text: 'R', speaker: null }], topics: ['NATO', 'Iran'], body: 'B',
    });
  });
});

describe('gold checks', () => {
  it('accepts a consistent annotation and flags a quote that is not verbatim', () => {
    const text = 'Kremlin says talks possible\n\n“We are open to dialogue, but we will not accept ultimatums.” Just “futility”. Read more: x';
    expect(checkGold(goldArticle(), text)).toEqual([]);
    const bad = goldArticle({ quotes: [{ text: 'We are open to talks', speaker: 'Dmitry Peskov', kind: 'full' }] });
    expect(checkGold(bad, text)).toEqual(['quote 0 not verbatim in text: We are open to talks']);
  });
  it('flags a must-have topic that a forbidden label would also match', () => {
    const text = 'Kremlin says talks possible\n\n“We are open to dialogue, but we will not accept ultimatums.” Just “futility”. Read more: x';
    expect(checkGold(goldArticle(), text, ['talks'])).toEqual(['must-have topic peace talks is also forbidden (talks)']);
  });
});

describe('targets, options and output', () => {
  it('lists the targets a summary misses', () => {
    const { summary } = scoreRecords(set([goldArticle()]), [record({ quotes: [], date: null })]);
    expect(missedTargets(summary, CORPUS_TARGETS)).toEqual(['date 0% < 95%', 'quotes_recall 0% < 90%']);
  });
  it('parses options, with seeds targets by default for --gold', () => {
    expect(parseOptions(['--gold', 'g.json', '--json'])).toMatchObject({ gold: 'g.json', targets: 'seeds', json: true });
    expect(parseOptions([])).toMatchObject({ corpus: 'tests/corpus', targets: 'corpus', verbose: false });
    expect(() => parseOptions(['--corpus'])).toThrow(UsageError);
    expect(() => parseOptions(['--nope'])).toThrow(UsageError);
  });
  it('prints the summary line of score.mjs and the JSON line', () => {
    const result = scoreRecords(set([goldArticle()]), [record()]);
    expect(summaryLine(result.summary)).toBe(
      'title 100% · date 100% · source 100% · speakers P 100% R 100% · quotes P 100% R 100% (full 100%) · attribution 100% · ' +
        'topics R 100% · boilerplate topics 0 · boilerplate in body 0 · body lost quotes 0 · missing 0',
    );
    const lines = formatResult(result, { json: true, verbose: true });
    expect(lines[0]).toBe('a.txt: all correct');
    expect(JSON.parse(lines[lines.length - 1] ?? '{}')).toMatchObject({ articles: 1, quotes_recall: 1 });
  });
});
