import { mix32, Prng } from './prng.js';
import * as V from './vocabulary.js';

/** A named person who can be quoted. */
export interface Speaker {
  name: string;
  surname: string;
  role: string;
  pronoun: 'he' | 'she';
}

/** What every article of one synthetic archive draws from. */
export interface ArchivePools {
  speakers: Speaker[];
  topics: string[];
}

/** One generated article: the raw text news-archive gets, and what the Markdown post for the baseline needs. */
export interface SyntheticArticle {
  /** File name in the content folder. */
  file: string;
  /** Raw text in the style of `content/`: headline, date line, byline, boilerplate, body with quotes. */
  text: string;
  title: string;
  /** `YYYY-MM-DD`. */
  date: string;
  /** Three topic labels. */
  topics: string[];
  /** The article's paragraphs (no headline, date, byline or boilerplate), blank-line separated. */
  body: string;
  /** Canonical names of everyone quoted, in order of first quote. */
  speakers: string[];
  quotes: number;
  words: number;
}

export const SPEAKER_COUNT = 2000;
export const TOPIC_COUNT = 300;
const FIRST_DAY = Date.UTC(2005, 0, 1);
const DAYS = 20 * 365;

/** The pools of one archive: 2,000 speakers with roles and 300 topics, fixed by `seed`. */
export function makePools(seed: number): ArchivePools {
  const rng = new Prng(mix32(seed ^ 0x5eed));
  const speakers: Speaker[] = [];
  const names = new Set<string>();
  // Every first name × surname pair, in a seeded order, until the pool is full.
  const pairs: Array<[string, string]> = [];
  for (const first of V.FIRST_NAMES) for (const last of V.SURNAMES) pairs.push([first, last]);
  for (let i = pairs.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [pairs[i], pairs[j]] = [pairs[j]!, pairs[i]!];
  }
  for (const [first, last] of pairs) {
    if (speakers.length >= SPEAKER_COUNT) break;
    const name = `${first} ${last}`;
    if (names.has(name)) continue;
    names.add(name);
    const role = rng
      .pick(V.ROLES)
      .replace('{country}', rng.pick(V.COUNTRIES))
      .replace('{org}', rng.pick(V.ORGANISATIONS))
      .replace('{city}', rng.pick(V.CITIES))
      .replace('{field}', rng.pick(V.FIELDS));
    speakers.push({ name, surname: last, role, pronoun: rng.chance(0.5) ? 'he' : 'she' });
  }
  const topics: string[] = [];
  for (const domain of V.TOPIC_DOMAINS) for (const facet of V.TOPIC_FACETS) topics.push(`${domain} ${facet}`);
  return { speakers, topics: topics.slice(0, TOPIC_COUNT) };
}

/** Article number `index` of the archive `seed`: the same on every run, independent of the other articles. */
export function generateArticle(pools: ArchivePools, seed: number, index: number): SyntheticArticle {
  const rng = Prng.forItem(seed, index);
  const day = new Date(FIRST_DAY + rng.int(0, DAYS - 1) * 86_400_000);
  const hour = rng.int(0, 23);
  const minute = rng.int(0, 59);
  const topics = rng.sample(pools.topics, 3);
  const quoteCount = rng.int(3, 12);
  const cast = rng.sample(pools.speakers, rng.int(2, Math.min(5, quoteCount)));
  const lead = cast[0]!;
  const headline = capitalise(
    `${rng.chance(0.5) ? lead.surname : capitalise(lead.role)} ${rng.pick(V.HEADLINE_VERBS)} ${topics[0]!.toLowerCase()} ${rng.pick(V.HEADLINE_TAILS)}`.trim(),
  );

  // The body: quote paragraphs among plain ones, until about 600 words.
  const paragraphs: string[] = [];
  const mentioned = new Set<string>();
  const quoted: string[] = [];
  const target = rng.int(520, 680);
  let words = 0;
  let quotesLeft = quoteCount;
  let previous: Speaker | null = null;
  paragraphs.push(fillerParagraph(rng, topics, 2));
  while (quotesLeft > 0 || words < target) {
    const remainingWords = Math.max(0, target - words);
    const wantQuote = quotesLeft > 0 && (words >= target || rng.chance(Math.min(0.9, (quotesLeft * 45) / Math.max(45, remainingWords))));
    if (wantQuote) {
      const speaker: Speaker = previous !== null && rng.chance(0.3) ? previous : rng.pick(cast);
      paragraphs.push(quoteParagraph(rng, speaker, mentioned, previous === speaker));
      if (!quoted.includes(speaker.name)) quoted.push(speaker.name);
      previous = speaker;
      quotesLeft -= 1;
    } else {
      paragraphs.push(fillerParagraph(rng, topics, rng.int(2, 4)));
      previous = null;
    }
    words = paragraphs.reduce((n, p) => n + countWords(p), 0);
  }
  const body = paragraphs.join('\n\n');
  const text = [...header(rng, headline, day, hour, minute, lead), body, footer(rng, topics, day, pools)].join('\n\n').concat('\n');
  const date = day.toISOString().slice(0, 10);
  const file = `${String(index).padStart(6, '0')}_${mix32(mix32(seed) ^ index).toString(16).padStart(8, '0')}.txt`;
  return { file, text, title: headline, date, topics, body, speakers: quoted, quotes: quoteCount, words: countWords(body) };
}

/** The same article as a Markdown post for the stock Eleventy site: title, date and its 3 topics as tags. */
export function toMarkdownPost(article: SyntheticArticle): string {
  const tags = article.topics.map((t) => `  - ${JSON.stringify(t)}`).join('\n');
  return `---\ntitle: ${JSON.stringify(article.title)}\ndate: ${article.date}\ntags:\n${tags}\n---\n\n${article.body}\n`;
}

function header(rng: Prng, headline: string, day: Date, hour: number, minute: number, lead: Speaker): string[] {
  const y = day.getUTCFullYear();
  const m = day.getUTCMonth();
  const d = day.getUTCDate();
  const month = V.MONTHS[m]!;
  const weekday = V.WEEKDAYS[(day.getUTCDay() + 6) % 7]!;
  const author = `${rng.pick(V.FIRST_NAMES)} ${rng.pick(V.SURNAMES)}`;
  const outlet = rng.pick(V.OUTLETS);
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  const two = (n: number): string => String(n).padStart(2, '0');
  switch (rng.int(0, 4)) {
    case 0:
      return [
        'Skip to content',
        headline,
        `${headline} ${capitalise(lead.role)} ${lead.name} speaks to reporters in ${rng.pick(V.CITIES)} (${outlet} Photo)\nBy ${rng.chance(0.5) ? 'Newsroom' : author}\n${month.slice(0, 3)} ${d}, ${y} ${h12}:${two(minute)} ${hour < 12 ? 'AM' : 'PM'}`,
      ];
    case 1:
      return [headline, `${y}-${two(m + 1)}-${two(d)} ${two(hour)}:${two(minute)}:${two(rng.int(0, 59))}`, `${rng.pick(V.CITIES)} (agencies)`];
    case 2:
      return [`${headline} | ${rng.pick(V.TOPIC_DOMAINS)} | ${outlet.toLowerCase().replace(/[^a-z]+/g, '-')}.example.com`, headline, `Published ${weekday}, ${d} ${month} ${y}`];
    case 3:
      return [`${headline}\nBy ${author}, ${outlet}\n${month} ${d}, ${y}`];
    default:
      return [`${headline}\n${two(d)}/${two(m + 1)}/${y}`];
  }
}

function footer(rng: Prng, topics: string[], day: Date, pools: ArchivePools): string {
  const related = (): string => `${capitalise(rng.pick(pools.speakers).surname)} ${rng.pick(V.HEADLINE_VERBS)} ${rng.pick(pools.topics).toLowerCase()}`;
  switch (rng.int(0, 4)) {
    case 0:
      return `Related posts\n\n${related()}\n\n${related()}\n\n${related()}\n\nThis website uses cookies to improve your experience. We'll assume you're ok with this, but you can opt-out if you wish. Accept Read More`;
    case 1:
      return `Related Articles:  ${related()}\n\n${topics.map((t) => `#${t.replace(/\s+/g, '')}`).join(' ')}\n\nLeave a Comment\n\nThis site uses Akismet to reduce spam. Learn how your comment data is processed.`;
    case 2:
      return `Last Updated:  ${V.MONTHS[day.getUTCMonth()]!.slice(0, 3)} ${day.getUTCDate()}, ${day.getUTCFullYear()} ${rng.int(1, 12)}:${String(rng.int(0, 59)).padStart(2, '0')} PM`;
    case 3:
      return 'Share this article\n\nFacebook Twitter Email\n\nSign up for our newsletter';
    default:
      return `Topics: ${topics.join(', ')}`;
  }
}

function fillerParagraph(rng: Prng, topics: string[], sentences: number): string {
  const out: string[] = [];
  for (let s = 0; s < sentences; s++) {
    const object = rng.chance(0.35) ? `${rng.pick(topics).toLowerCase()}` : rng.pick(V.OBJECTS);
    let sentence = `${rng.pick(V.SUBJECTS)} ${rng.pick(V.VERB_PHRASES)} ${object} ${rng.pick(V.ADVERBIALS)}`;
    if (rng.chance(0.3)) sentence += `, with costs up ${rng.int(2, 40)} percent in ${rng.pick(V.CITIES)}`;
    if (rng.chance(0.25)) sentence += ` and a decision expected by ${rng.pick(V.MONTHS)}`;
    out.push(`${sentence}.`);
  }
  return out.join(' ');
}

function quoteWords(rng: Prng): string {
  let words = `${rng.pick(V.QUOTE_OPENERS)} ${rng.pick(V.QUOTE_CLAUSES)}`;
  if (rng.chance(0.5)) words += ` ${rng.pick(V.QUOTE_TAILS)}`;
  if (rng.chance(0.35)) words += `. ${rng.pick(V.QUOTE_OPENERS)} ${rng.pick(V.QUOTE_CLAUSES)}`;
  return words;
}

/** One quote in one of the forms news copy uses; the first mention of a speaker gives the full name and role. */
function quoteParagraph(rng: Prng, speaker: Speaker, mentioned: Set<string>, continuing: boolean): string {
  const words = quoteWords(rng);
  const first = !mentioned.has(speaker.name);
  mentioned.add(speaker.name);
  const verb = rng.pick(V.SPEECH_VERBS);
  if (continuing && !first && rng.chance(0.6)) return `“${words},” ${speaker.pronoun} ${verb}.`;
  // First mention: "Name, role," or "Role Name"; later the surname alone.
  const withComma = first && rng.chance(0.5);
  const who = first ? (withComma ? `${speaker.name}, ${speaker.role},` : `${capitalise(speaker.role)} ${speaker.name}`) : speaker.surname;
  const bare = withComma ? `${speaker.name}, ${speaker.role}` : who;
  switch (rng.int(0, 4)) {
    case 0:
      return `“${words},” ${who} ${verb}.`;
    case 1:
      return `${who} ${verb}, “${words}.”`;
    case 2:
      return `${words}\n\n${capitalise(speaker.role)} ${speaker.name}`;
    case 3:
      return `"${words}," ${who} ${verb} ${rng.pick(V.ADVERBIALS)}.`;
    default:
      return `According to ${bare}, “${words}.”`;
  }
}

function countWords(text: string): number {
  let n = 0;
  for (const part of text.split(/\s+/)) if (part !== '') n += 1;
  return n;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
