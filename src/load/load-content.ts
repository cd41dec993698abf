import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../report/diagnostics.js';
import { decodeText } from './decode.js';
import { findArticleFiles } from './find-files.js';
import { parseFrontMatter } from './front-matter.js';
import type { LoadedArticle, LoadResult } from './types.js';

/** Articles longer than this (in characters, after front matter) are cut here before extraction, so a huge file cannot stall the build. */
export const MAX_ARTICLE_CHARS = 100_000;
/** Files larger than this are not read at all. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;
/** Files read between two turns of the event loop (so progress is drawn and Ctrl-C is heard). */
const CHUNK = 256;

export interface LoadOptions {
  /** Called as files are read, with how many are done and how many there are. */
  onProgress?: (done: number, total: number) => void;
}

type LoadOutcome = { ok: true; article: LoadedArticle } | { ok: false; diagnostic: Diagnostic };

const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Cuts `text` to at most `max` characters, at a line break or a space when there is one in the last half. */
export function capText(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.lastIndexOf('\n', max);
  if (cut < max / 2) cut = text.lastIndexOf(' ', max);
  if (cut < max / 2) cut = max;
  // Never split a surrogate pair.
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return text.slice(0, cut);
}

/**
 * Reads, decodes and splits one file. Never throws: a file that cannot be used comes back as an error.
 * Synchronous on purpose: for many small files it is three to four times faster than `fs/promises`.
 */
export function loadFile(root: string, file: string): LoadOutcome {
  const error = (ruleId: string, reason: string, line: number | null = null): LoadOutcome => ({
    ok: false,
    diagnostic: { file, line, severity: 'error', ruleId, reason },
  });
  const full = join(root, file);
  let bytes: Buffer;
  try {
    const info = statSync(full);
    if (info.size > MAX_FILE_BYTES) {
      return error('load:too-large', `is ${megabytes(info.size)}, more than the ${megabytes(MAX_FILE_BYTES)} an article may be; split it or remove it`);
    }
    bytes = readFileSync(full);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied; make it readable' : `${code ?? String(cause)}; check the file`;
    return error('load:unreadable', `cannot be read (${why})`);
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) return error(decoded.ruleId, decoded.reason);
  const diagnostics: Diagnostic[] = decoded.warnings.map((w) => ({ file, line: w.line, severity: 'warning', ruleId: w.ruleId, reason: w.reason }));
  if (decoded.text.trim() === '') {
    return error('load:empty', bytes.length === 0 ? 'is empty; write the article in it or remove the file' : 'holds only white space; write the article in it or remove the file');
  }
  const parsed = parseFrontMatter(file, decoded.text);
  if (!parsed.ok) return { ok: false, diagnostic: parsed.diagnostic };
  diagnostics.push(...parsed.diagnostics);
  if (parsed.body.trim() === '') {
    return error('load:empty', 'has front matter but no article text after it; write the article below the closing --- or remove the file', parsed.lineOffset);
  }
  let text = parsed.body;
  if (text.length > MAX_ARTICLE_CHARS) {
    text = capText(text, MAX_ARTICLE_CHARS);
    const line = parsed.lineOffset + text.split('\n').length;
    diagnostics.push({
      file,
      line,
      severity: 'warning',
      ruleId: 'load:too-long',
      reason: `article is ${parsed.body.length.toLocaleString('en')} characters long; only the first ${text.length.toLocaleString('en')} (up to this line) are used; split it into several articles`,
    });
  }
  return { ok: true, article: { file, text, frontMatter: parsed.frontMatter, lineOffset: parsed.lineOffset, diagnostics } };
}

/** Loads every article under the content folder. Per-file problems never stop loading: the file is left out with an error. */
export async function loadContent(root: string, options: LoadOptions = {}): Promise<LoadResult> {
  const found = await findArticleFiles(root);
  const outcomes: LoadOutcome[] = [];
  for (const [i, file] of found.files.entries()) {
    outcomes.push(loadFile(root, file));
    if ((i + 1) % CHUNK === 0 || i + 1 === found.files.length) {
      options.onProgress?.(i + 1, found.files.length);
      await new Promise((next) => setImmediate(next));
    }
  }

  const articles: LoadedArticle[] = [];
  const leftOut: string[] = [];
  const diagnostics: Diagnostic[] = [...found.diagnostics];
  // A folder that cannot be read counts as left out: its articles are missing.
  for (const d of found.diagnostics) if (d.severity === 'error' && d.file !== null) leftOut.push(d.file);
  for (const [i, outcome] of outcomes.entries()) {
    if (outcome.ok) {
      articles.push(outcome.article);
    } else {
      leftOut.push(found.files[i]!);
      diagnostics.push(outcome.diagnostic);
    }
  }
  return { articles, leftOut: leftOut.sort(), diagnostics };
}
