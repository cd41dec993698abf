import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { blockWords, type Block } from '../blocks.js';
import { blockMentions, readMentions } from '../people/find-mentions.js';
import type { Entity, PersonRegistry } from '../people/registry.js';
import { genderOf, type Gender } from '../lexicon/gender.js';
import { attribute, leadingSubject, resolveCandidate, sentenceSubject, speakingSubjects, type AttributionContext } from '../quotes/attribute.js';
import { attributionLineName, attributionLinePerson, isRoleLine } from '../quotes/attribution-line.js';
import { classifySpan } from '../quotes/classify-span.js';
import { speakerCandidates, type Candidate } from '../quotes/speaker-candidates.js';
import { fold } from '../text/fold.js';
import { findQuoteSpans, maskQuotes, type QuoteSpan } from '../text/quote-spans.js';
import { execGuarded, guarded } from '../text/guarded.js';
import { ownCopy } from '../text/own-copy.js';
import { splitSentences } from '../text/sentences.js';
import type { ExtractedQuote } from '../types.js';
import { fileMessage } from '../file-message.js';

/**
 * Finds the direct quotations and who said them: quotation marks of every kind, pull-quotes with an
 * attribution line under them, phrases quoted inside reported speech, paragraphs that go on with the
 * previous speaker. Names and titles in quotation marks and scare quotes are left out.
 */
export default function remarkFindQuotes() {
  return (_tree: Root, file: VFile): void => {
    const registry = file.data.people!;
    const quotes = findQuotes(file.data.blocks ?? [], registry);
    const article = file.data.article!;
    article.quotes = quotes;
    const speakers: string[] = [];
    for (const quote of quotes) if (quote.speaker && !speakers.includes(quote.speaker)) speakers.push(quote.speaker);
    article.speakers = speakers;
    for (const quote of quotes) {
      if (!quote.speaker) {
        fileMessage(file, `Quotation with no speaker: “${quote.text.slice(0, 60)}${quote.text.length > 60 ? '…' : ''}”`, {
          place: quote.line ? { line: quote.line, column: 1 } : undefined,
          ruleId: 'quote:unattributed',
          source: 'news-archive',
        });
      }
    }
  };
}

interface Found {
  quote: ExtractedQuote;
  entity: Entity | null;
  confidence: number;
}

const QUOTABLE = new Set(['body', 'pullquote']);
/** Characters around a quotation that attribution reads. */
const ATTRIBUTION_WINDOW = 400;
/** Quotations read in one sentence at the most (a pasted wall of marks is not thousands of quotes). */
const MAX_QUOTES_PER_SENTENCE = 200;
const QUESTION = /^(?:Q|Question)\s*[:.\-–—]\s+/;
export const NAMED_LINE = guarded(/:\s/u, /^(\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){0,2})\s*:\s+(?=\S)/u);
const ANSWER = /^(?:A|Answer)\s*[:\-–—]\s+(?=\S)/;

function nextStory(blocks: Block[], from: number): Block | null {
  for (let i = from + 1; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.role === 'boilerplate' || b.role === 'caption') continue;
    return b.role === 'body' ? b : null;
  }
  return null;
}

/** Marks the attribution line(s) under a block and returns the person they name. */
function pullAttribution(blocks: Block[], index: number, registry: PersonRegistry): Entity | null {
  const next = nextStory(blocks, index);
  if (!next) return null;
  const person = attributionLinePerson(next.text, registry);
  if (!person) return null;
  next.role = 'attribution';
  const after = nextStory(blocks, next.index);
  if (after && isRoleLine(after.text) && !attributionLinePerson(after.text, registry)) after.role = 'attribution';
  return person;
}

const NO_SPANS: QuoteSpan[] = [];
const NO_CANDIDATES: readonly Candidate[] = [];

/**
 * The index of the last block from which `findQuotes` may take a quotation (-1: none): a block of a quotable role
 * (roles only ever leave those, or go from body to pull-quote) that is no reporter's question and holds quotation
 * marks, opens as a transcript's line, or may be a pull-quote (six words or more, the next story block shaped as
 * an attribution line, whoever the registry knows). Every quotation, and every block's new role, comes from one.
 */
export function lastQuotable(blocks: Block[], spansOf: readonly QuoteSpan[][]): number {
  for (let at = blocks.length - 1; at >= 0; at--) {
    const block = blocks[at]!;
    if (!QUOTABLE.has(block.role) || QUESTION.test(block.text)) continue;
    if (spansOf[at]!.length > 0 || NAMED_LINE.needs.test(block.text) || ANSWER.test(block.text)) return at;
    if (blockWords(block) >= 6 && block.kind !== 'heading') {
      const next = nextStory(blocks, at);
      if (next && attributionLineName(next.text)) return at;
    }
  }
  return -1;
}

/** The quotations of an article's blocks; `readAll`: every block read, also past the last quotable one (only the tests ask, to compare). */
export function findQuotes(blocks: Block[], registry: PersonRegistry, readAll = false): ExtractedQuote[] {
  const found: Found[] = [];
  // people in the order the story last spoke of them, for "he" and "she"
  const recent: { entity: Entity; block: number }[] = [];
  const genders = new Map<Entity, Gender>();
  const genderOfEntity = (entity: Entity): Gender => {
    let gender = genders.get(entity);
    if (!gender) {
      gender = genderOf(entity.name, entity.role);
      genders.set(entity, gender);
    }
    return gender;
  };
  const noteSubject = (entity: Entity, block: number): void => {
    if (entity.kind !== 'person') return;
    const at = recent.findIndex((r) => r.entity === entity);
    if (at >= 0) recent.splice(at, 1);
    recent.push({ entity, block });
  };
  const pronounResolver = (blockIndex: number) => (pronoun: string): Entity | null => {
    const female = pronoun.toLowerCase() === 'she';
    const window = recent.filter((r) => r.block >= blockIndex - 3);
    // "he": the latest person not known to be a woman; "she": the latest woman, else the latest person of unknown gender
    const fits: Gender[][] = female ? [['female'], ['unknown']] : [['male', 'unknown']];
    for (const wanted of fits) {
      for (let i = window.length - 1; i >= 0; i--) {
        if (wanted.includes(genderOfEntity(window[i]!.entity))) return window[i]!.entity;
      }
      // nobody fitting among the recent subjects: the latest fitting person named at all
      let latest: Entity | null = null;
      for (const [entity, at] of recency) {
        if (entity.kind === 'person' && wanted.includes(genderOfEntity(entity)) && (!latest || at > recency.get(latest)!)) latest = entity;
      }
      if (latest && (female || window.length === 0)) return latest;
    }
    return null;
  };
  let latestOrganisation: Entity | null = null;
  let lastQuoteBlock = -10;
  let lastQuoteSpeaker: Entity | null = null;
  const recency = new Map<Entity, number>();
  let clock = 0;

  // paragraphs of one quotation: each opens with a mark, only the last closes it
  let chain: Found[] = [];
  const add = (text: string, entity: Entity | null, cue: string | null, confidence: number, block: Block): void => {
    const item: Found = { quote: { text, speaker: entity?.name ?? null, cue: entity ? cue : null, line: block.line }, entity, confidence };
    found.push(item);
    if (chain.length > 0) {
      if (entity) {
        for (const earlier of chain) if (!earlier.entity) Object.assign(earlier, { entity, confidence, quote: { ...earlier.quote, speaker: entity.name, cue } });
      } else if (chain[0]!.entity) {
        Object.assign(item, { entity: chain[0]!.entity, confidence: 1, quote: { ...item.quote, speaker: chain[0]!.entity.name, cue: 'continuation' } });
      }
    }
    if (entity && entity.kind === 'person') {
      noteSubject(entity, block.index);
      recency.set(entity, clock++);
    }
    lastQuoteBlock = block.index;
    lastQuoteSpeaker = entity;
  };

  // the quotation marks of each block, read once; past the last block that may give a quotation, nothing read
  // changes what is found (the people spoken of, the registry and the roles only serve the quotations)
  const spansOf = blocks.map((block) => (QUOTABLE.has(block.role) ? findQuoteSpans(block.text) : NO_SPANS));
  const lastBlock = readAll ? blocks.length - 1 : lastQuotable(blocks, spansOf);
  for (let at = 0; at <= lastBlock; at++) {
    const block = blocks[at]!;
    if (!QUOTABLE.has(block.role)) continue;
    const text = block.text;
    // a transcript: "Q: …" is the reporter's, "A: …" the answer of the person last spoken of
    if (QUESTION.test(text)) continue;
    // "SINIRLIOĞLU: We have learned …": a transcript line opened by a known person's name
    const named = execGuarded(NAMED_LINE, text);
    const namedSpeaker = named && !/^(?:Q|A|Question|Answer|Source|Photo|Editor|Note|Update|Read|Watch|Share)$/i.test(named[1]!) ? registry.find(named[1]!, 'person') : null;
    if (named && namedSpeaker && !/[“”"]/.test(text.slice(named[0].length, named[0].length + 2))) {
      add(text.slice(named[0].length).trim(), namedSpeaker, 'answer', 2, block);
      continue;
    }
    const answer = ANSWER.exec(text);
    if (answer) {
      const speaker = recent[recent.length - 1]?.entity ?? null;
      add(text.slice(answer[0].length).trim(), speaker, 'answer', 1, block);
      continue;
    }
    const spans = spansOf[at]!;

    if (spans.length === 0) {
      if (blockWords(block) >= 6 && block.kind !== 'heading') {
        const person = pullAttribution(blocks, block.index, registry);
        if (person) {
          block.role = 'pullquote';
          add(text.replace(/\s+$/, ''), person, 'attribution line', 3, block);
          continue;
        }
      }
    }

    // a quotation left open by the previous paragraph goes on only if this one opens with a mark
    const continuesChain = chain.length > 0 && spans[0]?.open === 0;
    if (!continuesChain) chain = [];
    const mask = maskQuotes(text, spans);
    let previousSubject: Entity | null = null;
    // (a mask with no quotation is the block's text, whose mentions find-people read; another is read once)
    const mentions = mask === text ? blockMentions(block) : readMentions(mask);
    const sentences = splitSentences(text, mask);
    // mentions and quotations are visited sentence by sentence with moving cursors, never all of them per sentence
    let mentionCursor = 0;
    let spanCursor = 0;
    for (const sentence of sentences) {
      while (mentionCursor < mentions.length && mentions[mentionCursor]!.start < sentence.start) mentionCursor++;
      let mentionEnd = mentionCursor;
      while (mentionEnd < mentions.length && mentions[mentionEnd]!.start < sentence.end) mentionEnd++;
      const sentenceMentions = mentions.slice(mentionCursor, mentionEnd);
      while (spanCursor < spans.length && spans[spanCursor]!.open < sentence.start) spanCursor++;
      // in the last block that may give one, no quotation after the last marks: the rest is not read either
      if (at === lastBlock && spanCursor === spans.length && !readAll) break;
      let spanEnd = spanCursor;
      while (spanEnd < spans.length && spans[spanEnd]!.open < sentence.end) spanEnd++;
      const sentenceSpans = spans.slice(spanCursor, Math.min(spanEnd, spanCursor + MAX_QUOTES_PER_SENTENCE));
      for (const mention of sentenceMentions) {
        if (mention.end > sentence.end) continue;
        const named = mention.kind === 'person' || mention.kind === 'surname' ? registry.find(mention.name, 'person') : null;
        if (named) recency.set(named, clock++);
      }
      // (the sentence read character by character: a string of its own, not a slice of the mask)
      const candidates = speakerCandidates(ownCopy(mask.slice(sentence.start, sentence.end)), sentence.start, sentenceMentions, {
        registry,
        latestOrganisation,
        recency,
        at: block.index,
      });
      const ctx: AttributionContext = { mask, sentenceStart: sentence.start, sentenceEnd: sentence.end, candidates, resolvePronoun: pronounResolver(block.index) };
      // the sentence's subject is known before its quotations: "Zelensky said …: “…”"
      // the subjects of the sentence's verbs of speech, read once for before and after its quotations
      // (with no candidate, no verb of speech has a subject and neither has the sentence: none is looked for)
      const speaking = candidates.length === 0 ? NO_CANDIDATES : speakingSubjects(ctx);
      const leading = leadingSubject(speaking);
      const leadingEntity = leading ? leading.entity : null;
      if (leadingEntity && sentenceSpans.some((sp) => sp.open > leading!.end)) noteSubject(leadingEntity, block.index);
      for (const span of sentenceSpans) {
        const kind = classifySpan(text, span);
        // attribution reads a bounded window around the quotation, so a huge sentence stays linear
        const near: AttributionContext = {
          ...ctx,
          sentenceStart: Math.max(sentence.start, span.open - ATTRIBUTION_WINDOW),
          sentenceEnd: Math.min(sentence.end, span.close + ATTRIBUTION_WINDOW),
        };
        const attribution = attribute(near, span);
        if (kind === 'title' || (kind === 'name' && !(attribution && attribution.confidence >= 3))) continue;
        if (kind === 'partial' && !attribution) continue;
        if (attribution) {
          add(span.text, attribution.speaker, attribution.cue, attribution.confidence, block);
          continue;
        }
        // no speaker in the sentence: the subject of the sentence before it, a paragraph going on with the previous speaker, or a pull-quote
        const startsParagraph = span.open <= 1;
        if (continuesChain && startsParagraph) {
          add(span.text, null, null, 0, block);
          continue;
        }
        if (!startsParagraph && span.open === sentence.start && previousSubject) {
          add(span.text, previousSubject, 'context', 1, block);
          continue;
        }
        const wholeParagraph = startsParagraph && (!span.closed || span.close >= text.trimEnd().length - 2);
        // a paragraph left open goes on in the next one, whose attribution will name the speaker
        if (startsParagraph && !span.closed && span === spans[spans.length - 1] && !continuesChain) {
          add(span.text, null, null, 0, block);
          continue;
        }
        if (startsParagraph && lastQuoteBlock >= block.index - 2 && lastQuoteSpeaker) {
          add(span.text, lastQuoteSpeaker, 'continuation', 1, block);
          continue;
        }
        const person = wholeParagraph ? pullAttribution(blocks, block.index, registry) : null;
        if (person) add(span.text, person, 'attribution line', 3, block);
        else add(span.text, null, null, 0, block);
      }
      const subject = candidates.length === 0 ? null : sentenceSubject(ctx, speaking);
      const entity = subject ? resolveCandidate(subject, ctx) : null;
      if (entity) noteSubject(entity, block.index);
      previousSubject = entity && entity.kind === 'person' ? entity : null;
      for (const mention of sentenceMentions) {
        if (mention.kind === 'organisation') latestOrganisation = registry.find(mention.name, 'organisation') ?? latestOrganisation;
      }
      for (const candidate of candidates) {
        if (candidate.kind === 'organisation-noun' && candidate.entity) latestOrganisation = candidate.entity;
      }
    }
    const last = spans[spans.length - 1];
    const lastFound = found[found.length - 1];
    if (last && !last.closed && lastFound && lastFound.quote.line === block.line) chain.push(lastFound);
    else chain = [];
  }
  return dedupe(found);
}

/** A quotation's text folded, only letters, digits and spaces kept: the same words quoted twice have one key. */
export function quoteKey(text: string): string {
  const folded = fold(text);
  // in ASCII, the letters and digits are [A-Za-z0-9] (a pattern without the Unicode flag is quicker)
  return /^[\x00-\x7f]*$/.test(folded) ? folded.replace(/[^A-Za-z0-9 ]/g, '') : folded.replace(/[^\p{L}\p{N} ]/gu, '');
}

/** One quotation quoted twice in an article is kept once, with the surest attribution. */
function dedupe(found: Found[]): ExtractedQuote[] {
  const byText = new Map<string, Found>();
  const order: string[] = [];
  for (const f of found) {
    const key = quoteKey(f.quote.text);
    const seen = byText.get(key);
    if (!seen) {
      byText.set(key, f);
      order.push(key);
    } else if (f.confidence > seen.confidence && f.entity) {
      seen.quote = { ...f.quote, line: seen.quote.line };
      seen.entity = f.entity;
      seen.confidence = f.confidence;
    }
  }
  return order.map((k) => byText.get(k)!.quote);
}
