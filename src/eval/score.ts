/**
 * Scores records against a gold set, field by field, with the figures and
 * matching rules of ../shared/eval/score.mjs. One extension: an article's own
 * `topics_forbidden` list counts for that article, beside the set's list.
 */
import { basename } from 'node:path';
import type { GoldSet, ScoredRecord } from './gold-types.js';
import { fold, quoteKey } from './normalize.js';
import { AliasIndex, quotesMatch, topicMatches } from './match.js';

export interface ArticleReport {
  file: string;
  missing: boolean;
  /** What the record gets wrong, in score.mjs's wording; empty when all is correct. */
  notes: string[];
}

export interface Summary {
  articles: number;
  missing: number;
  title: number;
  date: number;
  source: number;
  speakers_precision: number;
  speakers_recall: number;
  quotes_recall: number;
  full_quotes_recall: number;
  quotes_precision: number;
  attribution: number;
  topics_recall: number;
  boilerplate_topics: number;
  boilerplate_leaks: number;
  body_lost_quotes: number;
  split_persons: number;
}

export interface ScoreResult {
  reports: ArticleReport[];
  /** One line per gold person the system spelled several ways: `canon: a / b`. */
  splitPersons: string[];
  summary: Summary;
}

interface Totals {
  articles: number; missing: number; title: number; date: number; source: number;
  speakersTp: number; speakersFp: number; speakersFn: number;
  quotesGold: number; quotesFound: number; fullGold: number; fullFound: number;
  quotesSystem: number; quotesSystemMatched: number; attributed: number;
  topicsMust: number; topicsHit: number; topicsForbidden: number;
  boilerplateLeaks: number; bodyMissingQuotes: number;
}

const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b);

/** Finds the record for a gold file: same relative path, else same base name. */
function recordIndex(records: ScoredRecord[]): (file: string) => ScoredRecord | undefined {
  const byPath = new Map<string, ScoredRecord>();
  const byBase = new Map<string, ScoredRecord>();
  for (const r of records) {
    byPath.set(r.file.replace(/\\/g, '/'), r);
    byBase.set(basename(r.file), r);
  }
  return (file) => byPath.get(file) ?? byBase.get(file);
}

export function scoreRecords(gold: GoldSet, records: ScoredRecord[]): ScoreResult {
  const aliases = new AliasIndex(gold);
  const find = recordIndex(records);
  const t: Totals = {
    articles: 0, missing: 0, title: 0, date: 0, source: 0,
    speakersTp: 0, speakersFp: 0, speakersFn: 0,
    quotesGold: 0, quotesFound: 0, fullGold: 0, fullFound: 0, quotesSystem: 0, quotesSystemMatched: 0,
    attributed: 0, topicsMust: 0, topicsHit: 0, topicsForbidden: 0, boilerplateLeaks: 0, bodyMissingQuotes: 0,
  };
  const reports: ArticleReport[] = [];
  const personNames = new Map<string, Set<string>>();

  for (const g of gold.articles) {
    t.articles += 1;
    const r = find(g.file);
    if (!r) {
      t.missing += 1;
      t.speakersFn += g.speakers.length;
      t.quotesGold += g.quotes.length;
      t.fullGold += g.quotes.filter((q) => q.kind === 'full').length;
      t.topicsMust += (g.topics_must ?? []).length;
      reports.push({ file: g.file, missing: true, notes: ['MISSING from records'] });
      continue;
    }
    const notes: string[] = [];

    // title
    const title = String(r.title ?? '').trim();
    const titleOk = g.title ? quoteKey(title) === quoteKey(g.title) : title.length > 0 && title.length <= 120;
    if (titleOk) t.title += 1;
    else notes.push(`title=${JSON.stringify(title)}`);

    // date
    const date = r.date == null ? null : String(r.date).slice(0, 10);
    if (date === g.date) t.date += 1;
    else notes.push(`date=${date} want ${g.date}`);

    // source
    const accepted = (g.source_accept ?? [g.source]).map((s) => (s == null ? null : fold(s)));
    if (accepted.includes(r.source == null ? null : fold(r.source))) t.source += 1;
    else notes.push(`source=${JSON.stringify(r.source)}`);

    // speakers, as a set per article
    const systemSpeakers = r.speakers.filter((s) => s.length > 0);
    for (const s of systemSpeakers) {
      const hit = g.speakers.find((gs) => aliases.sameSpeaker(s, gs));
      if (hit) {
        t.speakersTp += 1;
        let seen = personNames.get(hit);
        if (!seen) {
          seen = new Set();
          personNames.set(hit, seen);
        }
        seen.add(s);
      } else {
        t.speakersFp += 1;
        notes.push(`extra speaker ${JSON.stringify(s)}`);
      }
    }
    for (const gs of g.speakers) {
      if (!systemSpeakers.some((s) => aliases.sameSpeaker(s, gs))) {
        t.speakersFn += 1;
        notes.push(`missed speaker ${gs}`);
      }
    }

    // quotes: each gold quote takes the first unused system quote that matches
    t.quotesSystem += r.quotes.length;
    const used = new Set<number>();
    for (const gq of g.quotes) {
      t.quotesGold += 1;
      if (gq.kind === 'full') t.fullGold += 1;
      const i = r.quotes.findIndex((sq, j) => !used.has(j) && quotesMatch(sq.text, gq.text));
      const found = r.quotes[i];
      if (i < 0 || !found) {
        notes.push(`missed quote ${JSON.stringify(gq.text.slice(0, 40))}`);
        continue;
      }
      used.add(i);
      t.quotesFound += 1;
      if (gq.kind === 'full') t.fullFound += 1;
      if (aliases.speakerOk(found.speaker, gq.speaker)) t.attributed += 1;
      else notes.push(`misattributed ${JSON.stringify(gq.text.slice(0, 30))} to ${found.speaker}`);
    }
    r.quotes.forEach((sq, j) => {
      if (used.has(j)) t.quotesSystemMatched += 1;
      else if (!g.quotes.some((gq) => quotesMatch(sq.text, gq.text))) notes.push(`extra quote ${JSON.stringify(sq.text.slice(0, 40))}`);
      else t.quotesSystemMatched += 1; // a duplicate of a found quote
    });

    // topics
    for (const group of g.topics_must ?? []) {
      t.topicsMust += 1;
      if (r.topics.some((label) => group.some((alias) => topicMatches(label, alias)))) t.topicsHit += 1;
      else notes.push(`missed topic ${group[0] ?? ''}`);
    }
    const forbidden = [...(gold.topics_forbidden ?? []), ...(g.topics_forbidden ?? [])];
    for (const label of r.topics) {
      if (forbidden.some((f) => topicMatches(label, f))) {
        t.topicsForbidden += 1;
        notes.push(`boilerplate topic ${JSON.stringify(label)}`);
      }
    }

    // body: boilerplate gone, quotes kept
    if (r.body == null) notes.push('no body field');
    else {
      const foldedBody = fold(r.body);
      for (const b of g.boilerplate ?? []) {
        if (foldedBody.includes(fold(b))) {
          t.boilerplateLeaks += 1;
          notes.push(`boilerplate in body ${JSON.stringify(b)}`);
        }
      }
      const flatBody = quoteKey(r.body.replace(/[*_`>#]/g, ''));
      for (const gq of g.quotes) {
        if (!flatBody.includes(quoteKey(gq.text))) {
          t.bodyMissingQuotes += 1;
          notes.push(`body lost quote ${JSON.stringify(gq.text.slice(0, 30))}`);
        }
      }
    }
    reports.push({ file: g.file, missing: false, notes });
  }

  const splitPersons = [...personNames.entries()]
    .filter(([, names]) => names.size > 1)
    .map(([canon, names]) => `${canon}: ${[...names].join(' / ')}`);
  const summary: Summary = {
    articles: t.articles,
    missing: t.missing,
    title: ratio(t.title, t.articles),
    date: ratio(t.date, t.articles),
    source: ratio(t.source, t.articles),
    speakers_precision: ratio(t.speakersTp, t.speakersTp + t.speakersFp),
    speakers_recall: ratio(t.speakersTp, t.speakersTp + t.speakersFn),
    quotes_recall: ratio(t.quotesFound, t.quotesGold),
    full_quotes_recall: ratio(t.fullFound, t.fullGold),
    quotes_precision: ratio(t.quotesSystemMatched, t.quotesSystem),
    attribution: ratio(t.attributed, t.quotesFound),
    topics_recall: ratio(t.topicsHit, t.topicsMust),
    boilerplate_topics: t.topicsForbidden,
    boilerplate_leaks: t.boilerplateLeaks,
    body_lost_quotes: t.bodyMissingQuotes,
    split_persons: splitPersons.length,
  };
  return { reports, splitPersons, summary };
}
