/**
 * Sanity checks on a gold annotation against its own article text, so that
 * a typo in gold.json is caught before it is blamed on the extractor.
 */
import type { GoldArticle } from './gold-types.js';
import { topicMatches } from './match.js';
import { fold } from './normalize.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Problems with one gold article, empty when it is consistent with `text`.
 * `setForbidden` is the set-wide `topics_forbidden`, checked against the article's must-have topics.
 */
export function checkGold(gold: GoldArticle, text: string, setForbidden: readonly string[] = []): string[] {
  const problems: string[] = [];
  const folded = fold(text);
  const has = (s: string): boolean => text.includes(s);
  if (gold.title != null && !has(gold.title)) problems.push(`title not in text: ${gold.title}`);
  if (gold.date != null && !ISO_DATE.test(gold.date)) problems.push(`date not YYYY-MM-DD: ${gold.date}`);
  for (const d of gold.date_distractors ?? []) {
    if (!ISO_DATE.test(d)) problems.push(`distractor not YYYY-MM-DD: ${d}`);
    if (d === gold.date) problems.push(`distractor equals the date: ${d}`);
  }
  const accept = gold.source_accept ?? [gold.source];
  if (!accept.includes(gold.source)) problems.push(`source_accept lacks the source ${String(gold.source)}`);
  const quoted = new Set<string>();
  gold.quotes.forEach((q, i) => {
    if (!has(q.text)) problems.push(`quote ${i} not verbatim in text: ${q.text.slice(0, 50)}`);
    if (q.kind !== 'full' && q.kind !== 'partial') problems.push(`quote ${i} kind ${String(q.kind)}`);
    const names = Array.isArray(q.speaker) ? q.speaker : [q.speaker];
    for (const n of names) {
      if (n == null) continue;
      quoted.add(n);
      if (!gold.speakers.includes(n)) problems.push(`quote ${i} speaker ${n} not in speakers`);
    }
  });
  for (const s of gold.speakers) if (!quoted.has(s)) problems.push(`speaker ${s} has no quote`);
  for (const m of gold.mentioned ?? []) if (gold.speakers.includes(m)) problems.push(`${m} is both speaker and mentioned`);
  for (const b of gold.boilerplate ?? []) if (!folded.includes(fold(b))) problems.push(`boilerplate not in text: ${b}`);
  for (const n of gold.not_quotes ?? []) if (!folded.includes(fold(n))) problems.push(`not_quote not in text: ${n}`);
  for (const h of gold.subheadings ?? []) if (!has(h)) problems.push(`subheading not in text: ${h}`);
  const forbidden = [...setForbidden, ...(gold.topics_forbidden ?? [])];
  for (const group of gold.topics_must ?? []) {
    for (const alias of group) {
      const clash = forbidden.find((f) => topicMatches(alias, f));
      if (clash !== undefined) problems.push(`must-have topic ${alias} is also forbidden (${clash})`);
    }
  }
  for (const [canon, list] of Object.entries(gold.speaker_aliases ?? {})) {
    if (list.includes(canon)) problems.push(`alias list of ${canon} repeats the canonical name`);
  }
  return problems;
}
