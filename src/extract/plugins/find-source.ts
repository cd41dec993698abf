import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { blockWords, type Block } from '../blocks.js';
import { WIRE_AGENCIES } from '../lexicon/wires.js';
import { wordCount } from '../text/fold.js';
import { execGuarded, guarded } from '../text/guarded.js';
import { fileMessage } from '../file-message.js';

/**
 * Finds who published the article: a wire in a dateline ("LONDON (Reuters) -", "Moscow (agencies)"),
 * a "Source: …" line, "writes UNN", a "© 2025 Reuters" footer, the site of a title suffix, the
 * organisation of a byline. Also the byline and the dateline place. An agency only quoted in the
 * story ("according to TASS") is not the source.
 */
export default function remarkFindSource() {
  return (_tree: Root, file: VFile): void => {
    const found = findSource(file.data.blocks ?? []);
    const article = file.data.article!;
    article.byline = found.byline;
    article.dateline = found.dateline;
    article.source = found.source ?? file.data.titleSite ?? null;
    if (!article.source) fileMessage(file, 'No publisher or wire named in the text', { ruleId: 'source:missing', source: 'news-archive' });
  };
}

export interface SourceResult {
  source: string | null;
  byline: string | null;
  dateline: string | null;
}

export const DATELINE = guarded(/\(/, /^([\p{Lu}][\p{L}'’.\- ]{1,40}?)(?:,\s*[^()]{1,40}?)?\s*\(([^()]{2,40})\)\s*(?:[-—–:]{1,2}\s*|$)/u);
const SOURCE_LINE = /^(?:source|sources|via|credit|originally published (?:by|in|on|at)|this (?:article|story) (?:was )?(?:first )?(?:appeared|published) (?:in|on|by))\s*[:\-–—]?\s*(.+?)\.?$/i;
const WRITES = /(?:,|—|–|-)\s*(?:writes|reports|informs)\s+(?:the\s+)?([\p{Lu}][\p{L}\p{N}.\-]*(?:\s+[\p{Lu}][\p{L}\p{N}.\-]*){0,3})(?:\s+(?:with reference to|citing|referring to)\b[^.]*)?\.?$/u;
const COPYRIGHT = /^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(?:by\s+)?([^.|,]{2,60}?)(?:[.,|]|\s+all rights reserved|$)/i;
const BYLINE = /^(?:by|story by|words by)\s+([^|•·\n]{2,80}?)(?:\s*[|•·]\s*(.*))?$/i;
export const OWN_FURNITURE = guarded(/ website contains\b|^sign up for /iu, /^(\p{Lu}[\p{L}&.'’ -]{1,40}?) website contains\b|^sign up for ((?:the )?\p{Lu}[\p{L}&.' -]{1,40}?)['’]s\s/iu);
/** "MOSCOW, February 6. /TASS/." */
export const SLASH_CREDIT = guarded(/\//, /^[\p{Lu}][\p{L} .'’-]{1,40},\s*[^/]{3,30}?\.?\s*\/([\p{L}][\p{L} -]{1,30})\/\.?/u);
/** "Forwarded from Ukraine Front Digest" (a messenger repost). */
const FORWARDED = /^forwarded from\s+(.+?)[\s\p{Extended_Pictographic}\p{Regional_Indicator}]*$/iu;
/** A short line naming the publication: "The Han River Times", "Deccan Ledger News Service". */
const PUBLICATION_LINE = /^(?:the\s+)?(?:\p{Lu}[\p{L}'’&.-]*\s+){0,4}(?:times|post|herald|news service|daily|tribune|gazette|journal|chronicle|courier|dispatch|observer|monitor|ledger|review|insider|express|telegraph|standard|record|bulletin|news agency|press|wire|brief|briefing)(?:\s+(?:online|english|international|edition|english edition))?$/iu;
/** "An Ukrinform correspondent reports." */
const CORRESPONDENT = /^(?:an?|the)\s+(\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+){0,2})\s+correspondent\s+reports\.?$/u;
/** "From: The Wellington Brief <newsletter@…>" at the top of a newsletter e-mail. */
const MAIL_FROM = /^from:\s*"?([^<"]{2,60}?)"?\s*<[^>]+>$/i;
const ORGISH = /\b(?:agency|news|press|times|post|media|network|tv|radio|daily|wire|service|herald|journal|gazette|tribune|channel|online|desk|courier|observer|review|report|magazine|monitor|chronicle|dispatch|\.com|\.net|\.org)\b/i;
/** "GULF COURIER STAFF", "Web Desk": a publication's own staff credit. */
export const STAFF_LINE = guarded(/(?:staff|writers?|reporters?|desk|newsroom)$/iu, /^(?:by\s+)?(?!by\s)([\p{L}&.' -]{2,40}?)\s+(?:staff(?: writers?| reporters?)?|news desk|web desk|newsroom|desk)$/iu);

function domainOf(text: string): string {
  const m = /^(?:https?:\/\/)?(?:www\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)+)/i.exec(text.trim());
  return m ? m[1]! : text.trim();
}

function cleanName(text: string): string {
  return text.replace(/[\s.,;:]+$/, '').trim();
}

/** "GULF COURIER" → "Gulf Courier"; mixed case is left alone. */
function titleCase(text: string): string {
  const trimmed = cleanName(text);
  if (trimmed !== trimmed.toUpperCase()) return trimmed;
  return trimmed.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}

export function findSource(blocks: Block[]): SourceResult {
  let source: string | null = null;
  let byline: string | null = null;
  let dateline: string | null = null;
  let storySeen = 0;
  for (const block of blocks) {
    if (block.role === 'caption' || block.role === 'hashtags') continue;
    const text = block.text;
    const words = blockWords(block);
    if (block.role === 'body' && words > 25) storySeen++;

    const correspondent = CORRESPONDENT.exec(text);
    if (correspondent) {
      source ??= correspondent[1]!;
      block.role = 'boilerplate';
      continue;
    }
    const mailFrom = MAIL_FROM.exec(text);
    if (mailFrom) {
      source ??= cleanName(mailFrom[1]!);
      block.role = 'boilerplate';
      continue;
    }
    const slash = execGuarded(SLASH_CREDIT, text);
    if (slash && storySeen <= 1) {
      source ??= slash[1]!.trim();
      dateline ??= text.split(',')[0]!.trim();
    }
    const forwarded = FORWARDED.exec(text);
    if (forwarded && words <= 8) {
      source ??= forwarded[1]!.trim();
      block.role = 'byline';
      continue;
    }
    if (storySeen === 0 && block.role !== 'title' && words <= 6 && PUBLICATION_LINE.test(text.trim())) {
      source ??= titleCase(text);
      block.role = 'boilerplate';
      continue;
    }
    // "Deccan Ledger News Service | Updated: …": a stamp line's segment naming the publication
    if (storySeen === 0 && /\s[|•·]\s?/.test(text) && words <= 20) {
      const named = text.split(/\s*[|•·]\s*/).map((part) => part.trim()).find((part) => wordCount(part) <= 6 && PUBLICATION_LINE.test(part));
      if (named) source ??= named;
    }
    // the publication names itself in its own furniture: "Anadolu Agency website contains …", "Sign up for The Dispatch’s …"
    const own = execGuarded(OWN_FURNITURE, text);
    if (own && words <= 40) source ??= cleanName(own[1] ?? own[2] ?? '');
    const staff = execGuarded(STAFF_LINE, text);
    if (staff && words <= 6 && block.role === 'body') {
      source ??= titleCase(staff[1]!);
      block.role = 'byline';
      continue;
    }
    const bylineMatch = BYLINE.exec(text);
    if (!byline && bylineMatch && words <= 16 && block.role !== 'title') {
      const withAgency = /^(.+?)\s+with\s+(.+)$/i.exec(bylineMatch[1]!);
      if (withAgency && (WIRE_AGENCIES.has(withAgency[2]!.trim().toLowerCase()) || /^[A-Z]{2,5}$/.test(withAgency[2]!.trim()))) {
        source ??= titleCase(withAgency[1]!);
      }
      const [name, org] = bylineMatch[1]!.split(/\s*,\s*|\s+(?:for|of)\s+/);
      byline = cleanName(name ?? '');
      const credit = org ?? bylineMatch[2] ?? '';
      if (!source && credit && (ORGISH.test(credit) || WIRE_AGENCIES.has(credit.trim().toLowerCase()))) source = cleanName(credit);
      if (WIRE_AGENCIES.has(byline.toLowerCase())) source ??= WIRE_AGENCIES.get(byline.toLowerCase())!;
      if (block.role === 'body' || block.role === 'stamp') block.role = 'byline';
      continue;
    }
    if (storySeen <= 1 && block.role !== 'boilerplate') {
      const m = execGuarded(DATELINE, text);
      if (m && !dateline) {
        const credit = m[2]!.trim();
        const isWire = WIRE_AGENCIES.has(credit.toLowerCase()) || ORGISH.test(credit) || /^[A-Z]{2,6}$/.test(credit);
        if (isWire) {
          dateline = m[1]!.trim();
          source ??= credit;
          if (words <= 6 && block.role === 'body') block.role = 'dateline';
          continue;
        }
      }
    }
    const sourceLine = SOURCE_LINE.exec(text);
    if (sourceLine && words <= 14) {
      source ??= domainOf(cleanName(sourceLine[1]!.split(/\.\s/)[0]!));
      block.role = 'boilerplate';
      continue;
    }
    const copyright = COPYRIGHT.exec(text);
    // "© UNICEF/Mohamed Zakaria" is a photo credit, not the publisher
    if (copyright && words <= 40 && !/\//.test(copyright[0])) {
      source ??= cleanName(copyright[1]!.replace(/\s+\d{4}(?:\s*[-–]\s*\d{4})?$/, ''));
      block.role = 'boilerplate';
      continue;
    }
    if (storySeen <= 2 && block.role === 'body') {
      const writes = WRITES.exec(text);
      if (writes) source ??= cleanName(writes[1]!);
    }
  }
  return { source, byline, dateline };
}
