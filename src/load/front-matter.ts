import { createRequire } from 'node:module';
import type matterFn from 'gray-matter';
import type { Diagnostic } from '../report/diagnostics.js';
import type { FrontMatter, FrontMatterSpeaker } from './types.js';

let matter: typeof matterFn | null = null;

/** gray-matter, loaded the first time a file has front matter (most have none; a rebuild from the cache reads none). */
function grayMatter(): typeof matterFn {
  matter ??= createRequire(import.meta.url)('gray-matter') as typeof matterFn;
  return matter;
}

export type FrontMatterResult =
  | { ok: true; frontMatter: FrontMatter; body: string; lineOffset: number; diagnostics: Diagnostic[] }
  | { ok: false; diagnostic: Diagnostic };

/** Front matter fields an editor may set, in the order the README documents them. */
export const FRONT_MATTER_FIELDS = ['title', 'date', 'source', 'byline', 'dateline', 'speakers', 'topics'] as const;
type Field = (typeof FRONT_MATTER_FIELDS)[number];

const OPENING = /^---[ \t]*\n/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/;
/** A line that starts a YAML field: `name:` or `"name":`. */
const FIELD_LINE = /^(?:[A-Za-z_][\w-]*|"[^"]*"|'[^']*')\s*:(?:\s|$)/;

const refuse = (): object => {
  throw new Error('only YAML front matter is read');
};

/** The value's kind, for messages: "a number", "a list"… */
function kind(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date';
  if (value === null) return 'empty';
  if (typeof value === 'object') return 'a mapping';
  return `a ${typeof value}`;
}

const show = (value: unknown): string => {
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
};

function isValidDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `YYYY-MM-DD` from a YAML date or a string in that form; null when it is not a real calendar date. */
function toIsoDate(value: unknown, raw: string | null): string | null {
  // js-yaml turns 2024-02-30 into 1 March: check the text as written.
  const written = raw ?? (typeof value === 'string' ? value : null);
  if (written !== null) {
    const m = /^["']?(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?["']?$/.exec(written.trim());
    if (!m) return null;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return isValidDate(y, mo, d) ? `${pad(y, 4)}-${pad(mo)}-${pad(d)}` : null;
  }
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  return null;
}

function toText(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return null;
  const text = value.replace(/\s+/g, ' ').trim();
  return text === '' ? null : text;
}

function toSpeaker(value: unknown): FrontMatterSpeaker | null {
  const name = toText(value);
  if (name !== null) return { name, role: null };
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const entry = value as Record<string, unknown>;
    const entryName = toText(entry.name);
    if (entryName === null) return null;
    const role = entry.role === undefined || entry.role === null ? null : toText(entry.role);
    if (role === null && entry.role !== undefined && entry.role !== null) return null;
    return { name: entryName, role };
  }
  return null;
}

/**
 * Splits optional YAML front matter from an article (text already decoded, line endings `\n`) and validates it.
 * Malformed YAML is an error naming the line; a field of the wrong type is a warning naming the line, and the field is ignored.
 */
export function parseFrontMatter(file: string, text: string): FrontMatterResult {
  if (!OPENING.test(text)) return { ok: true, frontMatter: {}, body: text, lineOffset: 0, diagnostics: [] };

  const lines = text.split('\n');
  const close = lines.findIndex((line, i) => i > 0 && CLOSING.test(line));
  // A text that merely starts with a `---` rule (a headline between two rules) is an article, not front matter.
  const first = lines.slice(1, close < 0 ? undefined : close).find((line) => line.trim() !== '' && !line.trimStart().startsWith('#'));
  if (first !== undefined && !FIELD_LINE.test(first)) return { ok: true, frontMatter: {}, body: text, lineOffset: 0, diagnostics: [] };
  if (close < 0) {
    return {
      ok: false,
      diagnostic: { file, line: 1, severity: 'error', ruleId: 'front-matter:unclosed', reason: "front matter opened with '---' is never closed; add a '---' line after its last field" },
    };
  }
  const block = `---\n${lines.slice(1, close).join('\n')}\n---\n`;
  let data: unknown;
  try {
    data = grayMatter()(block, { language: 'yaml', engines: { javascript: refuse, js: refuse, json: refuse } }).data;
  } catch (error) {
    const mark = (error as { mark?: { line?: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? (error instanceof Error ? error.message.split('\n')[0] : String(error));
    return {
      ok: false,
      diagnostic: {
        file,
        line: typeof mark?.line === 'number' ? Math.min(mark.line + 1, close + 1) : 1,
        severity: 'error',
        ruleId: 'front-matter:yaml',
        reason: `front matter is not valid YAML (${reason}); fix it (each field as \`name: value\`) or remove the block`,
      },
    };
  }

  const diagnostics: Diagnostic[] = [];
  const frontMatter: FrontMatter = {};
  const lineOf = (key: string): number => {
    const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const i = lines.slice(1, close).findIndex((line) => new RegExp(`^["']?${escaped}["']?\\s*:`).test(line));
    return i < 0 ? 1 : i + 2;
  };
  const warn = (key: string, ruleId: string, reason: string): void => {
    diagnostics.push({ file, line: lineOf(key), severity: 'warning', ruleId, reason });
  };

  if (data !== null && data !== undefined && (typeof data !== 'object' || Array.isArray(data))) {
    return {
      ok: false,
      diagnostic: { file, line: 2, severity: 'error', ruleId: 'front-matter:yaml', reason: 'front matter must be fields written as `name: value`, one a line; fix it or remove the block' },
    };
  }
  const fields = (data ?? {}) as Record<string, unknown>;
  for (const key of Object.keys(fields).sort()) {
    const value = fields[key];
    if (!(FRONT_MATTER_FIELDS as readonly string[]).includes(key)) {
      warn(key, 'front-matter:unknown-field', `unknown front matter field '${key}' is ignored (known fields: ${FRONT_MATTER_FIELDS.join(', ')})`);
      continue;
    }
    if (value === null || value === undefined) continue;
    const field = key as Field;
    switch (field) {
      case 'title':
      case 'source':
      case 'byline':
      case 'dateline': {
        const text = toText(value);
        if (text === null) warn(key, 'front-matter:type', `'${key}' must be text, not ${kind(value)} (${show(value)}); the field is ignored`);
        else frontMatter[field] = text;
        break;
      }
      case 'date': {
        const raw = /^["']?date["']?\s*:\s*(.*?)\s*(?:#.*)?$/.exec(lines[lineOf(key) - 1] ?? '')?.[1] ?? null;
        const iso = typeof value === 'string' || value instanceof Date ? toIsoDate(value, raw) : null;
        if (iso === null) warn(key, 'front-matter:type', `'date' must be a calendar date written YYYY-MM-DD, not ${show(value)}; the field is ignored`);
        else frontMatter.date = iso;
        break;
      }
      case 'speakers': {
        const list = Array.isArray(value) ? value : [value];
        const speakers = list.map(toSpeaker);
        if (speakers.some((s) => s === null)) {
          warn(key, 'front-matter:type', "'speakers' must be a list of names or of {name, role}, e.g. speakers: [Jane Doe]; the field is ignored");
        } else {
          frontMatter.speakers = speakers as FrontMatterSpeaker[];
        }
        break;
      }
      case 'topics': {
        const list = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : null;
        const topics = list?.map(toText);
        if (!topics || topics.some((t) => t === null)) {
          warn(key, 'front-matter:type', `'topics' must be a list of labels, e.g. topics: [Elections, Energy], not ${kind(value)} (${show(value)}); the field is ignored`);
        } else {
          frontMatter.topics = [...new Set(topics as string[])];
        }
        break;
      }
    }
  }
  const body = lines.slice(close + 1).join('\n');
  return { ok: true, frontMatter, body, lineOffset: close + 1, diagnostics };
}
