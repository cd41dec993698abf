import type { Block } from '../blocks.js';
import { COMMON_WORDS } from '../lexicon/common-words.js';
import { GAZETTEER, GAZETTEER_FORM_LENGTHS, mayOpenGazetteerForm } from '../lexicon/places.js';
import { HONORIFICS, ORG_HEADS, ROLE_HEADS, ROLE_NOUNS } from '../lexicon/roles.js';
import { SPEECH_VERBS } from '../lexicon/speech-verbs.js';
import { isLetterMarkOrDigit, isWordJoiner } from '../text/char-classes.js';
import { isWhiteSpaceCode } from '../text/quote-spans.js';
import { WordFilter } from '../text/word-filter.js';

/** A run of capitalised words in a sentence, read as a person, an organisation or a place. */
export interface Mention {
  start: number;
  end: number;
  /** The name as written, without a possessive. */
  name: string;
  kind: 'person' | 'surname' | 'organisation' | 'place' | 'other';
  /** Role or title words written right before the name in the same run ("Turkish Foreign Minister"). */
  prefix: string;
  possessive: boolean;
  /** The next word is a verb of speech ("Peskov said"). */
  beforeSpeechVerb: boolean;
}

export interface Token {
  text: string;
  start: number;
  end: number;
  /** Opens with a capital letter. */
  capital: boolean;
  /** Lower case, possessive dropped: the token as a word of a gazetteer form (read when needed, null before). */
  key: string | null;
  /** `gazetteerAt` of this token up to `gazetteerEnd` (-1: not yet asked), remembered (a run asks again). */
  gazetteerEnd: number;
  gazetteerLength: number;
}

const PARTICLES = new Set(['al', 'bin', 'ibn', 'de', 'da', 'van', 'von', 'der', 'du', 'di', 'la', 'le', 'el', 'abu', 'del', 'dos', 'das', 'ben']);
/** Places whose name stands for the office that speaks there. */
const INSTITUTIONS = new Set(['white house', 'kremlin', 'pentagon', 'downing street', 'elysee', 'élysée', 'state department']);
const ORG_CONNECTORS = new Set(['of', 'for', 'on', 'and', 'in']);
const GEO_WORDS = new Set(['province', 'region', 'oblast', 'district', 'city', 'peninsula', 'sea', 'river', 'island', 'islands', 'square', 'street', 'mountains', 'valley', 'county', 'krai', 'republic', 'strait', 'bay', 'ocean', 'airport', 'port', 'border', 'plant', 'station']);

/** "von der Leyen", "bin Farhan": particles followed by a capitalised word. */
function particlesThenCapital(tokens: Token[], j: number): boolean {
  let k = j;
  while (k < tokens.length && isParticle(tokens[k]!.text) && !tokens[k]!.capital) k++;
  return k > j && k < tokens.length && tokens[k]!.capital;
}

/**
 * Every particle in every mix of capitals: the words whose lower case is a particle (particles are plain
 * ASCII letters, and no other character lowercases to one of theirs).
 */
const PARTICLE_SPELLINGS: ReadonlySet<string> = new Set(
  [...PARTICLES].flatMap((particle) =>
    [...particle].reduce<string[]>((spellings, ch) => spellings.flatMap((s) => [s + ch, s + ch.toUpperCase()]), ['']),
  ),
);

/** The longest particle: a longer word is none (and is not looked up). */
const LONGEST_PARTICLE = Math.max(...[...PARTICLES].map((particle) => particle.length));

/** A name particle ("von", "al", "bin"): `PARTICLES.has(word.toLowerCase())`. */
export function isParticle(word: string): boolean {
  if (word.length > LONGEST_PARTICLE) return false;
  // a word of ASCII letters that no particle's letters and length fit is none (told without a lookup)
  let letters = word.length > 0;
  for (let i = 0; i < word.length && letters; i++) {
    const code = word.charCodeAt(i) | 32;
    letters = code >= 97 && code <= 122;
  }
  if (letters && !PARTICLE_FILTER.mayHold(word, 0, word.length)) return false;
  return PARTICLE_SPELLINGS.has(word);
}

const PARTICLE_FILTER = new WordFilter(PARTICLES);

/** The word without a possessive ("Russia’s" → "Russia"). */
function withoutPossessive(word: string): string {
  const n = word.length;
  return n >= 2 && word[n - 1] === 's' && (word[n - 2] === "'" || word[n - 2] === '’') ? word.slice(0, -2) : word;
}

function hasPossessive(word: string): boolean {
  const n = word.length;
  return n >= 2 && word[n - 1] === 's' && (word[n - 2] === "'" || word[n - 2] === '’');
}

/** "al-Sisi", "el-Baradei": an Arabic article joined to a capitalised name. */
function isJoinedArticleName(word: string): boolean {
  // "al-" or "el-" first, told by character codes (a word too short for the pattern is not read past its end)
  if (word.length < 4) return false;
  const first = word.charCodeAt(0);
  if ((first !== 97 && first !== 101) || word.charCodeAt(1) !== 108 || word.charCodeAt(2) !== 45) return false;
  return /^(?:al|el)-\p{Lu}/u.test(word);
}

function tokenKey(token: Token): string {
  return (token.key ??= withoutPossessive(token.text).toLowerCase());
}

/** Exactly one space between two tokens. */
function singleSpace(text: string, a: Token, b: Token): boolean {
  return b.start - a.end === 1 && text[a.end] === ' ';
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  // the runs of WORD: a letter, mark or digit, then those, apostrophes, hyphens and dots (the runs of
  // scanRuns(text, isLetterMarkOrDigit, continuesWord, …), read in one loop)
  const n = text.length;
  let i = 0;
  while (i < n) {
    const start = i;
    const unit = text.charCodeAt(i);
    if (unit < 128) {
      i++;
      if (WORD_OPENS_ASCII[unit] === 0) continue;
    } else {
      const code = text.codePointAt(i)!;
      i += code > 0xffff ? 2 : 1;
      if (!isLetterMarkOrDigit(code)) continue;
    }
    while (i < n) {
      const next = text.charCodeAt(i);
      if (next < 128) {
        if (WORD_GOES_ON_ASCII[next] === 0) break;
        i++;
      } else {
        const code = text.codePointAt(i)!;
        if (!continuesWord(code)) break;
        i += code > 0xffff ? 2 : 1;
      }
    }
    const word = tokenText(text, start, i);
    // every field set here, so all tokens have one shape
    tokens.push({ text: word, start, end: start + word.length, capital: isCapital(word), key: null, gazetteerEnd: -1, gazetteerLength: 0 });
  }
  return tokens;
}

/**
 * The token of the run `text.slice(start, end)`: the dot of an initial or an abbreviation kept ("J.", "U.S.",
 * "Mr."), a sentence's full stop dropped.
 */
export function tokenText(text: string, start: number, end: number): string {
  if (text.charCodeAt(end - 1) !== 46) return text.slice(start, end);
  // a word of three ASCII letters or more and one dot, no honorific by the filter: a full stop, dropped unsliced
  if (end - start >= 4 && asciiLettersIn(text, start, end - 1) && !HONORIFIC_FILTER.mayHold(text, start, end - 1)) return text.slice(start, end - 1);
  const word = text.slice(start, end);
  return !isInitials(word) && !HONORIFICS.has(word.slice(0, -1).toLowerCase()) && !/^(?:Jr|Sr)\.$/.test(word) ? word.replace(/\.+$/, '') : word;
}

/** Whether `text.slice(start, end)` is ASCII letters only. */
function asciiLettersIn(text: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) {
    const code = text.charCodeAt(k) | 32;
    if (code < 97 || code > 122) return false;
  }
  return true;
}

const HONORIFIC_FILTER = new WordFilter(HONORIFICS);

/** Letters each followed by a dot ("J.", "U.S."). */
const INITIALS = /^(?:\p{L}\.)+$/u;

/** `INITIALS.test(word)`: a word opening with an ASCII character and no dot after it is passed over without the pattern. */
export function isInitials(word: string): boolean {
  if (word.length < 2) return false;
  if (word.charCodeAt(0) < 128 && word.charCodeAt(1) !== 46) return false;
  return INITIALS.test(word);
}

/** `isLetterMarkOrDigit` and `continuesWord` for ASCII. */
const WORD_OPENS_ASCII = Uint8Array.from({ length: 128 }, (_, code) => (isLetterMarkOrDigit(code) ? 1 : 0));
const WORD_GOES_ON_ASCII = Uint8Array.from({ length: 128 }, (_, code) => (continuesWord(code) ? 1 : 0));

function continuesWord(code: number): boolean {
  return isLetterMarkOrDigit(code) || isWordJoiner(code);
}

function isCapital(word: string): boolean {
  const code = word.charCodeAt(0);
  if (code >= 97 && code <= 122) return false;
  if (code >= 65 && code <= 90) return true;
  return /^\p{Lu}/u.test(word);
}

/** The word in lower case without a possessive or a final dot: `word.replace(/['’]s$/u, '').replace(/\.$/, '').toLowerCase()`. */
export function bare(word: string): string {
  let end = word.length;
  if (end >= 2 && word.charCodeAt(end - 1) === 115 && (word.charCodeAt(end - 2) === 39 || word.charCodeAt(end - 2) === 0x2019)) end -= 2;
  if (end > 0 && word.charCodeAt(end - 1) === 46) end--;
  return (end === word.length ? word : word.slice(0, end)).toLowerCase();
}

const nameWordAnswers = new Map<string, boolean>();

/** Whether a capitalised word can be part of a name (not a common word, a role, a place, an acronym), remembered. */
function isNameWord(word: string): boolean {
  let answer = nameWordAnswers.get(word);
  if (answer === undefined) {
    if (nameWordAnswers.size > 50_000) nameWordAnswers.clear();
    answer = readNameWord(word);
    nameWordAnswers.set(word, answer);
  }
  return answer;
}

function readNameWord(word: string): boolean {
  const b = bare(word);
  if (b.includes('-') && b.split('-').some((part) => ROLE_HEADS.has(part) && part !== 'al' && part !== 'el')) return false;
  if (COMMON_WORDS.has(b) || ROLE_HEADS.has(b) || HONORIFICS.has(b) || ORG_HEADS.has(b) || GEO_WORDS.has(b)) return false;
  if (GAZETTEER.has(b) || GAZETTEER.has(word.replace(/['’]s$/u, '').toLowerCase())) return false;
  if (/^\p{Lu}{2,}$/u.test(word.replace(/['’]s$/u, '')) && word.length <= 5) return false; // acronyms: NATO, FSB
  if (/\d/.test(word)) return false;
  return true;
}

/** `/^\p{Lu}{2,6}$/u` of the word without a possessive ("NATO", "SDF’s"); a word whose second letter is a lower-case ASCII one is none. */
export function isAcronym(word: string): boolean {
  if (word.length < 2) return false; // no read past the end (and one letter is no acronym)
  const second = word.charCodeAt(1);
  if (second >= 97 && second <= 122) return false;
  return /^\p{Lu}{2,6}$/u.test(word.replace(/['’]s$/u, ''));
}

function gazetteerAt(tokens: Token[], i: number, end: number): number {
  const token = tokens[i];
  if (token !== undefined && token.gazetteerEnd === end) return token.gazetteerLength;
  const length = readGazetteerAt(tokens, i, end);
  if (token !== undefined) {
    token.gazetteerEnd = end;
    token.gazetteerLength = length;
  }
  return length;
}

function readGazetteerAt(tokens: Token[], i: number, end: number): number {
  const longest = Math.min(4, end - i);
  if (longest < 1) return 0;
  // a word of ASCII letters (a possessive aside) that opens no form is not looked up
  const word = tokens[i]!.text;
  if (!mayOpenGazetteerForm(word, 0, hasPossessive(word) ? word.length - 2 : word.length)) return 0;
  const first = tokenKey(tokens[i]!);
  // only forms opened by this word, of a length it opens, are looked up
  const lengths = GAZETTEER_FORM_LENGTHS.get(first);
  if (!lengths) return 0;
  for (let n = longest; n >= 1; n--) {
    if (!lengths.has(n)) continue;
    let phrase = first;
    for (let k = i + 1; k < i + n; k++) phrase += ' ' + tokenKey(tokens[k]!);
    if (GAZETTEER.has(phrase)) return n;
  }
  return 0;
}

/**
 * `findMentions(block.text)`, read once per block and kept on it: a block's text is not looked up in a table
 * (a new string's hash is worked out from all its characters).
 */
export function blockMentions(block: Block): Mention[] {
  let mentions = block.mentions;
  if (mentions === undefined) {
    mentions = readMentions(block.text);
    block.mentions = mentions;
  }
  return mentions;
}

/** Finds the capitalised runs in `text` and reads each as a mention. `mask` may hide quotations. */
export function findMentions(text: string): Mention[] {
  // the same paragraph is read by several plugins: remember the answer (mentions are never changed by callers)
  let mentions = mentionCache.get(text);
  if (!mentions) {
    if (mentionCache.size > 1_000) mentionCache.clear();
    mentions = readMentions(text);
    mentionCache.set(text, mentions);
  }
  return mentions;
}

const mentionCache = new Map<string, Mention[]>();

/** The mentions of a text, read afresh; `oneWord`: one-word runs read by `readWord` (false only in the tests, to compare). */
export function readMentions(text: string, oneWord = true): Mention[] {
  const tokens = tokenize(text);
  const mentions: Mention[] = [];
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i]!;
    if (!token.capital) {
      const startsWithParticle = isParticle(token.text) && i + 1 < tokens.length && singleSpace(text, token, tokens[i + 1]!) && particlesThenCapital(tokens, i);
      if (!startsWithParticle && !isJoinedArticleName(token.text)) {
        i++;
        continue;
      }
    }
    // a run: capitalised tokens separated by single spaces, with name particles allowed inside
    let j = i + 1;
    while (j < tokens.length) {
      if (!singleSpace(text, tokens[j - 1]!, tokens[j]!) || hasPossessive(tokens[j - 1]!.text)) break;
      const word = tokens[j]!.text;
      if (tokens[j]!.capital) j++;
      else if (isParticle(word) && particlesThenCapital(tokens, j)) j++;
      else if (isJoinedArticleName(word)) j++;
      else if (ORG_CONNECTORS.has(word) && j + 1 < tokens.length && tokens[j + 1]!.capital && tokens.slice(i, j).some((t) => ORG_HEADS.has(bare(t.text)) || /^(?:Organi[sz]ation|Union|Council|Ministry|Office|Commission|Committee|Agency|Alliance|Community|Forces?|Court|Bank|Fund)$/.test(t.text))) j++;
      else break;
    }
    readRun(text, tokens, i, j, mentions, oneWord);
    i = j;
  }
  return mentions;
}

/** A mention, its fields always in one order (one shape for all of them). */
function mention(start: number, end: number, name: string, kind: Mention['kind'], prefix: string, possessive: boolean, beforeSpeechVerb: boolean): Mention {
  return { start, end, name, kind, prefix, possessive, beforeSpeechVerb };
}

/** Whether a verb of speech follows the run ending with `last` ("Peskov said", "Peskov also said"); `to`: the token after it. */
export function speechVerbAfter(text: string, tokens: Token[], last: Token, to: number): boolean {
  const next = tokens[to];
  // the words after the name, in lower case, read only when white space alone parts them from it (/^\s+$/)
  if (next === undefined || next.start === last.end) return false;
  for (let k = last.end; k < next.start; k++) if (!isWhiteSpaceCode(text.charCodeAt(k))) return false;
  // a word of ASCII letters that neither filter lets through is neither (and is not lowered)
  const word = next.text;
  if (asciiLetters(word, word.length) && !SPEECH_VERB_FILTER.mayHold(word, 0, word.length) && !MODIFIER_FILTER.mayHold(word, 0, word.length)) return false;
  const after = word.toLowerCase();
  return SPEECH_VERBS.has(after) || (VERB_MODIFIERS.has(after) && SPEECH_VERBS.has(tokens[to + 1]?.text.toLowerCase() ?? ''));
}

/** Whether the first `end` characters of a word are ASCII letters (and there is one). */
function asciiLetters(word: string, end: number): boolean {
  if (end <= 0) return false;
  for (let i = 0; i < end; i++) {
    const code = word.charCodeAt(i) | 32;
    if (code < 97 || code > 122) return false;
  }
  return true;
}

const SPEECH_VERB_FILTER = new WordFilter(SPEECH_VERBS);
const ORG_HEAD_FILTER = new WordFilter(ORG_HEADS);

/** `ORG_HEADS.has(bare(word))`: a word of ASCII letters (a possessive or final dot aside) the filter stops is passed over unlowered. */
export function isOrgHead(word: string): boolean {
  let end = word.length;
  if (end >= 2 && word.charCodeAt(end - 1) === 115 && (word.charCodeAt(end - 2) === 39 || word.charCodeAt(end - 2) === 0x2019)) end -= 2;
  if (end > 0 && word.charCodeAt(end - 1) === 46) end--;
  if (asciiLetters(word, end) && !ORG_HEAD_FILTER.mayHold(word, 0, end)) return false;
  return ORG_HEADS.has(bare(word));
}

/** Words that may stand between a name and its verb of speech ("Peskov also said"). */
const VERB_MODIFIERS: ReadonlySet<string> = new Set(['also', 'then', 'later', 'further', 'has', 'had', 'was', 'once', 'again']);
const MODIFIER_FILTER = new WordFilter(VERB_MODIFIERS);

/**
 * `readRun` of a run of one word, as most runs are (a sentence's first word, a surname, a month), without the
 * lists of words a longer run needs. False, nothing read, for a body's head word, which `readRun` reads.
 */
function readWord(text: string, tokens: Token[], k: number, out: Mention[]): boolean {
  const token = tokens[k]!;
  const word = token.text;
  // (a one-word run is a known place or body as a whole, or holds none)
  const known = gazetteerAt(tokens, k, k + 1) === 1;
  if (!known && isOrgHead(word)) return false;
  const possessive = hasPossessive(word);
  const end = possessive ? token.end - 2 : token.end;
  const name = text.slice(token.start, end);
  const beforeSpeechVerb = speechVerbAfter(text, tokens, token, k + 1);
  if (known) {
    const whole = withoutPossessive(word).toLowerCase();
    const speaksAsBody = GAZETTEER.get(whole)?.kind === 'organisation' || INSTITUTIONS.has(whole.replace(/^the\s+/, ''));
    out.push(mention(token.start, end, name, speaksAsBody ? 'organisation' : 'place', '', possessive, beforeSpeechVerb));
    return true;
  }
  if (isAcronym(word)) {
    out.push(mention(token.start, end, name, 'organisation', '', possessive, beforeSpeechVerb));
    return true;
  }
  const surname = !isParticle(word) && isNameWord(word);
  out.push(mention(token.start, end, name, surname ? 'surname' : 'other', '', possessive, beforeSpeechVerb));
  return true;
}

function readRun(text: string, tokens: Token[], from: number, to: number, out: Mention[], oneWord: boolean): void {
  if (oneWord && to - from === 1 && readWord(text, tokens, from, out)) return;
  let i = from;
  const prefixWords: string[] = [];
  // a role or an honorific inside the run ends its prefix: "Treasury Secretary Scott Bessent"
  let lastRole = -1;
  let lastOrg = -1;
  // words inside a known place or body ("United States") are not heads of another body
  let inGazetteer: Set<number> | null = null;
  for (let k = from; k < to; k++) {
    const n = gazetteerAt(tokens, k, to);
    for (let g = k; g < k + n; g++) (inGazetteer ??= new Set<number>()).add(g);
    if (n > 1) k += n - 1;
  }
  for (let k = from; k < to; k++) {
    const b = bare(tokens[k]!.text);
    if (ORG_HEADS.has(b) && !inGazetteer?.has(k)) lastOrg = k;
    // a word without a hyphen is its only part
    if (k < to - 1 && (ROLE_HEADS.has(b) || HONORIFICS.has(b) || (b.includes('-') ? b.split('-').some((part) => ROLE_NOUNS.has(part)) : ROLE_NOUNS.has(b)))) lastRole = k;
  }
  // a place or body the gazetteer knows as a whole ("White House", "United States") is not an organisation run
  const known = gazetteerAt(tokens, from, to) === to - from;
  // "European Council President António Costa": a person behind a body's title
  const orgRun = lastOrg >= 0 && !known && !(lastRole > lastOrg && tokens.slice(lastRole + 1, to).every((t) => isNameWord(t.text)));
  if (!orgRun && lastRole >= from && to - (lastRole + 1) >= 1) {
    prefixWords.push(...tokens.slice(from, lastRole + 1).map((t) => t.text));
    i = lastRole + 1;
  }
  if (orgRun) {
    // "The Ministry of Foreign Affairs of Ukraine", "Venezuela’s Foreign Ministry": the whole run names the body
    while (i < to - 1 && ((COMMON_WORDS.has(bare(tokens[i]!.text)) && !ROLE_HEADS.has(bare(tokens[i]!.text)) && !ORG_HEADS.has(bare(tokens[i]!.text)) && !GAZETTEER.has(bare(tokens[i]!.text))) || /-(?:led|backed|based|born|owned|run|affiliated|aligned|linked)$/i.test(tokens[i]!.text))) i++;
    const before = tokens[from - 1];
    const generic = ROLE_HEADS.has(bare(tokens[from]!.text)) || ORG_HEADS.has(bare(tokens[from]!.text));
    if (i === from && generic && before && /['’]s$/u.test(before.text) && GAZETTEER.get(bare(before.text))?.kind === 'place' && /^ $/.test(text.slice(before.end, tokens[from]!.start))) {
      const lastToken = tokens[to - 1]!;
      const orgEnd = /['’]s$/u.test(lastToken.text) ? lastToken.end - 2 : lastToken.end;
      const after = tokens[to]?.text.toLowerCase() ?? '';
      out.push({ start: before.start, end: orgEnd, name: text.slice(before.start, orgEnd), kind: 'organisation', prefix: '', possessive: orgEnd !== lastToken.end, beforeSpeechVerb: SPEECH_VERBS.has(after) });
      return;
    }
    const lastToken = tokens[to - 1]!;
    const orgEnd = /['’]s$/u.test(lastToken.text) ? lastToken.end - 2 : lastToken.end;
    const name = text.slice(tokens[i]!.start, orgEnd);
    const after = tokens[to]?.text.toLowerCase() ?? '';
    out.push({ start: tokens[i]!.start, end: orgEnd, name, kind: 'organisation', prefix: '', possessive: orgEnd !== lastToken.end, beforeSpeechVerb: SPEECH_VERBS.has(after) });
    return;
  }
  // strip leading words that are not names: sentence openers, roles, places, honorifics
  while (i < to) {
    const word = tokens[i]!.text;
    const places = gazetteerAt(tokens, i, to);
    if (places > 0 && i + places < to) {
      prefixWords.push(...tokens.slice(i, i + places).map((t) => t.text));
      i += places;
      continue;
    }
    if (!isNameWord(word) && i + 1 < to) {
      prefixWords.push(word);
      i++;
      continue;
    }
    break;
  }
  const last = tokens[to - 1]!;
  const possessive = /['’]s$/u.test(last.text);
  const start = tokens[i]!.start;
  const end = possessive ? last.end - 2 : last.end;
  const name = text.slice(start, end);
  const words = tokens.slice(i, to).map((t) => t.text);
  const beforeSpeechVerb = speechVerbAfter(text, tokens, last, to);
  const prefix = prefixWords.join(' ');

  if (gazetteerAt(tokens, i, to) === to - i) {
    const wholeRun = tokens.slice(from, to).map((t) => t.text.replace(/['’]s$/u, '')).join(' ');
    const speaksAsBody = GAZETTEER.get(wholeRun.toLowerCase())?.kind === 'organisation' || INSTITUTIONS.has(wholeRun.toLowerCase().replace(/^the\s+/, ''));
    out.push(mention(start, end, name, speaksAsBody ? 'organisation' : 'place', prefix, possessive, beforeSpeechVerb));
    return;
  }
  if (words.some((w) => ORG_HEADS.has(bare(w)))) {
    const orgStart = prefixWords.length && prefixWords.every((w) => GAZETTEER.has(bare(w)) || !COMMON_WORDS.has(bare(w)) || ROLE_HEADS.has(bare(w))) ? tokens[from]!.start : start;
    const orgText = text.slice(orgStart, end).replace(/^the\s+/i, '');
    out.push(mention(orgStart, end, orgText, 'organisation', '', possessive, beforeSpeechVerb));
    return;
  }
  // an acronym standing alone names a body ("the JCS said", "SDF fighters")
  if (words.length === 1 && isAcronym(words[0]!) && prefixWords.every((w) => COMMON_WORDS.has(bare(w)) && !ROLE_HEADS.has(bare(w)))) {
    out.push(mention(start, end, name, 'organisation', prefix, possessive, beforeSpeechVerb));
    return;
  }
  // in a run of names, a word that is also a place or a body ("Wagner", "Jordan") is a name
  const plain = words.filter((w) => !PARTICLES.has(w.toLowerCase()));
  const strict = plain.filter(isNameWord);
  const nameWords = strict.length >= 2 && plain.every((w) => isNameWord(w) || (GAZETTEER.has(bare(w)) && !ROLE_HEADS.has(bare(w)) && !COMMON_WORDS.has(bare(w)))) ? plain : strict;
  if (nameWords.length >= 2 && nameWords.length === words.filter((w) => !PARTICLES.has(w.toLowerCase())).length) {
    out.push(mention(start, end, name, 'person', prefix, possessive, beforeSpeechVerb));
  } else if (nameWords.length === 1 && words.every((w) => w === nameWords[0] || PARTICLES.has(w.toLowerCase()))) {
    out.push(mention(start, end, name, 'surname', prefix, possessive, beforeSpeechVerb));
  } else {
    out.push(mention(start, end, name, 'other', prefix, possessive, beforeSpeechVerb));
  }
}

/** True when the words before a name hold a role ("spokesman", "Foreign Minister"). */
export function hasRoleNoun(phrase: string): boolean {
  return phrase
    .toLowerCase()
    .split(/[^\p{L}.\-]+/u)
    .some((w) => ROLE_NOUNS.has(w) || w.startsWith('spokes'));
}
