import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { NewsArchiveError } from '../report/errors.js';
import { pathOfOutputFile } from './urls.js';

/** Pagefind runs as one service process per Node process; builds in the same process take turns. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Writes the Pagefind search index and its UI into `<outDir>/pagefind/`.
 *
 * Pages are added one by one in sorted order, so the index does not depend on the order files are found on
 * disk. Their URLs are relative to the site root, without the base path: Pagefind's script puts back whatever
 * comes before `pagefind/` in its own URL, so the search page needs no `baseUrl` option under any base path.
 * Pagefind runs its binary from the npm package and makes no request.
 */
export function writeSearchIndex(outDir: string, pages: readonly string[]): Promise<void> {
  const run = queue.then(() => indexPages(outDir, pages));
  queue = run.catch(() => undefined);
  return run;
}

async function indexPages(outDir: string, pages: readonly string[]): Promise<void> {
  // One index for every page: the site is written in English, whatever language an article's text is in.
  let created: Awaited<ReturnType<typeof pagefind.createIndex>>;
  try {
    created = await pagefind.createIndex({ forceLanguage: 'en' });
  } catch (cause) {
    throw new SearchIndexError('Pagefind could not start; reinstall with `npm ci` (its binary comes in @pagefind/<platform>)', { cause });
  }
  const { index, errors } = created;
  if (index === undefined) throw new SearchIndexError(`Pagefind could not start: ${errors.join('; ')}; reinstall with \`npm ci\``);
  try {
    for (const file of [...pages].sort()) {
      const content = await readFile(join(outDir, ...file.split('/')), 'utf8');
      const added = await index.addHTMLFile({ url: pathOfOutputFile(file, '/'), content: escapeFilterValues(content) });
      if (added.errors.length > 0) throw new SearchIndexError(`Pagefind could not index ${file}: ${added.errors.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
    if (written.errors.length > 0) throw new SearchIndexError(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  } finally {
    await index.deleteIndex();
    await pagefind.close();
  }
}

/** An element marked as a filter whose content is plain text: `<a … data-pagefind-filter="speaker">Jane Roe</a>`. */
const FILTER_ELEMENT = /(<([a-zA-Z][\w-]*)\s[^>]*?\bdata-pagefind-filter="([^":]*)"[^>]*>)([^<]*)(<\/\2\s*>)/g;
/** A filter given in the attribute itself: `data-pagefind-filter="year:2024"`. */
const FILTER_ATTRIBUTE = /(\bdata-pagefind-filter=")([^":]+:)([^"]*)(")/g;

/**
 * Makes filter values safe for Pagefind's UI, in the copy of the page given to Pagefind (the page itself is
 * not changed).
 *
 * Pagefind stores a filter value as the page's text with character references decoded (more than once:
 * `&amp;lt;` comes out as `<`), and its UI writes the value into the filter list with `innerHTML`. A speaker
 * or topic pasted as `<img src=x onerror=…>` would become markup on the search page. So each value is decoded
 * here until nothing changes, `<` and `>` become their full-width forms `＜` `＞`, an `&` that could start a
 * reference becomes `＆`, and the value is escaped again: whatever Pagefind and `innerHTML` decode, no markup
 * can come out. Names without those characters are indexed as they are.
 */
export function escapeFilterValues(html: string): string {
  return html
    .replace(FILTER_ELEMENT, (_all, open: string, _tag: string, _name: string, text: string, close: string) => `${open}${inertValue(text)}${close}`)
    .replace(FILTER_ATTRIBUTE, (_all, start: string, name: string, value: string, end: string) => `${start}${name}${inertValue(value)}${end}`);
}

function inertValue(escaped: string): string {
  let text = escaped;
  for (let previous = ''; previous !== text; ) {
    previous = text;
    text = decodeReferences(text);
  }
  return text
    .replace(/</g, '\uFF1C')
    .replace(/>/g, '\uFF1E')
    .replace(/&(?=[#a-zA-Z])/g, '\uFF06')
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;');
}

/** Decodes the character references a template writes (`&lt;` `&gt;` `&amp;` `&quot;` `&apos;` and numeric ones). */
function decodeReferences(text: string): string {
  return text.replace(/&(?:(lt|gt|amp|quot|apos)|#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6}));?/gi, (all, name?: string, dec?: string, hex?: string) => {
    if (name !== undefined) return { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[name.toLowerCase() as 'lt'] ?? all;
    const code = dec !== undefined ? Number(dec) : Number.parseInt(hex ?? '', 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
  });
}

/** Pagefind failed: the site cannot get its search. */
export class SearchIndexError extends NewsArchiveError {}
