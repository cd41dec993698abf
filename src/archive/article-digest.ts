import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sha256Hex } from '../cache/digest.js';
import type { FrontMatter } from '../load/types.js';
import { articleRef, type ArticleRef } from './article-ref.js';
import { bodyDigest } from './body-store.js';
import type { ArticleRecord } from './types.js';

const digests = new WeakMap<ArticleRecord, string>();

/** What each record was made from, when known (`noteArticleSource`): see `articleDigest`. */
const sources = new WeakMap<ArticleRecord, string>();

/**
 * A digest of everything in an article's record. Taken once per record and remembered; the render stage (page
 * digests), records.json, the feeds and the search index's shard digests all use it. Two ways, the same record always
 * taking the same one:
 *
 * - A record whose source is noted (`noteArticleSource`: every record of a build, with a cache or without): the
 *   source (the cache key, which stands for the text and the extractor's version, the front matter and where the text
 *   starts in its file), the code that makes a record of them (`recordCodeDigest`), and the fields the archive joins
 *   across articles: `id`, `url`, `file`, `speakers`, `topics`, and each quote's id and speaker. The other fields
 *   (title, date, source, byline, dateline, body, messages, each quote's text and cue) are the extractor's result with
 *   the front matter applied, which the source stands for: neither hashed nor serialised again.
 * - Any other record (made outside a build): each field as JSON, the body by its own digest (`bodyDigest`).
 *
 * A build's digests are therefore the same whether or not it used the cache: the files that keep them (pages, feeds,
 * records.json, search shards) are a fresh build's, byte for byte.
 */
export function articleDigest(article: ArticleRecord): string {
  let digest = digests.get(article);
  if (digest === undefined) {
    const source = sources.get(article);
    digest = sha256Hex(source === undefined ? wholeRecordText(article) : joinedText(article, source)).slice(0, 32);
    digests.set(article, digest);
  }
  return digest;
}

/**
 * Every field (read only once: the body may be a getter) as JSON, the body by its digest. One string hashed at once:
 * the same bytes as an update per part, without some fifty calls into the hash per record.
 */
function wholeRecordText(article: ArticleRecord): string {
  let text = '';
  for (const key of Object.keys(article) as Array<keyof ArticleRecord>) {
    text += `${key}\0${key === 'body' ? bodyDigest(article) : JSON.stringify(article[key])}\0`;
  }
  return text;
}

/**
 * The source, the code, and what the archive made of it (see `articleDigest`): its id, URL, file, speakers and topics
 * as one JSON text, then each quote's id, speaker and speaker id on a line of its own (`quoteField`), without an array
 * made per quote to serialise (some 150,000 at 20,000 articles).
 */
function joinedText(article: ArticleRecord, source: string): string {
  let text = `joined\0${recordCodeDigest()}\0${source}\0${JSON.stringify([article.id, article.url, article.file, article.speakers, article.topics])}`;
  for (const q of article.quotes) text += `\n${quoteField(q.id)}\u0001${quoteField(q.speaker)}\u0001${quoteField(q.speakerId)}`;
  return text;
}

/** A quote's field on its digest line: as it is, or as JSON when null or when it holds a control character (a separator). */
function quoteField(value: string | null): string {
  return value === null || CONTROL.test(value) ? `\u0002${JSON.stringify(value)}` : value;
}

const CONTROL = /[\u0000-\u001f]/;

/**
 * An article another page shows (a speaker's, a topic's, a quotes month's), by its ref (`articleRef`): its record's
 * digest, or the ref's own JSON for one that is not among `articles`. The table is made on the first call.
 */
export function refDigests(articles: readonly ArticleRecord[]): (ref: ArticleRef) => string {
  let byRef: Map<ArticleRef, string> | null = null;
  return (ref) => {
    if (byRef === null) {
      byRef = new Map();
      for (const article of articles) byRef.set(articleRef(article), articleDigest(article));
    }
    return byRef.get(ref) ?? JSON.stringify(ref);
  };
}

/**
 * What an article's record is made from besides the other articles: its text's cache key (`contentDigest(text,
 * extractCacheVersion())`: the text and the extractor's version), its front matter and the line its text starts at.
 */
export function articleSource(cacheKey: string, frontMatter: FrontMatter, lineOffset: number): string {
  return `${cacheKey}\0${JSON.stringify(frontMatter)}\0${lineOffset}`;
}

/** Notes what `article` was made from (`articleSource`), for `articleDigest`; before its digest is first taken. */
export function noteArticleSource(article: ArticleRecord, source: string): void {
  sources.set(article, source);
}

/** The modules that make a record from an extracted article and its front matter, beside this folder (`src/archive/`, all of it). */
const RECORD_MODULES = ['../build/apply-front-matter', '../build/load-and-extract'];

let codeDigest: string | null = null;

/**
 * A digest of the code that makes a record from its source (every module of `src/archive/`, `apply-front-matter`,
 * `load-and-extract`; `.js` in `dist/`, `.ts` as source): a record whose digest is taken from its source is digested
 * anew whenever that code changes. Read once per process.
 */
export function recordCodeDigest(): string {
  if (codeDigest !== null) return codeDigest;
  const extension = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  let text = '';
  const here = fileURLToPath(new URL('./', import.meta.url));
  const files = readdirSync(here)
    .filter((name) => name.endsWith(extension))
    .sort()
    .map((name) => new URL(`./${name}`, import.meta.url));
  for (const module of RECORD_MODULES) files.push(new URL(`${module}${extension}`, import.meta.url));
  for (const file of files) text += `${file.pathname.slice(file.pathname.lastIndexOf('/') + 1)}\0${sha256Hex(readFileSync(fileURLToPath(file)))}\0`;
  codeDigest = sha256Hex(text);
  return codeDigest;
}
