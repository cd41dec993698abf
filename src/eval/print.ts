/** Formats a score for the terminal, in the layout of ../shared/eval/score.mjs. */
import type { ScoreResult, Summary } from './score.js';

const pct = (x: number): string => `${Math.round(x * 100)}%`;

/** The one-line summary, word for word as score.mjs prints it. */
export function summaryLine(s: Summary): string {
  return (
    `title ${pct(s.title)} · date ${pct(s.date)} · source ${pct(s.source)} · speakers P ${pct(s.speakers_precision)} R ${pct(s.speakers_recall)} · ` +
    `quotes P ${pct(s.quotes_precision)} R ${pct(s.quotes_recall)} (full ${pct(s.full_quotes_recall)}) · attribution ${pct(s.attribution)} · ` +
    `topics R ${pct(s.topics_recall)} · boilerplate topics ${s.boilerplate_topics} · boilerplate in body ${s.boilerplate_leaks} · body lost quotes ${s.body_lost_quotes} · missing ${s.missing}`
  );
}

export interface PrintOptions {
  json: boolean;
  verbose: boolean;
}

/** The report's lines: per-article rows (all with --verbose, only faulty ones otherwise), split persons, summary, JSON. */
export function formatResult(result: ScoreResult, options: PrintOptions): string[] {
  const lines: string[] = [];
  if (options.verbose || !options.json) {
    for (const r of result.reports) {
      if (r.notes.length === 0 && !options.verbose) continue;
      lines.push(`${r.file}: ${r.notes.length ? r.notes.join('; ') : 'all correct'}`);
    }
  }
  if (result.splitPersons.length) lines.push(`one person, several names: ${result.splitPersons.join('; ')}`);
  lines.push(summaryLine(result.summary));
  if (options.json) lines.push(JSON.stringify(result.summary));
  return lines;
}
