import type { Root } from 'mdast';
import remarkHtml from 'remark-html';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { markQuotes, type QuoteMark } from './mark-quotes.js';
import { BODY_ID_PREFIX, plainHtml } from './plain-html.js';
import { parsePlainMarkdown } from './plain-markdown.js';
import { tidyBody } from './tidy-body.js';

export { BODY_ID_PREFIX };

const processor = unified().use(remarkParse).use(remarkHtml).freeze();

export interface RenderedBody {
  html: string;
  /** Ids of the quotes found and marked in the body (before the sanitizer's prefix). */
  marked: Set<string>;
}

/**
 * Markdown → HTML: parsed by remark-parse (or, for plain paragraphs and headings, by the equivalent
 * fast path of `plain-markdown.ts`), compiled by remark-html (sanitized by its default schema: no raw HTML, no scripts,
 * no `javascript:` URLs), each quote marked up by `markQuotes` on the way. A tree of the fast path is written by
 * `plainHtml` when it can (the same HTML, without remark-html's three passes over it).
 */
export function renderBody(markdown: string, marks: readonly QuoteMark[]): RenderedBody {
  const plain = parsePlainMarkdown(markdown);
  const tree = plain ?? (processor.parse(markdown) as Root);
  tidyBody(tree);
  const marked = markQuotes(tree, marks);
  const html = (plain && plainHtml(tree)) ?? String(processor.stringify(processor.runSync(tree) as Root));
  return { html, marked };
}

/** A tree compiled by remark-html alone, as `renderBody` does for bodies off the fast path (for tests). */
export function remarkHtmlOf(tree: Root): string {
  return String(processor.stringify(processor.runSync(tree) as Root));
}
