import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { blockWords, type Block } from '../blocks.js';
import { findDates, findUrlDate } from '../text/dates.js';
import { countWords } from '../text/fold.js';
import { isWhiteSpaceCode } from '../text/quote-spans.js';
import { fileMessage } from '../file-message.js';

/**
 * Finds the publication date: a date stamp line of the article itself ("Jul 9, 2024 8:07 AM",
 * "Published: 26 November 2025", "2024-03-26 21:57:13") or a dateline date, never a date told in the
 * story or a caption. An "Updated" stamp counts only when it is the only one. No full date: null.
 */
export default function remarkFindDate() {
  return (_tree: Root, file: VFile): void => {
    const blocks = file.data.blocks ?? [];
    const found = findPublicationDate(blocks);
    file.data.article!.date = found;
    if (!found) fileMessage(file, 'No publication date stated in the text', { ruleId: 'date:missing', source: 'news-archive' });
  };
}

const UPDATED = /(?<![\p{L}])(?:updated?|modified|edited|last updated|revised|atualizado|actualizado|mis à jour|aktualisiert|uppdaterad|oppdatert|opdateret|päivitetty|aggiornato|zaktualizowano|bijgewerkt)(?![\p{L}])/iu;
const PUBLISHED = /(?<![\p{L}])(?:published|posted|created|first published|date|dated|issued|released|publicerad|publisert|publiceret|julkaistu|veröffentlicht|publié|publicado|pubblicato|opublikowano|gepubliceerd)(?![\p{L}])/iu;
const TIME = /\b\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*\(?(?:[A-Z]{2,5}|GMT[+-]?\d*|UTC[+-]?\d*)\)?)?/gi;
const LABELS = /\b(?:published|posted|created|first|updated|modified|last|edited|revised|date|dated|on|at|issued|released|time|read|min|mins|minutes?|reading)\b/gi;
const WEEKDAY = /\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?/gi;
const TIMEZONE = /\b(?:[ECMP][SD]T|GMT|UTC|BST|CET|CEST|EET|EEST|MSK|IST|KST|JST)(?:[+-]\d{1,2}(?::?\d{2})?)?\b|[+-]\d{2}:?\d{2}\b/g;

/** How much of a line is the date stamp: true when little is left once date, time, labels and byline are gone. */
function isStampLine(block: Block, dateIndex: number, dateLength: number): boolean {
  const text = block.text;
  // "Sino Review | 14 Mar, 2025 16:05 | Editor: …": the date has a segment of its own
  const separators = /\s[|·•]\s|\s{2,}/g;
  let segmentStart = 0;
  let segmentEnd = text.length;
  for (const m of text.matchAll(separators)) {
    if (m.index! + m[0].length <= dateIndex) segmentStart = m.index! + m[0].length;
    else if (m.index! >= dateIndex + dateLength) {
      segmentEnd = m.index!;
      break;
    }
  }
  if (segmentStart > 0 || segmentEnd < text.length) {
    const segment = text.slice(segmentStart, segmentEnd);
    if (isStampSegment(segment, dateIndex - segmentStart, dateLength)) return true;
  }
  // "Date 2025/05/21", "Published: 3 March 2025" in a longer line
  if (labelledBefore(text.slice(0, dateIndex)) && blockWords(block) <= 30) return true;
  return isStampSegment(text, dateIndex, dateLength);
}

/**
 * `/(?:date|published|posted|issued)\s*:?\s*$/i.test(before)`, tried only where the text ends (spaces and a
 * colon aside) with an e or a d, as each of those words does.
 */
export function labelledBefore(before: string): boolean {
  let end = before.length;
  while (end > 0 && isWhiteSpaceCode(before.charCodeAt(end - 1))) end--;
  if (end > 0 && before.charCodeAt(end - 1) === 58) end--;
  while (end > 0 && isWhiteSpaceCode(before.charCodeAt(end - 1))) end--;
  const last = end > 0 ? before.charCodeAt(end - 1) | 32 : 0;
  return (last === 101 || last === 100) && /(?:date|published|posted|issued)\s*:?\s*$/i.test(before);
}

function isStampSegment(text: string, dateIndex: number, dateLength: number): boolean {
  let rest = text.slice(0, dateIndex) + ' ' + text.slice(dateIndex + dateLength);
  rest = rest.replace(/\bby\s+[^|•·,]+/i, ' ').replace(TIME, ' ').replace(TIMEZONE, ' ').replace(LABELS, ' ').replace(WEEKDAY, ' ');
  // (a text made here is counted, not looked up: a new string's hash reads all its characters)
  return countWords(rest) <= 4;
}

type Kind = 'published' | 'plain' | 'dateline' | 'updated';
const RANK: Record<Kind, number> = { published: 0, plain: 1, dateline: 2, updated: 3 };

/** A dateline that opens the first paragraph: "KYIV, Nov 26, 2025 (Reuters) —" or "March 3, 2025 —". */
const DATELINE_HEAD = /^(?:[\p{Lu}][\p{L}.'’ -]{1,40},\s*)?(.{6,30}?)\s*(?:\([^()]{2,40}\)\s*)?(?:[—–-]{1,2}|[.:])\s/u;

export function findPublicationDate(blocks: Block[]): string | null {
  const candidates: { iso: string; kind: Kind; index: number }[] = [];
  let firstStory = -1;
  for (const block of blocks) {
    if (block.role === 'boilerplate' || block.role === 'caption' || block.role === 'hashtags') continue;
    const dates = findDates(block.text);
    const isStory = block.role === 'body' && blockWords(block) > 25;
    if (isStory && firstStory < 0) {
      firstStory = block.index;
      const head = DATELINE_HEAD.exec(block.text);
      const date = dates[0];
      if (head && date && date.index < head[0].length) candidates.push({ iso: date.iso, kind: 'dateline', index: block.index });
      continue;
    }
    if (dates.length === 0 || dates.length > 2) continue;
    if (dates.length === 2 && !UPDATED.test(block.text) && blockWords(block) > 8) continue;
    if (dates.length === 1 && !isStampLine(block, dates[0]!.index, dates[0]!.length)) continue;
    if (dates.length === 2 && blockWords(block) > 16) continue;
    let labelFrom = 0;
    for (const date of dates) {
      const label = block.text.slice(labelFrom, date.index);
      const kind: Kind = UPDATED.test(label) ? 'updated' : PUBLISHED.test(label) ? 'published' : 'plain';
      candidates.push({ iso: date.iso, kind, index: block.index });
      labelFrom = date.index + date.length;
    }
    block.role = block.role === 'body' ? 'stamp' : block.role;
  }
  candidates.sort((a, b) => RANK[a.kind] - RANK[b.kind] || a.index - b.index);
  if (candidates[0]) return candidates[0].iso;
  // no stamp at all: the article's own address may carry its date
  for (const block of blocks) {
    if (block.role === 'caption') continue;
    const fromUrl = findUrlDate(block.text);
    if (fromUrl) return fromUrl;
  }
  return null;
}
