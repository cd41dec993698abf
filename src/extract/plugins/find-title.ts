import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { Block } from '../blocks.js';
import { splitSentences } from '../text/sentences.js';
import { fold, wordCount } from '../text/fold.js';

/**
 * Finds the headline: the first short line of the story, with a "| Section | site" suffix cut off
 * (the site is kept as a source hint), repeats of it removed, and a title drawn from the lead when
 * the text has no headline.
 */
export default function remarkFindTitle() {
  return (_tree: Root, file: VFile): void => {
    const blocks = file.data.blocks ?? [];
    const found = findTitle(blocks);
    file.data.titleSite = found.site;
    file.data.article!.title = found.title;
    file.data.article!.titleFromLead = found.fromLead;
    if (found.fromLead) {
      file.message('No headline found; the title is drawn from the lead', { place: found.line ? { line: found.line, column: 1 } : undefined, ruleId: 'title:from-lead', source: 'news-archive' });
    }
  };
}

export interface TitleResult {
  title: string;
  fromLead: boolean;
  site: string | null;
  line: number | null;
}

const DOMAIN = /^(?:https?:\/\/)?(?:www\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)+)\/?$/i;
const DATE_OR_BYLINE = /^(?:by\s|\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}|(?:published|updated|posted|last updated|date)\b)/i;

/** Splits "Headline | Section | site.com" into the headline and the trailing parts. */
export function splitTitleSuffix(text: string): { headline: string; site: string | null; section: string | null } {
  const parts = text.split(/\s+[|\u2502]\s+/);
  if (parts.length >= 2) {
    const site = parts[parts.length - 1]!.trim();
    const section = parts.length >= 3 ? parts[parts.length - 2]!.trim() : null;
    if (wordCount(site) <= 6) return { headline: parts[0]!.trim(), site, section };
  }
  const dash = /^(.{20,}?)\s+[-–—]\s+((?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+)$/i.exec(text);
  if (dash) return { headline: dash[1]!.trim(), site: dash[2]!, section: null };
  return { headline: text, site: null, section: null };
}

function isHeadline(block: Block): boolean {
  const text = block.text;
  if (block.kind === 'heading') return true;
  const words = wordCount(text);
  if (words < 2 || words > 30) return false;
  if (DATE_OR_BYLINE.test(text)) return false;
  if (/^[“"‘']/.test(text)) return false;
  const sentences = splitSentences(text);
  if (sentences.length > 1) return false;
  return true;
}

/** A short title drawn from the lead: its first sentence, cut at a word boundary to at most 120 characters. */
export function titleFromLead(text: string): string {
  const first = splitSentences(text)[0]?.text ?? text;
  const sentence = first.replace(/\s+/g, ' ').trim();
  if (sentence.length <= 120) return sentence.replace(/[.]$/, '');
  const cut = sentence.slice(0, 117);
  const atWord = cut.slice(0, cut.lastIndexOf(' ')).replace(/[\s,;:–—-]+$/, '');
  return `${atWord}…`;
}

export function findTitle(blocks: Block[]): TitleResult {
  const candidates = blocks.filter((b) => b.role === 'body');
  const first = candidates[0];
  if (!first) return { title: 'Untitled', fromLead: true, site: null, line: null };
  let result: TitleResult;
  let titleBlock: Block | null = null;
  // the headline is among the lines before the story starts; a site name or a section label before it is shorter
  const header: Block[] = [];
  for (const block of candidates.slice(0, 5)) {
    if (wordCount(block.text) > 30 && splitSentences(block.text).length > 1) break;
    header.push(block);
    if (!isHeadline(block)) break;
  }
  const headlines = header.filter(isHeadline);
  const headline = headlines.find((b) => wordCount(splitTitleSuffix(b.text).headline) >= 4) ?? (headlines[0] === candidates[0] ? headlines[0] : null) ?? null;
  if (headline) {
    const { headline: text, site } = splitTitleSuffix(headline.text);
    const domainSite = site && DOMAIN.test(site) ? site : site;
    result = { title: text.replace(/\s+/g, ' '), fromLead: false, site: domainSite, line: headline.line };
    titleBlock = headline;
    headline.role = 'title';
  } else {
    result = { title: titleFromLead(first.text), fromLead: true, site: null, line: first.line };
  }
  if (titleBlock) {
    const key = fold(result.title).replace(/[.!?]$/, '');
    for (const block of candidates) {
      if (block === titleBlock || block.index > titleBlock.index + 6) continue;
      const text = fold(block.text).replace(/[.!?]$/, '');
      if (text === key || fold(splitTitleSuffix(block.text).headline).replace(/[.!?]$/, '') === key) block.role = 'boilerplate';
      else if (text.startsWith(key) && text.length > key.length) block.role = 'caption';
    }
  }
  return result;
}
