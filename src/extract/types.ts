/** What the extractor finds in one article's text. Declared once; every plugin fills its own part. */

export type MessageSeverity = 'warning' | 'info';

/** A doubt the extractor could not settle (no date, no source, a quote with no speaker). */
export interface ExtractMessage {
  severity: MessageSeverity;
  /** Stable id of the rule that raised it, e.g. `date:missing`. */
  ruleId: string;
  reason: string;
  /** 1-based line in the article's text (after front matter), when there is one. */
  line: number | null;
}

/** Someone (a person or an organisation) named in the article. */
export interface Person {
  /** Canonical name: the fullest spelling the article gives. */
  name: string;
  /** The role the text gives, e.g. "Kremlin spokesman"; null when none. */
  role: string | null;
  /** Other spellings used in this article (surname alone, a variant transliteration). */
  aliases: string[];
}

export interface ExtractedQuote {
  /** The quoted words exactly as in the article, without the quotation marks. */
  text: string;
  /** Canonical name of the speaker, or null when unattributed. */
  speaker: string | null;
  /** How the speaker was found: the verb ("said", "added"), "attribution line", "continuation"…; null when unattributed. */
  cue: string | null;
  /** 1-based line of the quote in the article's text. */
  line: number | null;
}

export interface ExtractedArticle {
  title: string;
  /** True when the text had no headline and the title was drawn from the lead. */
  titleFromLead: boolean;
  /** Publication date as `YYYY-MM-DD`, or null when the text states none. */
  date: string | null;
  /** Publisher or wire the text names, or null. */
  source: string | null;
  byline: string | null;
  dateline: string | null;
  /** Everyone named, quoted or not. */
  people: Person[];
  /** Canonical names of those whose own words are quoted (each also in `people`). */
  speakers: string[];
  quotes: ExtractedQuote[];
  /** Topic labels, most important first. */
  topics: string[];
  /** The cleaned article as Markdown: boilerplate gone, subheadings as `##` headings. */
  body: string;
  messages: ExtractMessage[];
}
