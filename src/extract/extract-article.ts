import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import './data.js';
import remarkFindDate from './plugins/find-date.js';
import remarkFindPeople from './plugins/find-people.js';
import remarkFindQuotes from './plugins/find-quotes.js';
import remarkFindSource from './plugins/find-source.js';
import remarkFindTitle from './plugins/find-title.js';
import remarkFindTopics from './plugins/find-topics.js';
import remarkScanBlocksFirst from './plugins/scan-blocks-first.js';
import remarkSplitBlocks from './plugins/split-blocks.js';
import remarkStripBoilerplate from './plugins/strip-boilerplate.js';
import remarkWriteBody from './plugins/write-body.js';
import type { ExtractedArticle, ExtractMessage } from './types.js';

export { EXTRACTOR_VERSION } from './version.js';

/**
 * The extractor's first plugins: the parse, its blocks, and the fields found before the people (date, title,
 * source). The tests of later plugins run these to get the blocks as those plugins get them.
 */
export const beforePeople = unified()
  .use(remarkParse)
  .use(remarkScanBlocksFirst)
  .use(remarkSplitBlocks)
  .use(remarkStripBoilerplate)
  .use(remarkFindDate)
  .use(remarkFindTitle)
  .use(remarkFindSource)
  .freeze();

/**
 * The extractor: remark-parse (a line scanner first, where the text's lines can only be paragraphs and
 * headings), then one plugin per field, each filling its part of `file.data.article`.
 */
const processor = beforePeople()
  .use(remarkFindPeople)
  .use(remarkFindQuotes)
  .use(remarkFindTopics)
  .use(remarkWriteBody)
  .freeze();

/** A record with nothing found yet: what each plugin starts from. */
export function emptyArticle(): ExtractedArticle {
  return {
    title: '',
    titleFromLead: false,
    date: null,
    source: null,
    byline: null,
    dateline: null,
    people: [],
    speakers: [],
    quotes: [],
    topics: [],
    body: '',
    messages: [],
  };
}

/** Turns one article's plain text (front matter already removed) into its record. */
export function extractArticle(text: string): ExtractedArticle {
  // (a text without a carriage return, as most are, is not read by the pattern)
  const file = new VFile({ value: text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text });
  file.data.article = emptyArticle();
  const tree = processor.parse(file);
  processor.runSync(tree, file);
  const article = file.data.article;
  article.messages = file.messages.map(
    (m): ExtractMessage => ({
      severity: m.fatal === true ? 'warning' : m.fatal === false ? 'warning' : 'info',
      ruleId: `${m.ruleId ?? 'extract'}`,
      reason: m.reason,
      line: m.line ?? null,
    }),
  );
  return article;
}
