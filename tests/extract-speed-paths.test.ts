import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DATELINE, OWN_FURNITURE, SLASH_CREDIT, STAFF_LINE } from '../src/extract/plugins/find-source.js';
import { NAMED_LINE, quoteKey } from '../src/extract/plugins/find-quotes.js';
import { splitTitleSuffix } from '../src/extract/plugins/find-title.js';
import { labelledBefore } from '../src/extract/plugins/find-date.js';
import { toIsoDate } from '../src/extract/text/dates.js';
import { format, isValid, parse } from 'date-fns';
import { bare, blockMentions, findMentions, hasRoleNoun, isAcronym, isInitials, isOrgHead, isParticle, readMentions, speechVerbAfter, tokenize, tokenText } from '../src/extract/people/find-mentions.js';
import { PersonRegistry } from '../src/extract/people/registry.js';
import { BREADCRUMB, CONTRIBUTED_WORD, CREDIT, isNotice, NOTICE, SLUG, SLUG_LINE } from '../src/extract/plugins/strip-boilerplate.js';
import type { Guarded } from '../src/extract/text/guarded.js';
import { anyPattern, topLevelAlternatives } from '../src/extract/text/any-pattern.js';
import { GAZETTEER, GAZETTEER_FORM_LENGTHS, mayOpenGazetteerForm } from '../src/extract/lexicon/places.js';
import { gazetteerLabels } from '../src/extract/plugins/find-topics.js';
import { endsWithMark } from '../src/extract/quotes/attribution-line.js';
import { extractArticle } from '../src/extract/extract-article.js';
import { endsSentence, isTitleCase } from '../src/extract/plugins/find-people.js';
import { ABBREVIATIONS, endsAbbreviation, splitSentences } from '../src/extract/text/sentences.js';
import { HONORIFICS, ORG_HEADS, ROLE_NOUNS, SPEAKING_ORG_NOUNS } from '../src/extract/lexicon/roles.js';
import { SPEECH_VERBS } from '../src/extract/lexicon/speech-verbs.js';
import { endsWithComma, lastWord, lastWords, mayEndRole, roleOfWords } from '../src/extract/people/roles-in-context.js';
import { bareWord, hasHeadNoun, pronouns, ROLE_NP } from '../src/extract/quotes/speaker-candidates.js';
import { endsAfterPreposition, PREPOSITION_BEFORE, readAllSpeechVerbs, readSpeechVerbs, sentenceSubject, speakingSubjects } from '../src/extract/quotes/attribute.js';
import { followsNaming, NAMING_BEFORE } from '../src/extract/quotes/classify-span.js';
import { cleanText } from '../src/extract/plugins/write-body.js';
import { countWords, fold, foldFully, foldStartsWith, squashSpaces, wordCount } from '../src/extract/text/fold.js';
import { isLetter, isLetterMarkOrDigit, isLetterOrDigit, isWordJoiner, scanRuns } from '../src/extract/text/char-classes.js';
import { WordFilter } from '../src/extract/text/word-filter.js';
import { findQuoteSpans, isWhiteSpaceCode, maskQuotes, type QuoteSpan } from '../src/extract/text/quote-spans.js';
import { ownCopy } from '../src/extract/text/own-copy.js';
import { fileMessage } from '../src/extract/file-message.js';
import { VFile } from 'vfile';
import { referenceTexts } from './reference-texts.js';
import { blockWords, type Block } from '../src/extract/blocks.js';
import { shortWordKey } from '../src/extract/lexicon/vocabulary-matcher.js';

/** The paragraphs of every reference text: the fixtures, the corpora, content/. */
function referenceParagraphs(): string[] {
  return referenceTexts().flatMap(({ text }) => text.split(/\n+/)).filter((line) => line.trim() !== '');
}

/**
 * The extractor's faster code against what it replaced: each earlier version is kept here, as it was,
 * and both are run on generated texts of the characters that matter to them.
 */

/** Texts drawn from pieces. */
function texts(pieces: readonly string[], maxLength = 30): fc.Arbitrary<string> {
  return fc.array(fc.constantFrom(...pieces), { maxLength }).map((parts) => parts.join(''));
}

const RUNS = { numRuns: 5_000, seed: 11 };

// ---- quote-spans.ts as it was ----
const OPEN_DOUBLE = new Set(['\u201c', '\u201e', '\u00ab']);
const CLOSE_DOUBLE = new Set(['\u201d', '\u00bb']);
const OPENER_BEFORE = /[\s([{\u2014\u2013\-/:;>]/u;
function oldIsOpenerPosition(text: string, i: number): boolean {
  const prev = i === 0 ? ' ' : text[i - 1]!;
  const next = text[i + 1] ?? ' ';
  return OPENER_BEFORE.test(prev) && !/\s/.test(next);
}
function oldMakeSpan(text: string, open: number, close: number, closed: boolean): QuoteSpan | null {
  let start = open + 1;
  let end = close;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /[\s,]/.test(text[end - 1]!)) end--;
  if (end <= start) return null;
  return { open, close, closed, text: text.slice(start, end), start, end };
}
function oldDoubleSpans(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (OPEN_DOUBLE.has(ch)) {
      if (open >= 0) {
        const span = oldMakeSpan(text, open, i, false);
        if (span) spans.push(span);
      }
      open = i;
    } else if (CLOSE_DOUBLE.has(ch)) {
      if (open >= 0) {
        const span = oldMakeSpan(text, open, i, true);
        if (span) spans.push(span);
        open = -1;
      }
    } else if (ch === '"') {
      if (open >= 0) {
        const span = oldMakeSpan(text, open, i, true);
        if (span) spans.push(span);
        open = -1;
      } else if (oldIsOpenerPosition(text, i)) {
        open = i;
      }
    }
  }
  if (open >= 0) {
    const span = oldMakeSpan(text, open, text.length, false);
    if (span) spans.push(span);
  }
  return spans;
}
function oldSingleSpans(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch !== '\u2018' && ch !== '\u2019' && ch !== "'") continue;
    const prev = i === 0 ? ' ' : text[i - 1]!;
    const next = text[i + 1] ?? ' ';
    const letterBefore = /[\p{L}\p{N}]/u.test(prev);
    const letterAfter = /[\p{L}\p{N}]/u.test(next);
    if (letterBefore && letterAfter) continue;
    if (open < 0) {
      if (ch !== '\u2019' && oldIsOpenerPosition(text, i) && letterAfter) open = i;
      else if (ch === '\u2018' && letterAfter) open = i;
      continue;
    }
    const closer = !/\s/.test(prev) && (i + 1 >= text.length || /[\s.,;:!?)\]\u2014\u2013\-]/.test(next));
    if (closer && ch !== '\u2018') {
      if (prev === 's' && /^\s+\p{Ll}/u.test(text.slice(i + 1, i + 4)) && !/[.,!?]/.test(prev)) {
        const rest = text.slice(i + 1);
        if (/[\u2019'](?=[\s.,;:!?]|$)/.test(rest)) continue;
      }
      const span = oldMakeSpan(text, open, i, true);
      if (span) spans.push(span);
      open = -1;
    }
  }
  if (open >= 0) {
    const span = oldMakeSpan(text, open, text.length, false);
    if (span) spans.push(span);
  }
  return spans;
}
function oldFindQuoteSpans(text: string): QuoteSpan[] {
  const doubles = oldDoubleSpans(text);
  return doubles.length > 0 ? doubles : oldSingleSpans(text);
}

describe('quotation spans', () => {
  it('isWhiteSpaceCode is /\\s/ for every code unit', () => {
    for (let code = 0; code <= 0xffff; code++) expect(isWhiteSpaceCode(code), code.toString(16)).toBe(/\s/.test(String.fromCharCode(code)));
  });

  it('findQuoteSpans finds what it found', () => {
    const pieces = ['a', 'Z', '9', ' ', '  ', ',', '.', 's', '“', '”', '„', '«', '»', '"', "'", '‘', '’', '(', '—', '-', ':', '\u00a0', '\n', 'é', '\ud835', '𝑎', 'word ', ' he said'];
    fc.assert(
      fc.property(texts(pieces), (text) => {
        expect(findQuoteSpans(text)).toEqual(oldFindQuoteSpans(text));
      }),
      RUNS,
    );
  });
});

describe('patterns of page furniture', () => {
  const pieces = [
    'a', 'Jane Doe', 'John', ' ', '  ', ':', '|', ' | ', ' » ', ' / ', '/', '·', '•', '-', '-and-', '-of-', 'news', 'world', 'x', '5', '12', '2024',
    ' min read', ' read', 'Read', ' is a ', ' IS THE ', ' reporter', ' Editor', '.', 'Share', 'share: ', 'facebook', 'Twitter', '©', '© 2024', ' Ltd', ' AB',
    'cookies', ' use ', 'Photo', 'photo by ', '(', ')', 'Getty Images', 'shutterstock', 'AFP/', 'Reuters Photo', 'file photo: ', 'ſ', 'K', 'é', 'İ',
    'SINIRLIOĞLU: We', 'Acme AB © 2024', 'world-news, europe-east', 'MOSCOW', ', February 6. ', '/TASS/', ' (Reuters) - ', 'Web Desk', ' staff writers', ' newsroom', 'Anadolu Agency website contains', 'sign up for The Dispatch’s ', 'By ',
    'follow us on twitter', 'sign up for our newsletter', 'all rights reserved', 'share this article', '🙂', 'subscribe to ', 'contributed', '@',
  ];

  it('anyPattern answers as testing each pattern does, also for anchored and alternated patterns', () => {
    const patterns = [/^share\b|\bcookies?\b/i, /^(?:a|b)|c$/, /^[|]x|(y|^z)/u, /\^x/, /^x/m, /[(^]k/, /\bc\b|\bya?\b.*\bz|\\bx/i, /\by+|k\b/u];
    const any = anyPattern(patterns);
    fc.assert(
      fc.property(texts(['share', 'cookie', 'a', 'b', 'c', 'x', 'y', 'z', 'k', '^', '|', '(', '\n', ' ', '\\']), (text) => {
        expect(any(text)).toBe(patterns.some((re) => re.test(text)));
      }),
      RUNS,
    );
    expect(topLevelAlternatives('a|(b|c)|[|]|\\|d')).toEqual(['a', '(b|c)', '[|]', '\\|d']);
    expect(() => anyPattern([/(a)\1/])).toThrow();
  });

  it('isNotice answers as testing every notice pattern does', () => {
    const all = NOTICE.map((entry) => (entry instanceof RegExp ? entry : entry.pattern));
    fc.assert(
      fc.property(texts(pieces, 12), (text) => {
        expect(isNotice(text)).toBe(all.some((re) => re.test(text)) || (text.includes('@') && /[^\s@]{1,64}@[^\s@]{1,100}\.[a-z]{2,}/i.test(text)) || (text.toLowerCase().includes('contributed') && /\b(?:writers?|correspondents?|reporters?) [\p{Lu}][^.]{0,80}\bcontributed(?: to this (?:report|story|article))?\.?$/iu.test(text)));
      }),
      { numRuns: 20_000, seed: 12 },
    );
  });

  it('CONTRIBUTED_WORD finds "contributed" where the lower case of the text holds it', () => {
    // each code unit: one the pattern reads as a letter of the word is one that lowers to it (and no other does)
    for (let code = 0; code <= 0xffff; code++) {
      const ch = String.fromCharCode(code);
      for (const letter of 'contribue') expect(new RegExp(letter, 'i').test(ch)).toBe(ch.toLowerCase() === letter);
    }
    let yes = 0;
    fc.assert(
      fc.property(texts(['contributed', 'CONTRIBUTED', 'Contri', 'contr', 'buted', 'BUTED', 'İ', 'ı', 'I', 'i', '\u0307', 'K', 'ſ', 'x', ' ']), (text) => {
        const answer = CONTRIBUTED_WORD.test(text);
        if (answer) yes++;
        expect(answer).toBe(text.toLowerCase().includes('contributed'));
      }),
      RUNS,
    );
    expect(yes).toBeGreaterThan(500);
  });

  it('a guarded pattern never matches where its guard does not', () => {
    const guards: Guarded[] = [...NOTICE.filter((entry): entry is Guarded => !(entry instanceof RegExp)), CREDIT, SLUG, SLUG_LINE, BREADCRUMB, DATELINE, OWN_FURNITURE, SLASH_CREDIT, STAFF_LINE, NAMED_LINE];
    const matched = new Set<Guarded>();
    fc.assert(
      fc.property(texts(pieces, 10), (text) => {
        for (const guard of guards) {
          guard.pattern.lastIndex = 0;
          if (guard.pattern.test(text)) {
            matched.add(guard);
            expect(guard.needs.test(text)).toBe(true);
          }
        }
      }),
      { numRuns: 50_000, seed: 13 },
    );
    // every guard was put to the test on texts its pattern matches
    expect(guards.filter((guard) => !matched.has(guard)).map((guard) => guard.pattern.source)).toEqual([]);
  });
});

describe('words', () => {
  it('countWords counts the runs scanRuns finds, runs joined by one apostrophe or hyphen counted once', () => {
    const old = (text: string): number => {
      let count = 0;
      let previousEnd = -2;
      scanRuns(text, isLetterOrDigit, isLetterOrDigit, (start, end) => {
        const joined = start === previousEnd + 1 && (text[previousEnd] === "'" || text[previousEnd] === '’' || text[previousEnd] === '-');
        if (!joined) count++;
        previousEnd = end;
      });
      return count;
    };
    const pieces = ['a', 'Z', '9', ' ', "'", '’', '-', '--', 'é', 'e\u0301', '\u0301', '𝑎', '\ud835', '\udc00', '🙂', '٣', '中', '.', "'s"];
    fc.assert(
      fc.property(texts(pieces), (text) => {
        expect(countWords(text)).toBe(old(text));
      }),
      RUNS,
    );
  });

  it('a word filter lets every word of its set through, in any case, and stops most others', () => {
    const filter = new WordFilter(SPEECH_VERBS);
    for (const verb of SPEECH_VERBS) {
      const text = `x ${verb} ${verb.toUpperCase()} y`;
      expect(filter.mayHold(text, 2, 2 + verb.length)).toBe(true);
      expect(filter.mayHold(text, 3 + verb.length, 3 + 2 * verb.length)).toBe(true);
    }
    const small = new WordFilter(['a', 'at', 'said', 'abcdefghijklmnopqrstuvwxyzabcdefgh']);
    const words = fc.array(fc.constantFrom('a', 'b', 's', 't', 'A', 'S'), { minLength: 1, maxLength: 6 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(words, (word) => {
        if (['a', 'at', 'said'].includes(word.toLowerCase())) expect(small.mayHold(word, 0, word.length)).toBe(true);
      }),
      RUNS,
    );
    expect(small.mayHold('abcdefghijklmnopqrstuvwxyzabcdefgh', 0, 34)).toBe(true);
    expect(small.mayHold('sad', 0, 3)).toBe(false);
    expect(small.mayHold('the', 0, 3)).toBe(false);
    expect(() => new WordFilter(['Said'])).toThrow();
  });
});

describe('speakers', () => {
  const pieces = ['he', 'He', 'HE', 'she', 'She', 'the', 's', 'h', 'e', ' ', ',', '.', "'s", '’s', 'é', '𝑎', '\ud835', '9', 'spokes', 'Spokesman', 'SPOKESWOMAN', 'minister', 'Ministry', 'secretary-general', 'un', 'K', 'ſ', 'İ', ';', ':', '-', 'x'];

  it('pronouns are where the pronoun pattern matches', () => {
    const re = /(?<![\p{L}\p{N}])(he|she|He|She)(?![\p{L}\p{N}])/gu;
    fc.assert(
      fc.property(texts(pieces), (text) => {
        expect(pronouns(text)).toEqual([...text.matchAll(re)].map((m) => [m.index, m[0].length]));
      }),
      RUNS,
    );
  });

  it('hasHeadNoun answers as looking up every word did', () => {
    const heads = new Set([...ROLE_NOUNS, ...SPEAKING_ORG_NOUNS]);
    const inPhraseWord = (code: number): boolean => isLetter(code) || code === 46 || code === 0x2019 || code === 39 || code === 45 || code === 44 || code === 59 || code === 58;
    const old = (text: string): boolean => {
      let found = false;
      scanRuns(text, inPhraseWord, inPhraseWord, (start, end) => {
        let word = text.slice(start, end);
        const n = word.length;
        if (n >= 2 && word[n - 1] === 's' && (word[n - 2] === "'" || word[n - 2] === '’')) word = word.slice(0, -2);
        const last = word[word.length - 1];
        if (last === '.' || last === ',' || last === ';' || last === ':') word = word.slice(0, -1);
        word = word.toLowerCase();
        if (heads.has(word) || word.startsWith('spokes')) found = true;
      });
      return found;
    };
    let yes = 0;
    fc.assert(
      fc.property(texts([...pieces, ...[...heads].slice(0, 40).map((w) => ` ${w.toUpperCase()} `), ' Ministry’s ', ' envoy, ']), (text) => {
        const answer = hasHeadNoun(text);
        if (answer) yes++;
        expect(answer).toBe(old(text));
      }),
      RUNS,
    );
    expect(yes).toBeGreaterThan(100);
  });

  it('bareWord is the word without a possessive and one mark, in lower case', () => {
    fc.assert(
      fc.property(texts(["'s", '’s', 's', "'", '’', '.', ',', ';', ':', 'A', 'b', 'İ', 'K'], 6), (word) => {
        expect(bareWord(word)).toBe(word.replace(/['’]s$/u, '').replace(/[.,;:]$/, '').toLowerCase());
      }),
      RUNS,
    );
  });

  it('isAcronym is /^\\p{Lu}{2,6}$/u of the word without a possessive', () => {
    fc.assert(
      fc.property(texts(['N', 'A', 'T', 'O', 'a', 's', "'s", '’s', "'", 'É', 'é', '𝐀', '1'], 8), (word) => {
        expect(isAcronym(word)).toBe(/^\p{Lu}{2,6}$/u.test(word.replace(/['’]s$/u, '')));
      }),
      RUNS,
    );
  });

  it('bare is the word without a possessive and a final dot, in lower case', () => {
    fc.assert(
      fc.property(texts(["'s", '’s', 's', "'", '’', '.', '..', 'A', 'b', 'İ', 'K', 'U.S.'], 6), (word) => {
        expect(bare(word)).toBe(word.replace(/['’]s$/u, '').replace(/\.$/, '').toLowerCase());
      }),
      RUNS,
    );
  });

  it('isParticle is a particle in any mix of capitals', () => {
    const particles = ['al', 'bin', 'ibn', 'de', 'da', 'van', 'von', 'der', 'du', 'di', 'la', 'le', 'el', 'abu', 'del', 'dos', 'das', 'ben'];
    fc.assert(
      fc.property(texts(['a', 'l', 'B', 'i', 'N', 'd', 'e', 'v', 'o', 'n', 'r', 'u', 's', 'İ', 'K', '-', 'x'], 4), (word) => {
        expect(isParticle(word)).toBe(particles.includes(word.toLowerCase()));
      }),
      RUNS,
    );
    for (const particle of particles) expect(isParticle(particle.toUpperCase())).toBe(true);
  });

  it('the verbs of speech of a paragraph are those the VERB pattern reads', () => {
    const pieces = ['said', 'told', 'added', 'the ', 'a ', 'his ', ' ', '-', 'x', 'A', '9', 'é', 'ñsaid', '.', ',', '“', 'xxx', '\u00a0', 'called', 'Said', 'its '];
    let hits = 0;
    fc.assert(
      fc.property(texts(pieces), (mask) => {
        const found = readAllSpeechVerbs(mask);
        hits += found.length;
        expect(found).toEqual(readSpeechVerbs(mask, 0, mask.length));
      }),
      RUNS,
    );
    expect(hits).toBeGreaterThan(500);
  });

  it('the tokens of a text are the runs of its words, a full stop dropped', () => {
    const goesOn = (code: number): boolean => isLetterMarkOrDigit(code) || isWordJoiner(code);
    fc.assert(
      fc.property(texts(['a', 'Z', '9', ' ', '.', "'", '’', '-', 'é', 'e\u0301', '\u0301', '𝑎', '\ud835', '🙂', 'Mr.', 'U.S.', 'Jr.', '"', ',']), (text) => {
        const runs: [number, number][] = [];
        scanRuns(text, isLetterMarkOrDigit, goesOn, (start, end) => runs.push([start, end]));
        const tokens = tokenize(text);
        expect(tokens.map((t) => t.start)).toEqual(runs.map(([start]) => start));
        tokens.forEach((token, k) => {
          const run = text.slice(runs[k]![0], runs[k]![1]);
          expect(run.startsWith(token.text) && /^\.*$/.test(run.slice(token.text.length))).toBe(true);
        });
      }),
      RUNS,
    );
  });

  it('a sentence without candidates has no speaking subject and no subject (find-quotes looks for neither)', () => {
    let verbs = 0;
    fc.assert(
      fc.property(texts(['said', ' said ', 'told', 'he ', 'Peskov ', 'the minister ', ', ', '. ', 'according to ', 'added', ' ', 'x', '“', '”']), fc.nat(40), (mask, cut) => {
        const start = Math.min(cut, mask.length);
        const ctx = { mask, sentenceStart: start, sentenceEnd: mask.length, candidates: [], resolvePronoun: () => null };
        if (readAllSpeechVerbs(mask).length > 0) verbs++;
        const speaking = speakingSubjects(ctx);
        expect(speaking).toEqual([]);
        expect(sentenceSubject(ctx, speaking)).toBeNull();
      }),
      RUNS,
    );
    expect(verbs).toBeGreaterThan(500);
  });

  it('isInitials is /^(?:\\p{L}\\.)+$/u', () => {
    let yes = 0;
    fc.assert(
      fc.property(texts(['a.', 'Z.', 'é.', '𝑎.', 'Ж.', 'a.', 'U.', 'a', 'Z', '.', 'é', '𝑎', '1', ' ', 'Mr', '\u0301'], 6), (word) => {
        const answer = isInitials(word);
        if (answer) yes++;
        expect(answer).toBe(/^(?:\p{L}\.)+$/u.test(word));
      }),
      RUNS,
    );
    expect(yes).toBeGreaterThan(500);
  });

  it('a role phrase is passed over by hasHeadNoun exactly where none of its bare words is a head noun', () => {
    let heads = 0;
    let phrases = 0;
    fc.assert(
      fc.property(texts(['the ', 'The ', 'a ', 'an ', 'Russia’s ', "Oman's ", 'foreign ', 'minister', 'Minister’s', 'spokesman', 'SPOKESWOMAN', 'ministry', 'agency', 'office,', 'timetable ', 'for ', 'rail ', 'vote', ' ', '  ', '.', ',', ';', ':', '-', 'é', 'x']), (text) => {
        const phrase = new RegExp(ROLE_NP.source, ROLE_NP.flags);
        for (let m = phrase.exec(text); m !== null; m = phrase.exec(text)) {
          phrase.lastIndex = m.index + 1;
          phrases++;
          const bare = m[1]!.split(/\s+/).filter(Boolean).map(bareWord);
          const head = bare.some((w) => ROLE_NOUNS.has(w) || w.startsWith('spokes') || SPEAKING_ORG_NOUNS.has(w));
          if (head) heads++;
          expect(hasHeadNoun(m[1]!)).toBe(head);
        }
      }),
      RUNS,
    );
    expect(heads).toBeGreaterThan(500);
    expect(phrases - heads).toBeGreaterThan(500);
  });

  it('isOrgHead is ORG_HEADS.has(bare(word))', () => {
    let yes = 0;
    fc.assert(
      fc.property(texts(['ministry', 'Ministry', 'MINISTRY', 'office', 'Kremlin', 'army', "'s", '’s', '.', 'x', 'é', 'İ', '-', 'council'], 4), (word) => {
        const answer = isOrgHead(word);
        if (answer) yes++;
        expect(answer).toBe(ORG_HEADS.has(bare(word)));
      }),
      RUNS,
    );
    expect(yes).toBeGreaterThan(300);
  });

  it('speechVerbAfter is what the lower-cased words after a run told', () => {
    // ---- find-mentions.ts's reading of the words after a run, as it was ----
    const old = (text: string, tokens: ReturnType<typeof tokenize>, last: ReturnType<typeof tokenize>[number], to: number): boolean => {
      const gapAfter = tokens[to] ? text.slice(last.end, tokens[to]!.start) : '';
      const spaced = /^\s+$/.test(gapAfter);
      const after = spaced ? (tokens[to]?.text.toLowerCase() ?? '') : '';
      return spaced && (SPEECH_VERBS.has(after) || (['also', 'then', 'later', 'further', 'has', 'had', 'was', 'once', 'again'].includes(after) && SPEECH_VERBS.has(tokens[to + 1]?.text.toLowerCase() ?? '')));
    };
    let yes = 0;
    fc.assert(
      fc.property(texts(['Peskov', 'said', 'SAID', 'Said', 'also', 'ALSO', 'told', 'was', 'x', ' ', '  ', '\u00a0', '\n', ',', '.', 'é', 'saİd', '-', 'Peskov said', ' also said '], 16), (text) => {
        const tokens = tokenize(text);
        tokens.forEach((token, k) => {
          const answer = speechVerbAfter(text, tokens, token, k + 1);
          if (answer) yes++;
          expect(answer).toBe(old(text, tokens, token, k + 1));
        });
      }),
      RUNS,
    );
    expect(yes).toBeGreaterThan(500);
  });

  it('one-word runs read by readWord are the mentions readRun read', () => {
    // what makes a one-word run one kind or another: places and bodies, heads of bodies, acronyms, particles,
    // common words, possessives, verbs of speech after it and what parts it from them
    const words = ['Peskov', 'Russia', 'Russia’s', "Kremlin's", 'Kremlin', 'Pentagon', 'NATO', 'NATO’s', 'EU', 'SDF', 'Ministry', 'ministry', 'Council', 'al', 'Al', 'von', 'al-Sisi', 'The', 'Officials', 'Engineers', 'June', 'Tuesday', 'U.S.', 'Mr.', 'J.', 'B2', 'X', 'Élysée', 'Zelensky', 'Foreign', 'Minister', 'Mohammed', 'bin', 'Salman'];
    const joins = [' ', ' ', ' ', '  ', '\u00a0', '\n', ', ', '. ', ' (', '"', ' said ', ' also said ', ' said', ' told ', ' was ', ' and ', ' of ', ' for '];
    const lower = ['said', 'also', 'told', 'the', 'minister', 'office'];
    let differ = 0;
    const pieces = fc.array(fc.tuple(fc.constantFrom(...words, ...lower), fc.constantFrom(...joins)), { maxLength: 14 }).map((parts) => parts.map(([w, j]) => w + j).join(''));
    fc.assert(
      fc.property(pieces, (text) => {
        expect(readMentions(text, true)).toEqual(readMentions(text, false));
      }),
      RUNS,
    );
    for (const paragraph of referenceParagraphs()) {
      if (JSON.stringify(readMentions(paragraph, true)) !== JSON.stringify(readMentions(paragraph, false))) differ++;
    }
    expect(differ).toBe(0);
    expect(readMentions('Peskov said.', true)).toEqual([expect.objectContaining({ name: 'Peskov', kind: 'surname', beforeSpeechVerb: true })]);
  });

  it('endsWithComma is /,\\s*$/', () => {
    fc.assert(
      fc.property(texts([',', ' ', '\u00a0', '\n', 'a', '.', '\u2003']), (text) => {
        expect(endsWithComma(text)).toBe(/,\s*$/u.test(text));
      }),
      RUNS,
    );
  });
});

describe('folding', () => {
  it('fold of ASCII with typographic quotes and dashes is the full folding', () => {
    fc.assert(
      fc.property(texts(['A', 'z', ' ', '  ', '\t', '\n', '‘', '’', '“', '”', '–', '—', 'é', 'ß', '„', '\u2011', '\u2033', 'İ', 'K', '.', "'", '"']), (text) => {
        expect(fold(text)).toBe(foldFully(text));
      }),
      RUNS,
    );
  });
});

describe('quotations and bodies', () => {
  it('followsNaming answers as the naming pattern does', () => {
    const pieces = ['so-called', 'so called', 'dubbed', 'DUBBED', 'known as', 'code-named', 'the word', 'newspaper', 'ſlogan', 'Kampaign', 'campaign', 'x', 'é', '9', ' ', '  ', ',', ':', ';', '-', '\u00a0', 'the', 'said'];
    let yes = 0;
    fc.assert(
      fc.property(texts(pieces, 8), (before) => {
        const answer = followsNaming(before);
        if (answer) yes++;
        expect(answer).toBe(NAMING_BEFORE.test(before));
      }),
      { numRuns: 20_000, seed: 14 },
    );
    expect(yes).toBeGreaterThan(500);
  });

  it('cleanText cuts what the two replacements cut', () => {
    fc.assert(
      fc.property(texts(['a', ' ', '\t', '[', ']', '1', '12', '[3]', '[1234]', '\n', '\u00a0']), (text) => {
        expect(cleanText(text)).toBe(text.replace(/\[\d{1,3}\]/g, '').replace(/[ \t]+$/g, ''));
      }),
      RUNS,
    );
  });

  it('wordCount of the same text asked again, and of another, is its count', () => {
    const long = 'The minister said the talks would go on, and that nothing had been agreed yet.';
    const other = 'Another text of some length, with words enough to be remembered by the count.';
    for (const text of [long, long, other, long, `${long} `, other]) expect(wordCount(text)).toBe(countWords(text));
  });
});

describe('the registry kept spellings', () => {
  it('finds people by names and aliases added after them, renamed to their fullest spelling', () => {
    const registry = new PersonRegistry();
    const zelensky = registry.add('Zelensky', 'person', null, 0);
    expect(registry.find('Zelenskiy', 'person')).toBe(zelensky);
    expect(registry.add('Volodymyr Zelensky', 'person', 'President', 1)).toBe(zelensky);
    expect(zelensky.name).toBe('Volodymyr Zelensky');
    expect(registry.find('Zelenskyy', 'person')).toBe(zelensky);
    expect(registry.find('Vladimir Zelensky', 'person')).toBe(zelensky);
    const rsf = registry.add('Rapid Support Forces', 'organisation', null, 2);
    registry.addAlias(rsf, 'RSF');
    expect(registry.find('RSF', 'organisation')).toBe(rsf);
    const peskov = registry.add('Dmitry Peskov', 'person', null, 3);
    registry.addAlias(peskov, 'Dmitri Peskoff');
    expect(registry.find('Peskoff', 'person')).toBe(peskov);
    expect(registry.find('Oleksandr Peskov', 'person')).toBeNull();
    expect(registry.people().map((p) => p.name)).toEqual(['Volodymyr Zelensky', 'Rapid Support Forces', 'Dmitry Peskov']);
  });
});

describe('the gazetteer', () => {
  it('every word opening a form may open one, in any case', () => {
    for (const word of GAZETTEER_FORM_LENGTHS.keys()) {
      for (const written of [word, word.toUpperCase(), word.charAt(0).toUpperCase() + word.slice(1)]) {
        expect(mayOpenGazetteerForm(`x ${written} y`, 2, 2 + written.length), written).toBe(true);
      }
    }
    expect(mayOpenGazetteerForm('Hospital', 0, 8)).toBe(false);
    expect(mayOpenGazetteerForm('U.S.', 0, 4)).toBe(true);
  });
});

describe('quotation keys', () => {
  it('quoteKey keeps the letters, digits and spaces of the folded text', () => {
    fc.assert(
      fc.property(texts(['a', 'Z', '9', ' ', '.', ',', '“', '”', '’', 'é', 'ß', '٣', '𝑎', '_', '-', '\u00a0']), (text) => {
        expect(quoteKey(text)).toBe(fold(text).replace(/[^\p{L}\p{N} ]/gu, ''));
      }),
      RUNS,
    );
  });
});

describe('titles', () => {
  it('splitTitleSuffix splits as it did when it tried both dash patterns on every title', () => {
    const publication = /\b(?:insider|news|times|post|herald|monitor|review|daily|journal|today|wire|press|tribune|gazette|observer|chronicle|dispatch|courier|express|telegraph|guardian|independent|standard|mirror|record|report|digest|weekly|magazine|media|tv|radio|online|network|ledger|bulletin|insight|globe|voice|nation|pravda|vesti|kurier|zeitung|journal|post)\b/i;
    const old = (written: string): { headline: string; site: string | null; section: string | null } => {
      const text = written.replace(/^subject:\s*/i, '');
      const parts = text.split(/\s+[|\u2502]\s+/);
      if (parts.length >= 2) {
        const site = parts[parts.length - 1]!.trim();
        const section = parts.length >= 3 ? parts[parts.length - 2]!.trim() : null;
        if (wordCount(site) <= 6) return { headline: parts[0]!.trim(), site, section };
      }
      const dash = /^(.{20,}?)\s+[-–—]\s+((?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+)$/i.exec(text);
      if (dash) return { headline: dash[1]!.trim(), site: dash[2]!, section: null };
      const named = /^(.{25,}?)\s+[–—]\s+((?:\p{Lu}[\p{L}'’.&-]*\s?){1,4})$/u.exec(text);
      if (named && wordCount(named[1]!) >= 5 && publication.test(named[2]!)) return { headline: named[1]!.trim(), site: named[2]!.trim(), section: null };
      return { headline: text, site: null, section: null };
    };
    const pieces = ['Peace talks resume in Geneva after long pause', ' ', ' – ', ' — ', ' - ', '-', '–', 'site.com', 'www.news.example', 'EU Insider', 'The Times', ' | ', 'World', 'x'];
    fc.assert(
      fc.property(texts(pieces, 8), (text) => {
        expect(splitTitleSuffix(text)).toEqual(old(text));
      }),
      RUNS,
    );
  });
});

describe('dates', () => {
  it('labelledBefore answers as the label pattern does', () => {
    let yes = 0;
    fc.assert(
      fc.property(texts(['Date', 'PUBLISHED', 'posted', 'issued', 'updated', 'dated', ' ', ':', '  ', '\u00a0', 'x', 'E', 'd', '\n']), (before) => {
        const answer = labelledBefore(before);
        if (answer) yes++;
        expect(answer).toBe(/(?:date|published|posted|issued)\s*:?\s*$/i.test(before));
      }),
      RUNS,
    );
    expect(yes).toBeGreaterThan(500);
  });

  it('toIsoDate checks and formats as date-fns did, for every year it accepts', () => {
    // ---- text/dates.ts's checkedIsoDate as it was ----
    const oldToIsoDate = (year: number, month: number, day: number): string | null => {
      if (year < 1900 || year > 2100) return null;
      const parsed = parse(`${year}-${month}-${day}`, 'yyyy-M-d', new Date(2000, 0, 1));
      if (!isValid(parsed) || parsed.getDate() !== day || parsed.getMonth() + 1 !== month) return null;
      return format(parsed, 'yyyy-MM-dd');
    };
    let valid = 0;
    const differ: string[] = [];
    // the years around the ends, leap and common years; every month and day two digits can write
    const years = [1899, 1900, 1901, 1904, 1999, 2000, 2001, 2023, 2024, 2025, 2099, 2100, 2101, 0, 999, 9999];
    for (let year = 1900; year <= 2100; year += 7) years.push(year);
    for (const year of years) {
      for (let month = 0; month <= 99; month++) {
        for (let day = 0; day <= 99; day++) {
          const iso = toIsoDate(year, month, day);
          if (iso) valid++;
          if (iso !== oldToIsoDate(year, month, day)) differ.push(`${year}-${month}-${day}`);
        }
      }
    }
    expect(differ).toEqual([]);
    expect(valid).toBeGreaterThan(10_000);
  });
});

describe('messages', () => {
  it('fileMessage makes the message file.message makes, and puts Error.stackTraceLimit back', () => {
    const limit = Error.stackTraceLimit;
    const places = [undefined, { line: 3, column: 1 }];
    for (const path of [undefined, 'a.txt']) {
      for (const place of places) {
        const plain = new VFile({ value: 'x', path });
        const fast = new VFile({ value: 'x', path });
        const options = { place, ruleId: 'quote:unattributed', source: 'news-archive' };
        const a = plain.message('Quotation with no speaker: “x”', options);
        const b = fileMessage(fast, 'Quotation with no speaker: “x”', options);
        expect(Error.stackTraceLimit).toBe(limit);
        expect(b).toBeInstanceOf(a.constructor);
        expect({ ...b }).toEqual({ ...a });
        expect(b.stack).toBe(a.stack);
        expect(b.message).toBe(a.message);
        expect(fast.messages).toHaveLength(1);
        expect(fast.messages[0]).toBe(b);
      }
    }
    const failing = new VFile({ value: 'x' });
    Object.defineProperty(failing, 'message', { value: () => { throw new Error('no'); } });
    expect(() => fileMessage(failing, 'r', { ruleId: 'x' })).toThrow('no');
    expect(Error.stackTraceLimit).toBe(limit);
  });
});

describe('title repeats', () => {
  it('foldStartsWith answers as fold(text).startsWith(prefix), long ASCII texts folded only at their start', () => {
    const pieces = ['a', 'B', 'ab', 'Ab ', ' ', '  ', '\t', '\n', '.', '!', '-', 'x y', 'é', 'É', 'ß', '\u2019', '\u00a0', '\u2003'];
    const ascii = pieces.filter((piece) => /^[\x00-\x7f]*$/.test(piece));
    const of = (from: string[]) => fc.array(fc.constantFrom(...from), { maxLength: 220 }).map((parts) => parts.join(''));
    // mostly plain ASCII, the texts folded at their start only when long enough
    const long = fc.oneof({ arbitrary: of(ascii), weight: 3 }, { arbitrary: of(pieces), weight: 1 });
    fc.assert(
      fc.property(long, fc.nat(60), texts(pieces, 12), (text, cut, other) => {
        // a prefix that the fold starts with (cut from it), one near it, and one of other pieces
        const folded = fold(text);
        for (const prefix of [folded.slice(0, cut), `${folded.slice(0, cut)}a`, fold(other), '']) {
          expect(foldStartsWith(text, prefix)).toBe(folded.startsWith(prefix));
        }
      }),
      RUNS,
    );
    // the fast path taken: a long ASCII text with white space where its start is cut
    const text = `${'  Word\t '.repeat(20)}End`;
    expect(foldStartsWith(text, 'word word')).toBe(true);
    expect(foldStartsWith(text, 'word  word')).toBe(false);
    expect(foldStartsWith(text, fold(text))).toBe(true);
  });
});

describe('fewer lookups per word', () => {
  it('tokenText keeps the dot of an initial, an honorific or Jr./Sr. and drops a full stop, as the slice and its replacement did', () => {
    const old = (text: string, start: number, end: number): string => {
      let word = text.slice(start, end);
      if (word.charCodeAt(word.length - 1) === 46 && !isInitials(word) && !HONORIFICS.has(word.slice(0, -1).toLowerCase()) && !/^(?:Jr|Sr)\.$/.test(word)) word = word.replace(/\.+$/, '');
      return word;
    };
    const pieces = ['a', 'Z', 'e', 'r', 's', 'J', 'S', 'Mr', 'mrs', 'Gen', 'President', 'dame', 'lords', 'said', '.', '..', 'é', '1', "'", '’', '-', 'U', 'Jr', 'Sr', 'jr'];
    let kept = 0;
    fc.assert(
      fc.property(texts(pieces, 4), fc.constantFrom('', '.', '.', '..'), fc.constantFrom('', 'x ', 'Said '), (letters, dots, before) => {
        const word = letters + dots;
        if (word === '') return;
        const text = `${before}${word} y`;
        const answer = tokenText(text, before.length, before.length + word.length);
        if (answer === word && word.endsWith('.')) kept++;
        expect(answer).toBe(old(text, before.length, before.length + word.length));
      }),
      RUNS,
    );
    expect(kept).toBeGreaterThan(100);
    for (const honorific of HONORIFICS) expect(tokenText(`${honorific}.`, 0, honorific.length + 1)).toBe(`${honorific}.`);
    expect(tokenText('talks.', 0, 6)).toBe('talks');
  });

  it('the word before a name that may not end a role makes roleOfWords null, whatever comes before it', () => {
    const pieces = ['spokesman', 'Kremlin', 'minister', 'of', 'the', 'and', 'Russia’s', 'Foreign', 'Ministry', 'said', 'U.S.', 'chief', 'talks.', 'envoy,', '(', 'Ukraine'];
    let stopped = 0;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 9 }), (words) => {
        const last = words[words.length - 1];
        if (last === undefined || !mayEndRole(last)) {
          stopped++;
          expect(roleOfWords(words)).toBeNull();
        }
      }),
      RUNS,
    );
    expect(stopped).toBeGreaterThan(1000);
    expect(roleOfWords(['Kremlin', 'spokesman'])).toBe('Kremlin spokesman');
  });

  it('lastWord is the last of lastWords', () => {
    fc.assert(
      fc.property(texts(['a', 'Bc', ' ', '  ', '\n', '\u00a0', '\u2003', '.', ','], 12), (text) => {
        expect(lastWord(text)).toBe(lastWords(text, 1)[0] ?? null);
        expect(lastWords(text, 1)).toEqual(text.split(/\s+/).filter(Boolean).slice(-1));
      }),
      RUNS,
    );
  });

  it('an empty prefix holds neither an honorific nor a role (find-people does not read it)', () => {
    expect(HONORIFICS.has('')).toBe(false);
    expect(hasRoleNoun('')).toBe(false);
  });

  it('blockWords is wordCount of the block, asked once or again', () => {
    for (const paragraph of referenceParagraphs().slice(0, 2_000)) {
      const block: Block = { index: 0, kind: 'paragraph', text: paragraph, line: 1, role: 'body', words: undefined };
      expect(blockWords(block)).toBe(wordCount(paragraph));
      expect(blockWords(block)).toBe(countWords(paragraph));
    }
  });

  it('shortWordKey is one number per word of up to six letters, whatever its capitals', () => {
    const word = fc.array(fc.constantFrom(...'abcxyzAZ'), { minLength: 1, maxLength: 6 }).map((letters) => letters.join(''));
    fc.assert(
      fc.property(word, word, (a, b) => {
        expect(shortWordKey(a, 0, a.length) === shortWordKey(b, 0, b.length)).toBe(a.toLowerCase() === b.toLowerCase());
        expect(shortWordKey(`x ${a}`, 2, 2 + a.length)).toBe(shortWordKey(a.toLowerCase(), 0, a.length));
        expect(shortWordKey(a, 0, a.length)).toBeLessThan(2 ** 30);
      }),
      RUNS,
    );
  });
});

describe('topics', () => {
  // ---- find-topics.ts gazetteerLabels as it was ----
  const oldGazetteerLabels = (text: string): string[] => {
    const continuesWord = (code: number): boolean => isLetterOrDigit(code) || isWordJoiner(code);
    const gazetteerWord = (raw: string): string => {
      const word = raw.replace(/['’]s$/u, '');
      return word.endsWith('.') && !/^(?:\p{L}\.)+$/u.test(raw) ? word.slice(0, -1) : word;
    };
    const starts: number[] = [];
    const ends: number[] = [];
    scanRuns(text, isLetterOrDigit, continuesWord, (start, end) => {
      starts.push(start);
      ends.push(end);
    });
    const count = starts.length;
    const lowers: (string | undefined)[] = new Array<string | undefined>(count);
    const lower = (k: number): string => (lowers[k] ??= gazetteerWord(text.slice(starts[k]!, ends[k]!)).toLowerCase());
    const spaceBefore = (k: number): boolean => starts[k]! - ends[k - 1]! === 1 && text.charCodeAt(starts[k]! - 1) === 32;
    const labels: string[] = [];
    for (let i = 0; i < count; i++) {
      if (!/^\p{Lu}/u.test(text.slice(starts[i]!, starts[i]! + 2))) continue;
      if (!mayOpenGazetteerForm(text, starts[i]!, ends[i]!)) continue;
      const lengths = GAZETTEER_FORM_LENGTHS.get(lower(i));
      if (!lengths) continue;
      for (let n = Math.min(4, count - i); n >= 1; n--) {
        if (!lengths.has(n) || (n > 1 && !spaceBefore(i + n - 1))) continue;
        let key = lower(i);
        for (let k = i + 1; k < i + n; k++) key += ' ' + lower(k);
        const entry = GAZETTEER.get(key);
        if (entry) {
          labels.push(entry.label);
          i += n - 1;
          break;
        }
      }
    }
    return labels;
  };

  it('gazetteerLabels finds the labels that reading every word found', () => {
    const pieces = [
      'New', 'new', 'York', 'Zealand', 'United', 'Arab', 'Emirates', 'States', 'Kingdom', 'South', 'Korea', 'Korean', 'North', 'Ukraine', 'Kyiv', 'Russia’s', "Russia's",
      'U.S.', 'U.S', 'UK', 'EU', 'Downing', 'Street', 'White', 'House', 'the', 'The', 'x', 'Z', '9', ' ', ' ', ' ', '  ', '\n', '-', '.', "'", '’', ',', 'é', 'É', 'Éire', 'Ωmega', '𝐀', '\u0301', 'iPhone', 'McDonald', 'Saudi', 'Arabia',
    ];
    let found = 0;
    fc.assert(
      fc.property(texts(pieces, 14), (text) => {
        const labels = gazetteerLabels(text);
        if (labels.length > 0) found++;
        expect(labels).toEqual(oldGazetteerLabels(text));
      }),
      { numRuns: 20_000, seed: 11 },
    );
    expect(found).toBeGreaterThan(1_000);
    for (const paragraph of referenceParagraphs()) expect(gazetteerLabels(paragraph)).toEqual(oldGazetteerLabels(paragraph));
  });
});

describe('marks and spaces read by character', () => {
  it('endsWithMark is /[.!?:;"“”]$/', () => {
    fc.assert(
      fc.property(texts(['a', '.', '!', '?', ':', ';', '"', '“', '”', '’', ' ', '\n', ',', 'é', '🙂'], 6), (text) => {
        expect(endsWithMark(text)).toBe(/[.!?:;"“”]$/.test(text));
      }),
      RUNS,
    );
  });

  it('squashSpaces is the replacement of each run of white space by one space, the text itself when there is none to replace', () => {
    const pieces = ['a', 'B', ' ', ' ', '  ', '\t', '\n', '\r', '\u00a0', '\u2003', '\u2028', '\ufeff', '\u200b', '.', 'é', '🙂'];
    let same = 0;
    fc.assert(
      fc.property(texts(pieces, 20), (text) => {
        const squashed = squashSpaces(text);
        if (squashed === text) same++;
        expect(squashed).toBe(text.replace(/\s+/g, ' '));
      }),
      RUNS,
    );
    expect(same).toBeGreaterThan(100);
  });

  it('a text with carriage returns is extracted as the same text with line feeds', () => {
    const text = 'Talks resume\r\n\r\nKYIV, March 3 (Reuters) - Ukraine and Russia met again, officials said.\r\rThe minister said: “We will go on.”\r\n';
    expect(extractArticle(text)).toEqual(extractArticle(text.replace(/\r\n?/g, '\n')));
  });
});

describe('sentences', () => {
  it('endsAbbreviation answers as the pattern of the word before the full stop did', () => {
    const old = (mask: string, from: number, dot: number): boolean => {
      const before = mask.slice(from, dot);
      const word = /([\p{L}.]+)$/u.exec(before)?.[1] ?? '';
      const bare = word.toLowerCase().replace(/^\.+/, '');
      return ABBREVIATIONS.has(bare) || /^\p{Lu}$/u.test(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word);
    };
    const pieces = ['Mr', 'mr', 'U', '.', 'S', 'u.s', 'approx', 'approxi', 'Jan', 'a', 'Z', 'É', '𝑎', '𝐀', '\ud835', '\udc00', ' ', '1', 'words', 'e.g', 'St', 'x'];
    let yes = 0;
    fc.assert(
      fc.property(texts(pieces, 8), fc.nat(14), (word, cut) => {
        const mask = `${word}. Next`;
        const dot = word.length;
        const from = Math.max(0, dot - cut);
        const answer = endsAbbreviation(mask, from, dot);
        if (answer) yes++;
        expect(answer).toBe(old(mask, from, dot));
      }),
      RUNS,
    );
    expect(yes).toBeGreaterThan(300);
    expect(splitSentences('Mr. Smith came. He said no.').map((s) => s.text)).toEqual(['Mr. Smith came.', 'He said no.']);
  });
});

describe('people', () => {
  it('endsSentence is /[.!?]["”’)]?$/', () => {
    fc.assert(
      fc.property(texts(['a', '.', '!', '?', '"', '”', '’', ')', ' ', "'", '…', 'é'], 5), (text) => {
        expect(endsSentence(text)).toBe(/[.!?]["”’)]?$/.test(text));
      }),
      RUNS,
    );
    expect(isTitleCase('Russia Signals Shift On Grain Deal Talks')).toBe(true);
    expect(isTitleCase('Russia Signals Shift On Grain Deal Talks.')).toBe(false);
  });
});

describe('extract6: fewer patterns per sentence', () => {
  it('endsAfterPreposition is PREPOSITION_BEFORE tried on the slice', () => {
    const pieces = [' ', '  ', '\u00a0', '\n', 'to', 'To', 'TOWARDS', 'towards', 'a', 'an', 'An', 'the', 'THE', 'like', 'li\u212ae', 'a\u017f', 'again\u017ft', 'including', 'includings', 'x', 'é', '3', '(', ',', '.', 'Peskov', '\ud835\udc00', '\u0301', 'of'];
    let yes = 0;
    fc.assert(
      fc.property(texts(pieces, 8), fc.constantFrom(...pieces), fc.nat(), fc.nat(), (start, last, a, b) => {
        const text = `${start}${last} `;
        const from = a % 3 === 0 ? 0 : a % (text.length + 1);
        const end = b % 2 === 0 ? text.length : from + (b % (text.length - from + 1));
        const answer = endsAfterPreposition(text, from, end);
        if (answer) yes++;
        expect(answer).toBe(PREPOSITION_BEFORE.test(text.slice(from, end)));
      }),
      { numRuns: 20_000, seed: 6 },
    );
    expect(yes).toBeGreaterThan(800);
  });
});

describe('extract6: strings of their own', () => {
  it('ownCopy is the same text, short or long, sliced or joined, lone surrogates kept', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), fc.nat(), (text, cut) => {
        const slice = text.slice(cut % (text.length + 1));
        expect(ownCopy(text)).toBe(text);
        expect(ownCopy(slice)).toBe(slice);
        expect(ownCopy(`${text}${slice}`)).toBe(text + slice);
      }),
      RUNS,
    );
  });

  it('maskQuotes joins the pieces the concatenation made', () => {
    const old = (text: string, spans: QuoteSpan[]): string => {
      let masked = '';
      let at = 0;
      for (const span of spans) {
        const inner = span.close - span.open - 1;
        const stop = /[.!?]/.test(text[span.close - 1] ?? '') && span.closed ? 1 : 0;
        masked += text.slice(at, span.open + 1) + 'x'.repeat(Math.max(0, inner - stop)) + (stop ? text[span.close - 1]! : '');
        at = span.close;
      }
      return masked + text.slice(at);
    };
    let masked = 0;
    fc.assert(
      fc.property(texts(['“', '”', '"', ' ', 'Peskov', 'said', '.', '!', ',', 'x', '‘', '’', "'"], 24), (text) => {
        const spans = findQuoteSpans(text);
        if (spans.length > 0) masked++;
        expect(maskQuotes(text, spans)).toBe(old(text, spans));
      }),
      RUNS,
    );
    expect(masked).toBeGreaterThan(1_000);
  });
});

describe('extract6: mentions kept on the block', () => {
  it('blockMentions is findMentions of the block text, read once and kept', () => {
    let blocks = 0;
    for (const text of referenceParagraphs().slice(0, 3_000)) {
      const block: Block = { index: 0, kind: 'paragraph', text, line: 1, role: 'body', words: undefined, mentions: undefined };
      const mentions = blockMentions(block);
      expect(mentions).toEqual(findMentions(text));
      expect(blockMentions(block)).toBe(mentions);
      blocks++;
    }
    expect(blocks).toBeGreaterThan(1_000);
  });
});

describe('extract6: an apposition after a name', () => {
  it('the apposition pattern roleAfter tried matches only where a comma follows the name', () => {
    const APPOSITION = /^,\s*((?:the\s+|a\s+)?[^,;:.“”"()]{3,80}?)(?:,|\.|;|$)/u;
    let matched = 0;
    for (const text of referenceParagraphs().slice(0, 3_000)) {
      for (const mention of readMentions(text)) {
        const m = APPOSITION.exec(text.slice(mention.end, mention.end + 160));
        if (m) matched++;
        if (text.charCodeAt(mention.end) !== 44) expect(m).toBeNull();
      }
    }
    expect(matched).toBeGreaterThan(20);
  });
});
