import type { Nodes, Root } from 'mdast';
/** Prefix the sanitizer (remark-html's default schema) puts before every id in a body. */
export const BODY_ID_PREFIX = 'user-content-';

/**
 * A fast path for remark-html (mdast → hast → sanitized hast → HTML) over the trees most bodies give:
 * paragraphs, headings and block quotes of text, with the quotes `markQuotes` marks (`<q id>` then
 * `<sup>` holding the speaker's link or "unattributed"). Returns the very string remark-html would
 * (same line breaks, same character references, ids prefixed as the sanitizer does), or null for a tree
 * with anything else in it, or with a value whose handling by remark-html this does not copy
 * (line breaks other than `\n`, spaces or tabs at a line's ends, an id or URL with characters outside
 * a plain set): the caller then compiles it with remark-html. `tests/render-body.test.ts` checks both
 * give the same HTML.
 */
export function plainHtml(tree: Root): string | null {
  const parts: string[] = [];
  const children = tree.children;
  for (let i = 0; i < children.length; i += 1) {
    if (i > 0) parts.push('\n');
    if (!block(children[i]!, parts)) return null;
  }
  // remark-html adds a final line break to a root that renders to anything.
  if (parts.length > 0) parts.push('\n');
  return parts.join('');
}

/** An id the sanitizer keeps as it is (but for its prefix) and the serializer writes unescaped. */
const PLAIN_ID = /^[A-Za-z0-9_.:-]+$/;
/** A site path that mdast-util-to-hast's URL normalisation and the sanitizer's protocol check leave as it is. */
const PLAIN_PATH = /^\/[A-Za-z0-9_.~/-]*$/;
/**
 * Text remark-html changes other than by escaping `<` and `&` (trim-lines, line endings): `/\r|[ \t]\n|\n[ \t]/`
 * read around each line break, not tried at every character of the text.
 */
function trimmedByRemark(text: string): boolean {
  if (text.includes('\r')) return true;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    const before = text.charCodeAt(i - 1);
    const after = text.charCodeAt(i + 1);
    if (before === 32 || before === 9 || after === 32 || after === 9) return true;
  }
  return false;
}

function block(node: Nodes, parts: string[]): boolean {
  switch (node.type) {
    case 'paragraph':
      parts.push('<p>');
      if (!phrasing(node.children, parts)) return false;
      parts.push('</p>');
      return true;
    case 'heading':
      parts.push(`<h${node.depth}>`);
      if (!phrasing(node.children, parts)) return false;
      parts.push(`</h${node.depth}>`);
      return true;
    case 'blockquote':
      parts.push('<blockquote>\n');
      for (const child of node.children) {
        if (!block(child, parts)) return false;
        parts.push('\n');
      }
      parts.push('</blockquote>');
      return true;
    default:
      return false;
  }
}

function phrasing(nodes: readonly Nodes[], parts: string[]): boolean {
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        if (trimmedByRemark(node.value)) return false;
        parts.push(escapeText(node.value));
        break;
      case 'emphasis': {
        // Only the two elements `markQuotes` makes of an emphasis node.
        const data = node.data as { hName?: unknown; hProperties?: Record<string, unknown> } | undefined;
        if (data === undefined) return false;
        const props = data.hProperties;
        if (data.hName === 'q' && props !== undefined && Object.keys(props).length === 1 && typeof props['id'] === 'string' && PLAIN_ID.test(props['id'])) {
          parts.push(`<q id="${BODY_ID_PREFIX}${props['id']}">`);
          if (!phrasing(node.children, parts)) return false;
          parts.push('</q>');
        } else if (data.hName === 'sup' && props === undefined) {
          parts.push('<sup>');
          if (!phrasing(node.children, parts)) return false;
          parts.push('</sup>');
        } else return false;
        if (Object.keys(data).length !== (props === undefined ? 1 : 2)) return false;
        break;
      }
      case 'link':
        if (node.title !== null && node.title !== undefined) return false;
        if (node.data !== undefined || !PLAIN_PATH.test(node.url)) return false;
        parts.push(`<a href="${node.url}">`);
        if (!phrasing(node.children, parts)) return false;
        parts.push('</a>');
        break;
      default:
        return false;
    }
  }
  return true;
}

/** Text as hast-util-to-html writes it: `<` and `&` as hexadecimal character references, nothing else. */
function escapeText(value: string): string {
  if (value.indexOf('<') < 0 && value.indexOf('&') < 0) return value;
  return value.replace(/[<&]/g, (c) => (c === '<' ? '&#x3C;' : '&#x26;'));
}
