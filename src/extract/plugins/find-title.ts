import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { blockWords, type Block } from '../blocks.js';
import { splitSentences } from '../text/sentences.js';
import { fold, foldStartsWith, wordCount } from '../text/fold.js';
import { GAZETTEER } from '../lexicon/places.js';
import { fileMessage } from '../file-message.js';

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
      fileMessage(file, 'No headline found; the title is drawn from the lead', { place: found.line ? { line: found.line, column: 1 } : undefined, ruleId: 'title:from-lead', source: 'news-archive' });
    }
  };
}

export interface TitleResult {
  title: string;
  fromLead: boolean;
  site: string | null;
  line: number | null;
}

const DATE_OR_BYLINE = /^(?:by\s|story by\s|words by\s|forwarded from\s|from:|to:|view in browser|\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}|(?:published|updated|posted|last updated|date)\b)|\b\d+\s*min(?:ute)?s? read\b/i;
/** Banners and prompts that are not the headline even where they read like one. */
const NOT_A_HEADLINE = /\b(?:privacy|cookies?|consent|subscribe|sign in|log in|newsletter|skip (?:links|to)|navigation|menu|search|advertisement|human stories|text size|good morning|good evening|here'?s what you need to know)\b/i;

/** Words that name a publication rather than a body that speaks ("EU Insider", not "Foreign Ministry"). */
const PUBLICATION = /\b(?:insider|news|times|post|herald|monitor|review|daily|journal|today|wire|press|tribune|gazette|observer|chronicle|dispatch|courier|express|telegraph|guardian|independent|standard|mirror|record|report|digest|weekly|magazine|media|tv|radio|online|network|ledger|bulletin|insight|globe|voice|nation|pravda|vesti|kurier|zeitung|journal|post)\b/i;

/** Splits "Headline | Section | site.com" into the headline and the trailing parts ("Subject:" of an e-mail dropped). */
export function splitTitleSuffix(written: string): { headline: string; site: string | null; section: string | null } {
  const text = written.replace(/^subject:\s*/i, '');
  const parts = text.split(/\s+[|\u2502]\s+/);
  if (parts.length >= 2) {
    const site = parts[parts.length - 1]!.trim();
    const section = parts.length >= 3 ? parts[parts.length - 2]!.trim() : null;
    if (wordCount(site) <= 6) return { headline: parts[0]!.trim(), site, section };
  }
  // (each of the two patterns needs a dash between spaces: without one neither is tried)
  const spacedDash = /\s[-–—]\s/.test(text);
  const dash = spacedDash ? /^(.{20,}?)\s+[-–—]\s+((?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+)$/i.exec(text) : null;
  if (dash) return { headline: dash[1]!.trim(), site: dash[2]!, section: null };
  // "Headline – EU Insider": a short name in title case after a dash
  const named = spacedDash ? /^(.{25,}?)\s+[–—]\s+((?:\p{Lu}[\p{L}'’.&-]*\s?){1,4})$/u.exec(text) : null;
  if (named && wordCount(named[1]!) >= 5 && PUBLICATION.test(named[2]!)) return { headline: named[1]!.trim(), site: named[2]!.trim(), section: null };
  return { headline: text, site: null, section: null };
}

function isHeadline(block: Block): boolean {
  const text = block.text;
  if (block.kind === 'heading') return true;
  const words = blockWords(block);
  if (words < 2 || words > 30) return false;
  if (DATE_OR_BYLINE.test(text) || NOT_A_HEADLINE.test(text)) return false;
  if (/^[“"‘']/.test(text)) return false;
  // one sentence, or two short ones ("The text is finished. Why has nobody signed it?")
  const sentences = splitSentences(text);
  return sentences.length === 1 || (sentences.length === 2 && words <= 20);
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

/** "World · Central Europe · Opinion": a row of section names, each short. */
function isNavigation(text: string): boolean {
  const parts = text.split(/\s{2,}|\s+[·•|›»>\/]\s+/);
  return parts.length >= 3 && parts.every((p) => wordCount(p) <= 3);
}

/**
 * The publication's name when the page opens with it: "THE KARACHI CHRONICLE", "Prague Monitor",
 * "La Dépêche de Paris — English edition", "Andes Herald | English Edition", "Anatolia Times › Politics".
 */
export function mastheadName(text: string, moreFollows: boolean, next: string | null = null): string | null {
  if (!moreFollows || /[.!?:"“”]$/.test(text) || /\d/.test(text)) return null;
  const first = text.split(/\s+(?:[·•|›»>\/—–]|-)\s+/)[0]!.trim();
  const rest = text.slice(first.length);
  const words = first.split(/\s+/);
  if (words.length === 0 || words.length > 8) return null;
  const edition = /\b(?:english|edition|online|international|global)\b/i.test(rest) || /\s[·•|›»>]\s/.test(rest);
  const allCaps = first === first.toUpperCase() && /\p{Lu}{3}/u.test(first);
  // one word is a name only when a row of sections follows it ("Ukrinform" over "Ukraine / War / Politics")
  const oneWordMasthead = words.length === 1 && next !== null && (isNavigation(next) || /\s[/›»>|]\s/.test(next));
  const titleCase = words.filter((w) => /^\p{L}{4,}/u.test(w)).every((w) => /^\p{Lu}/u.test(w)) && (words.length >= 2 || oneWordMasthead);
  if (/^(?:live|breaking|exclusive|update|updated|opinion|analysis|news|world|home|video|watch)$/i.test(first)) return null;
  if (!(allCaps || (titleCase && (edition || words.length <= 4 || /,/.test(first))))) return null;
  if (GAZETTEER.has(first.toLowerCase())) return null;
  return allCaps ? first.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase()) : first;
}

/** A site's tagline or a section's name reads like a headline but says what the page is, not what happened. */
const TAGLINE = /\b(?:your (?:morning|evening|daily|weekly)|news in english|in english|briefing on|news from|the world'?s|meetings coverage|press releases|live updates|latest news|breaking news)\b/i;

/**
 * The headline among the header's candidates: a line of some length, right above the stamp, the byline or
 * the story, and not a tagline. The first of equals wins.
 */
function bestHeadline(headlines: Block[], blocks: Block[]): Block | null {
  let best: Block | null = null;
  let bestScore = 0;
  let first = true;
  for (const block of headlines) {
    const words = wordCount(splitTitleSuffix(block.text).headline);
    if (words < 4) continue;
    let score = words >= 6 && words <= 25 ? 2 : 1;
    if (first) score += 1;
    first = false;
    // a caption or a note is a sentence; a headline seldom ends with a full stop
    if (/\.$/.test(block.text)) score -= 1;
    // a headline sits above the byline, the stamp or the story, with at most a standfirst or a caption between
    const following = blocks.slice(block.index + 1).filter((b) => b.role !== 'caption' && b.role !== 'boilerplate').slice(0, 3);
    if (following.some((b) => b.role === 'stamp' || b.role === 'byline' || b.role === 'dateline' || blockWords(b) > 20 || DATE_OR_BYLINE.test(b.text))) score += 2;
    if (TAGLINE.test(block.text)) score -= 3;
    if (score > bestScore) {
      best = block;
      bestScore = score;
    }
  }
  return best;
}

export function findTitle(blocks: Block[]): TitleResult {
  const candidates = blocks.filter((b) => b.role === 'body');
  const first = candidates[0];
  if (!first) return { title: 'Untitled', fromLead: true, site: null, line: null };
  let result: TitleResult;
  let titleBlock: Block | null = null;
  // the headline is among the lines before the story starts; a site name or a section label before it is shorter
  const header: Block[] = [];
  for (const block of candidates.slice(0, 15)) {
    const words = blockWords(block);
    // the story has begun: a long paragraph, or several sentences
    if (words > 30 || (words > 20 && splitSentences(block.text).length > 1)) break;
    header.push(block);
  }
  const headlines = header.filter((b) => isHeadline(b) && !isNavigation(b.text) && !(b === header[0] && mastheadName(b.text, header.length > 1)));
  const headline = bestHeadline(headlines, blocks) ?? (headlines[0] === candidates[0] ? headlines[0] : null) ?? null;
  // lines of one or two words above the headline are the site's menu
  if (headline) for (const block of header) if (block.index < headline.index && blockWords(block) <= 2) block.role = 'boilerplate';
  if (headline) {
    const { headline: text } = splitTitleSuffix(headline.text);
    // the headline may stand more than once, with the site after it only once ("Headline | World | site.com")
    const site = header.map((b) => splitTitleSuffix(b.text)).find((parts) => parts.site && fold(parts.headline) === fold(text))?.site ?? null;
    // the page's first line, before the headline, may be the publication's name (even where it reads as navigation)
    const opening = blocks.find((b) => b.role === 'body' || b.role === 'boilerplate');
    const masthead = opening && opening.index < headline.index ? mastheadName(opening.text, true, blocks[opening.index + 1]?.text ?? null) : null;
    if (masthead && opening) opening.role = 'boilerplate';
    for (const block of header) if (block !== headline && isNavigation(block.text)) block.role = 'boilerplate';
    // a headline's closing full stop is dropped ("…readiness for concessions." → "…readiness for concessions")
    const title = text.replace(/\s+/g, ' ').replace(/(?<![.]\w)\.$/, '');
    result = { title, fromLead: false, site: site ?? masthead, line: headline.line };
    titleBlock = headline;
    headline.role = 'title';
  } else {
    const lead = candidates.find((b) => blockWords(b) > 12 && !isNavigation(b.text)) ?? first;
    result = { title: titleFromLead(lead.text), fromLead: true, site: null, line: lead.line };
  }
  if (titleBlock) {
    const key = fold(result.title).replace(/[.!?]$/, '');
    for (const block of candidates) {
      if (block === titleBlock || block.index > titleBlock.index + 6) continue;
      // the same title or one that goes on: either way the folded text starts with the key (most paragraphs of the
      // story do not, told from their start alone)
      const text = foldStartsWith(block.text, key) ? fold(block.text).replace(/[.!?]$/, '') : null;
      // a text without a suffix is its own headline, folded already
      const headline = splitTitleSuffix(block.text).headline;
      if (text === key || (headline !== block.text && fold(headline).replace(/[.!?]$/, '') === key)) block.role = 'boilerplate';
      else if (text !== null && text.startsWith(key) && text.length > key.length) block.role = 'caption';
    }
  }
  return result;
}
