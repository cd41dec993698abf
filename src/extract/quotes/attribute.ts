import { SPEECH_VERBS } from '../lexicon/speech-verbs.js';
import { endsWithComma } from '../people/roles-in-context.js';
import type { Entity } from '../people/registry.js';
import { isLetterOrDigit } from '../text/char-classes.js';
import { isWhiteSpaceCode, type QuoteSpan } from '../text/quote-spans.js';
import { WordFilter } from '../text/word-filter.js';
import type { Candidate } from './speaker-candidates.js';

/** Who said a quotation, and how that was found. */
export interface Attribution {
  /** The speaker, or null where the candidate could not be resolved (an unnamed "official"). */
  speaker: Entity | null;
  /** True when a speaker was pointed at, even if unresolved. */
  found: boolean;
  cue: string;
  /** 3: next to the quotation; 2: in its sentence; 1: inferred. */
  confidence: number;
}

export interface AttributionContext {
  /** The paragraph with quotation contents masked. */
  mask: string;
  sentenceStart: number;
  sentenceEnd: number;
  candidates: Candidate[];
  /** Whom "he" or "she" points at here. */
  resolvePronoun: (pronoun: string) => Entity | null;
}

const VERB = /(?<![\p{L}\p{N}])\p{Ll}[\p{Ll}\-]+(?![\p{L}\p{N}])/gu;
const MODIFIER = /^(?:also|then|later|further|again|once|has|had|have|was|is|would|will|had\s+earlier|earlier|previously|recently|quickly|simply|firmly|bluntly|angrily|calmly|flatly|repeatedly|on\s+\w+)$/i;
const INSERTED_CLAUSE = /,\s+(?:who|which|whose|whom|for (?:its|his|her|their) part|in turn|however|meanwhile|speaking|according)\b[^,]*,\s*$/iu;
const DETERMINER_BEFORE = /(?<![\p{L}\p{N}])(?:the|a|an|its|their|his|her|our|this|that)\s+$/iu;
/** What `endsAfterPreposition` reads from the end (kept for the tests, which compare). */
export const PREPOSITION_BEFORE = /(?<![\p{L}\p{N}])(?:to|with|from|by|of|for|about|including|against|toward|towards|between|among|on|at|in|into|than|like|as|via|after|before|under|over|and|or)\s+(?:the\s+|a\s+|an\s+)?$/iu;
const PREPOSITIONS: ReadonlySet<string> = new Set(['to', 'with', 'from', 'by', 'of', 'for', 'about', 'including', 'against', 'toward', 'towards', 'between', 'among', 'on', 'at', 'in', 'into', 'than', 'like', 'as', 'via', 'after', 'before', 'under', 'over', 'and', 'or']);
const LONGEST_PREPOSITION = 9;

/**
 * `PREPOSITION_BEFORE.test(text.slice(from, end))`, read backwards from `end`: white space, a word, and when the
 * word is an article, white space and the word before it. A pattern anchored at the end is tried from every start.
 */
export function endsAfterPreposition(text: string, from: number, end: number): boolean {
  let i = spacesBefore(text, from, end);
  if (i === end) return false;
  let wordStart = foldedWordBefore(text, from, i);
  if (wordStart < 0) return false;
  let word = foldedWord(text, wordStart, i);
  if (word === 'the' || word === 'a' || word === 'an') {
    i = spacesBefore(text, from, wordStart);
    if (i === wordStart) return false;
    wordStart = foldedWordBefore(text, from, i);
    if (wordStart < 0) return false;
    word = foldedWord(text, wordStart, i);
  }
  return PREPOSITIONS.has(word) && noLetterBefore(text, from, wordStart);
}

/** Where the white space ending at `end` starts (`end`: none). */
function spacesBefore(text: string, from: number, end: number): number {
  let i = end;
  while (i > from && isWhiteSpaceCode(text.charCodeAt(i - 1))) i--;
  return i;
}

/**
 * A code unit that the case-insensitive Unicode pattern reads as an ASCII letter: the letters themselves, the long s
 * (U+017F, folded to s) and the Kelvin sign (U+212A, folded to k).
 */
function foldsToLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 0x17f || code === 0x212a;
}

/** Where the run of such letters ending at `end` starts; -1 when there is none or it is longer than any preposition. */
function foldedWordBefore(text: string, from: number, end: number): number {
  let i = end;
  while (i > from && foldsToLetter(text.charCodeAt(i - 1))) {
    i--;
    if (end - i > LONGEST_PREPOSITION) return -1;
  }
  return i === end ? -1 : i;
}

/** The run `text.slice(start, end)` of such letters in lower case, folded. */
function foldedWord(text: string, start: number, end: number): string {
  let word = '';
  for (let k = start; k < end; k++) {
    const code = text.charCodeAt(k);
    word += code === 0x17f ? 's' : code === 0x212a ? 'k' : String.fromCharCode(code | 32);
  }
  return word;
}

/** `(?<![\p{L}\p{N}])` at `at` in `text.slice(from)`: nothing before it there, or no letter or digit. */
function noLetterBefore(text: string, from: number, at: number): boolean {
  if (at <= from) return true;
  let code = text.charCodeAt(at - 1);
  if (code >= 0xdc00 && code <= 0xdfff && at - 2 >= from) {
    const high = text.charCodeAt(at - 2);
    if (high >= 0xd800 && high <= 0xdbff) code = ((high - 0xd800) << 10) + (code - 0xdc00) + 0x10000;
  }
  return !isLetterOrDigit(code);
}

interface VerbHit {
  index: number;
  end: number;
  word: string;
}

/** The verbs of speech of the latest paragraph read, all of them, found once: attribution asks for ranges of it again and again. */
let verbsMask = '';
let verbsOfMask: VerbHit[] = [];

/** A code unit that no word of lower-case letters and hyphens can hold. */
function outsideWords(mask: string, at: number): boolean {
  const code = mask.charCodeAt(at);
  return code < 128 && !(code >= 97 && code <= 122) && code !== 45;
}

function speechVerbs(mask: string, from: number, to: number): VerbHit[] {
  // a range starting inside a word is read on its own: part of the word may read as a verb there
  if (from > 0 && !outsideWords(mask, from - 1) && !outsideWords(mask, from)) return readSpeechVerbs(mask, from, to);
  if (mask !== verbsMask) {
    verbsMask = mask;
    verbsOfMask = readAllSpeechVerbs(mask);
  }
  // the first verb at or after `from`, found by halving, so a long paragraph's many ranges stay cheap
  let low = 0;
  let high = verbsOfMask.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (verbsOfMask[middle]!.index < from) low = middle + 1;
    else high = middle;
  }
  const hits: VerbHit[] = [];
  for (let i = low; i < verbsOfMask.length && verbsOfMask[i]!.index < to; i++) hits.push(verbsOfMask[i]!);
  return hits;
}

export function readSpeechVerbs(mask: string, from: number, to: number): VerbHit[] {
  const hits: VerbHit[] = [];
  VERB.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = VERB.exec(mask)) !== null && m.index < to) {
    if (SPEECH_VERBS.has(m[0]) && !DETERMINER_BEFORE.test(mask.slice(Math.max(0, m.index - 8), m.index))) hits.push({ index: m.index, end: m.index + m[0].length, word: m[0] });
  }
  return hits;
}

/** Runs that cannot spell a verb of speech, told without slicing them. */
const VERB_FILTER = new WordFilter(SPEECH_VERBS);
const SHORTEST_VERB = Math.min(...[...SPEECH_VERBS].map((verb) => verb.length));
const LONGEST_VERB = Math.max(...[...SPEECH_VERBS].map((verb) => verb.length));
/** How far back a word's start is looked for before the paragraph is read the slow way. */
const LONGEST_WORD = 64;

/**
 * The verbs of speech of a whole paragraph, as `readSpeechVerbs(mask, 0, mask.length)` finds them, but
 * looking only at runs of lower-case ASCII letters that spell one: each is checked to be a word VERB reads.
 */
export function readAllSpeechVerbs(mask: string): VerbHit[] {
  const hits: VerbHit[] = [];
  const length = mask.length;
  let i = 0;
  while (i < length) {
    // the next run of lower-case ASCII letters
    let code = mask.charCodeAt(i);
    if (code < 97 || code > 122) {
      i++;
      continue;
    }
    const at = i;
    while (i < length && (code = mask.charCodeAt(i)) >= 97 && code <= 122) i++;
    if (i - at < SHORTEST_VERB || i - at > LONGEST_VERB || !VERB_FILTER.mayHold(mask, at, i)) continue;
    const word = mask.slice(at, i);
    if (!SPEECH_VERBS.has(word)) continue;
    // set off by plain ASCII marks or spaces on both sides, the word is read by VERB as it is
    const verb = (at === 0 || apart(mask.charCodeAt(at - 1))) && (i === length || apart(mask.charCodeAt(i))) ? true : verbAt(mask, at, word);
    if (verb === null) return readSpeechVerbs(mask, 0, mask.length);
    // DETERMINER_BEFORE ends with spaces: after anything else it cannot match
    if (verb && !(at > 0 && isWhiteSpaceCode(mask.charCodeAt(at - 1)) && DETERMINER_BEFORE.test(mask.slice(Math.max(0, at - 8), at)))) hits.push({ index: at, end: at + word.length, word });
  }
  return hits;
}

/** An ASCII character that is no letter, digit or hyphen: VERB's words neither hold nor touch one. */
function apart(code: number): boolean {
  return code < 128 && !((code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 45);
}

/** Whether VERB, read over the whole text, reads `word` at `at`; null when the word around it is too long to tell cheaply. */
function verbAt(mask: string, at: number, word: string): boolean | null {
  // VERB's words hold only lower-case letters and hyphens: a plain ASCII character other than those is a
  // place where its reading of the text starts afresh, whatever came before
  let start = at;
  while (start > 0 && !outsideWords(mask, start - 1)) {
    start--;
    if (at - start > LONGEST_WORD) return null;
  }
  VERB.lastIndex = start;
  let m: RegExpExecArray | null;
  while ((m = VERB.exec(mask)) !== null && m.index < at);
  return m !== null && m.index === at && m[0] === word;
}

function resolve(candidate: Candidate, ctx: AttributionContext): Entity | null {
  return candidate.kind === 'pronoun' ? ctx.resolvePronoun(candidate.pronoun ?? ctx.mask.slice(candidate.start, candidate.end)) : candidate.entity;
}

/** The entity a candidate names, pronouns resolved. */
export function resolveCandidate(candidate: Candidate, ctx: AttributionContext): Entity | null {
  return resolve(candidate, ctx);
}

function isParticiple(word: string): boolean {
  return word.endsWith('ing');
}

/** The subject of a verb: the nearest candidate before it in the clause, not after a preposition, not a possessive. */
function subjectBefore(ctx: AttributionContext, from: number, verbIndex: number): Candidate | null {
  // "Ruto, who chairs the AU's committee, said": what the inserted clause names is not the subject
  const stretch = ctx.mask.slice(from, verbIndex);
  // (the clause ends with a comma and spaces: a stretch not ending so holds none)
  const clause = endsWithComma(stretch) ? INSERTED_CLAUSE.exec(stretch) : null;
  const skipFrom = clause ? from + clause.index : Infinity;
  const before = ctx.candidates.filter((c) => c.end <= verbIndex && c.start >= from && !(c.start >= skipFrom));
  const owner = before.filter((c) => c.statementOwner).pop();
  if (owner) return owner;
  for (let i = before.length - 1; i >= 0; i--) {
    const c = before[i]!;
    if (c.possessive) continue;
    // "Jeanne Shaheen, a Democrat, said": an apposition describes the name before it
    const previous = before[i - 1];
    if (!c.entity && c.kind !== 'pronoun' && previous && /^,\s*$/.test(ctx.mask.slice(previous.end, c.start))) continue;
    if (endsAfterPreposition(ctx.mask, Math.max(from, c.start - 14), c.start)) continue;
    const between = ctx.mask.slice(c.end, verbIndex);
    // "Peskov, who …, said" is fine; "Peskov. Then Putin said" is not
    if (/[.!?;]\s/.test(between)) continue;
    return c;
  }
  return null;
}

function mainSubject(ctx: AttributionContext, until: number): Candidate | null {
  const owner = ctx.candidates.filter((c) => c.statementOwner && c.start >= ctx.sentenceStart && c.end <= until).pop();
  if (owner) return owner;
  let first: Candidate | null = null;
  for (const c of ctx.candidates) {
    if (c.start < ctx.sentenceStart || c.end > until) continue;
    if (c.possessive) continue;
    if (endsAfterPreposition(ctx.mask, Math.max(ctx.sentenceStart, c.start - 14), c.start)) continue;
    // "Kremlin spokesman Dmitry Peskov spoke …": the person, not the body named in his title
    if (c.kind === 'pronoun' || c.entity?.kind === 'person') return c;
    first ??= c;
  }
  return first;
}

/** The candidate at a position, also behind a title of capitalised words ("Treasury Secretary Scott Bessent"). */
function candidateAt(ctx: AttributionContext, position: number): Candidate | null {
  for (const c of ctx.candidates) {
    if (c.possessive || c.start < position) continue;
    const gap = ctx.mask.slice(position, c.start);
    if (c.start !== position && !/^(?:\p{Lu}[\p{L}.\-]*\s+){1,5}$/u.test(gap)) continue;
    // "the U.S. Secretary of State, Antony Blinken": the name in apposition to the title
    if (c.kind === 'role') {
      const named = ctx.candidates.find((n) => n.kind === 'entity' && n.start >= c.end && /^[,\s]*$/.test(ctx.mask.slice(c.end, n.start)) && ctx.mask.slice(c.end - 1, n.start).includes(','));
      if (named) return named;
    }
    return c;
  }
  return null;
}

/** "According to him, …", "according to Peskov, …": the words belong to that person (not to an agency). */
function accordingTo(ctx: AttributionContext): Attribution | null {
  const text = ctx.mask.slice(ctx.sentenceStart, ctx.sentenceEnd);
  const m = /(?<![\p{L}])according to\s+/iu.exec(text);
  if (!m) return null;
  const object = /^(him|her)\b/i.exec(text.slice(m.index + m[0].length));
  if (object) {
    const speaker = ctx.resolvePronoun(object[1]!.toLowerCase() === 'her' ? 'she' : 'he');
    return { speaker, found: true, cue: 'according to', confidence: 2 };
  }
  const who = candidateAt(ctx, ctx.sentenceStart + m.index + m[0].length);
  if (!who || (who.kind === 'entity' && who.entity?.kind === 'organisation')) return null;
  return result(who, ctx, 'according to', 2);
}

function result(candidate: Candidate, ctx: AttributionContext, cue: string, confidence: number): Attribution {
  return { speaker: resolve(candidate, ctx), found: true, cue, confidence };
}

/** "…,” Peskov said. / “…,” said the U.S. President. / “…,” he added. */
function afterQuote(ctx: AttributionContext, span: QuoteSpan): Attribution | null {
  if (!span.closed) return null;
  let p = span.close + 1;
  while (p < ctx.sentenceEnd && /[\s,.!?—–\-]/.test(ctx.mask[p]!)) p++;
  if (p >= ctx.sentenceEnd + 1) return null;
  const subject = candidateAt(ctx, p);
  if (subject) {
    let q = subject.end;
    let rest = ctx.mask.slice(q);
    // skip an apposition: "Peskov, the Kremlin spokesman, said"
    const apposition = /^,\s+[^,“”"]{2,60},\s+/.exec(rest);
    if (apposition) {
      q += apposition[0].length;
      rest = ctx.mask.slice(q);
    }
    const verb = /^\s+((?:\p{Ll}+\s+){0,2}?)(\p{Ll}[\p{Ll}\-]+)\b/u.exec(rest);
    if (verb && SPEECH_VERBS.has(verb[2]!) && verb[1]!.split(/\s+/).filter(Boolean).every((w) => MODIFIER.test(w))) {
      return result(subject, ctx, verb[2]!, 3);
    }
  }
  for (const verbFirst of [/^()(\p{Ll}[\p{Ll}\-]+)\s+/u.exec(ctx.mask.slice(p)), /^(\p{Ll}+\s+)(\p{Ll}[\p{Ll}\-]+)\s+/u.exec(ctx.mask.slice(p))]) {
    if (!verbFirst || !SPEECH_VERBS.has(verbFirst[2]!) || (verbFirst[1] && !MODIFIER.test(verbFirst[1].trim()))) continue;
    const who = candidateAt(ctx, p + verbFirst[0].length);
    if (who) return result(who, ctx, verbFirst[2]!, 3);
  }
  return null;
}

/** Peskov added, “…” / The agency’s statement, reported by …, said: “…” / Peskov: “…” */
function beforeQuote(ctx: AttributionContext, span: QuoteSpan): Attribution | null {
  const before = ctx.mask.slice(ctx.sentenceStart, span.open);
  if (!/(?:[,:]\s*|\bthat\s+|\b\p{Ll}+\s+)$/u.test(before) && before.trim() !== '') return null;
  const colonName = ctx.candidates.filter((c) => c.end <= span.open && c.start >= ctx.sentenceStart && /^\s*:\s*$/.test(ctx.mask.slice(c.end, span.open))).pop();
  if (colonName && !colonName.possessive) return result(colonName, ctx, ':', 3);
  const verbs = speechVerbs(ctx.mask, ctx.sentenceStart, span.open);
  const verb = verbs[verbs.length - 1];
  if (!verb) {
    // "the top U.S. diplomat was blunt: “…”"
    if (!/:\s*$/.test(before)) return null;
    const subject = mainSubject(ctx, span.open);
    return subject ? result(subject, ctx, ':', 2) : null;
  }
  const gap = ctx.mask.slice(verb.end, span.open);
  // the verb opens the quotation: "said, “…”", "told reporters: “…”", "added that “…”"
  if (!/^\s*(?:[\p{L}\-]+\s+){0,3}?(?:[,:]\s*|that\s+)?$/u.test(gap) || !/[,:]|that/.test(gap) && gap.trim() !== '') return null;
  return fromVerb(ctx, verb, 3);
}

function fromVerb(ctx: AttributionContext, verb: VerbHit, confidence: number): Attribution | null {
  if (isParticiple(verb.word)) {
    const subject = mainSubject(ctx, verb.index);
    return subject ? result(subject, ctx, verb.word, confidence - 1) : null;
  }
  const subject = subjectBefore(ctx, ctx.sentenceStart, verb.index);
  return subject ? result(subject, ctx, verb.word, confidence) : null;
}

/** A phrase quoted inside reported speech: the subject of the sentence's verb of speech. */
function inSentence(ctx: AttributionContext, span: QuoteSpan): Attribution | null {
  const verbs = speechVerbs(ctx.mask, ctx.sentenceStart, ctx.sentenceEnd);
  if (verbs.length === 0) return null;
  const before = verbs.filter((v) => v.end <= span.open);
  const reporting = before.find((v) => /\bthat\b/.test(ctx.mask.slice(v.end, span.open)) && !isParticiple(v.word));
  if (reporting) {
    const found = fromVerb(ctx, reporting, 2);
    if (found) return found;
  }
  // "…said he was “disappointed” by the decision, which he called “…”": the relative clause speaks of the next quote
  const after = verbs.filter((v) => v.index >= span.close && !/,\s+(?:which|who|whom|whose)\b/i.test(ctx.mask.slice(span.close, v.index)));
  for (const verb of after) {
    const subject = subjectBefore(ctx, span.close, verb.index);
    if (subject) return result(subject, ctx, verb.word, 2);
  }
  // "Ramesh said the government must explain “…”": the first verb of speech with someone named before it reports
  // the rest; a participle next to the quotation ("…, calling them “…”") speaks for its own subject
  const nearest = before[before.length - 1];
  if (nearest && !isParticiple(nearest.word)) {
    for (const verb of before) {
      if (isParticiple(verb.word)) continue;
      // "… the statements of Szijjártó, who called the sanctions “…”": the relative clause has its own speaker
      if (/,\s+(?:who|which|whose)\b/i.test(ctx.mask.slice(verb.end, span.open))) break;
      const found = fromVerb(ctx, verb, 2);
      if (found?.speaker) return found;
    }
  }
  for (let i = before.length - 1; i >= 0; i--) {
    const found = fromVerb(ctx, before[i]!, 2);
    if (found) return found;
  }
  return null;
}

/** Finds the speaker of one quotation from its own sentence. */
export function attribute(ctx: AttributionContext, span: QuoteSpan): Attribution | null {
  const direct = afterQuote(ctx, span) ?? reportedThat(ctx, span) ?? beforeQuote(ctx, span);
  // a verb right before the quotation whose subject names nobody ("the government must explain “…”") gives way
  // to a named speaker elsewhere in the sentence
  if (direct && !direct.speaker) {
    const named = inSentence(ctx, span);
    if (named?.speaker) return named;
  }
  return direct ?? inSentence(ctx, span) ?? accordingTo(ctx);
}

/** "Peskov informed reporters that “…” was that leaders expressed their “…”": reported speech belongs to the reporting verb's subject. */
function reportedThat(ctx: AttributionContext, span: QuoteSpan): Attribution | null {
  const verbs = speechVerbs(ctx.mask, ctx.sentenceStart, span.open);
  const reporting = verbs.find((v) => /^\s+(?:[\p{L}\-]+\s+){0,3}?that\b/u.test(ctx.mask.slice(v.end, span.open)));
  return reporting ? fromVerb(ctx, reporting, 2) : null;
}

/** The person a sentence is about: a name or pronoun right before a verb of speech, for later "he said". */
export function speakingSubjects(ctx: AttributionContext): Candidate[] {
  // one loop, not filter → map → filter: an empty array in the chain is of another kind than a full one, and
  // optimised code that met only one kind is thrown away when it meets the other
  const out: Candidate[] = [];
  for (const v of speechVerbs(ctx.mask, ctx.sentenceStart, ctx.sentenceEnd)) {
    if (isParticiple(v.word)) continue;
    const subject = subjectBefore(ctx, ctx.sentenceStart, v.index);
    // only a subject right before its verb: "Peskov said", "Peskov, the spokesman, also noted"
    if (subject && SUBJECT_GAP.test(ctx.mask.slice(subject.end, v.index))) out.push(subject);
  }
  return out;
}

/** What may stand between a subject and its verb of speech: an inserted clause, up to two lower-case words. */
const SUBJECT_GAP = /^\s*(?:,[^,]{1,60},)?\s*(?:\p{Ll}+\s+){0,2}$/u;

/** The first named subject of a verb of speech in the sentence ("Mark Brown, …, said he was “…”"). */
export function leadingSubject(speaking: readonly Candidate[]): Candidate | null {
  return speaking.find((c) => c.kind !== 'pronoun') ?? null;
}

/** The person a sentence is about: the subject of its last verb of speech, else its first name not after a preposition. */
export function sentenceSubject(ctx: AttributionContext, speaking: readonly Candidate[]): Candidate | null {
  if (speaking.length > 0) return speaking[speaking.length - 1]!;
  return mainSubject(ctx, ctx.sentenceEnd);
}
