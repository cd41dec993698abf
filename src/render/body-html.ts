import type { Root } from 'mdast';
import remarkHtml from 'remark-html';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { markQuotes, type QuoteMark } from './mark-quotes.js';
import { parsePlainMarkdown } from './plain-markdown.js';
import { tidyBody } from './tidy-body.js';

/** Prefix the sanitizer (remark-html's default schema) puts before every id in a body. */
export const BODY_ID_PREFIX = 'user-content-';

const processor = unified().use(remarkParse).use(remarkHtml).freeze();

export interface RenderedBody {
  html: string;
  /** Ids of the quotes found and marked in the body (before the sanitizer's prefix). */
  marked: Set<string>;
}

/**
 * Markdown → HTML: parsed by remark-parse (or, for plain paragraphs and headings, by the equivalent
 * fast path of `plain-markdown.ts`), compiled by remark-html (sanitized by its default schema: no raw HTML, no scripts,
 * no `javascript:` URLs), each quote marked up by `markQuotes` on the way.
 */
export function renderBody(markdown: string, marks: readonly QuoteMark[]): RenderedBody {
  const tree = parsePlainMarkdown(markdown) ?? (processor.parse(markdown) as Root);
  tidyBody(tree);
  const marked = markQuotes(tree, marks);
  const html = processor.stringify(processor.runSync(tree) as Root);
  return { html: String(html), marked };
}
