import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capText, loadContent, MAX_ARTICLE_CHARS } from '../src/load/load-content.js';
import { inputCases, writeInputs } from './fixtures/inputs/generate.js';
import type { LoadResult } from '../src/load/types.js';

let dir: string;
let content: string;
let result: LoadResult;
let seconds: number;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'news-archive-load-'));
  content = join(dir, 'content');
  await writeInputs(content, join(dir, 'outside', 'secret.txt'));
  await mkdir(join(content, 'sub', '.hidden'), { recursive: true });
  await writeFile(join(content, 'sub', 'nested.md'), 'Nested article\n\nText.\n');
  await writeFile(join(content, 'sub', '.hidden', 'skip.txt'), 'Hidden\n');
  await writeFile(join(content, '.draft.txt'), 'Hidden\n');
  await writeFile(join(content, 'notes.docx'), 'not an article');
  await writeFile(join(content, 'UPPER.TXT'), 'Upper-case extension\n\nText.\n');
  await symlink(join(content, 'sub', 'nested.md'), join(content, 'inside-link.md'));
  await symlink(join(dir, 'outside'), join(content, 'outside-folder'));
  await symlink(join(dir, 'missing.txt'), join(content, 'broken-link.txt'));
  const started = performance.now();
  result = await loadContent(content);
  seconds = (performance.now() - started) / 1000;
}, 60_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('loadContent', () => {
  it('reads every .txt and .md file, recursively, sorted, with forward slashes', () => {
    const files = [...result.articles.map((a) => a.file), ...result.leftOut].sort();
    expect(files).toContain('sub/nested.md');
    expect(files).toContain('новости/статья.txt');
    expect(files).toContain('UPPER.TXT');
    expect(files).toContain('with spaces in name.txt');
    expect(files).toContain("shell $(rm -rf x); `id` & 'q' \"dq\" *.txt");
    expect(files.some((f) => f.includes('.hidden') || f.startsWith('.draft') || f.endsWith('.docx'))).toBe(false);
    const usable = result.articles.map((a) => a.file);
    expect(usable).toEqual([...usable].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('leaves out each unusable input with one error naming it', () => {
    const unusable = inputCases().filter((c) => !c.usable).map((c) => c.file).sort();
    expect(result.leftOut).toEqual(unusable);
    for (const file of unusable) {
      const errors = result.diagnostics.filter((d) => d.file === file && d.severity === 'error');
      expect(errors, file).toHaveLength(1);
    }
  });

  it('keeps each usable input, decoded', () => {
    for (const c of inputCases().filter((c) => c.usable)) {
      const article = result.articles.find((a) => a.file === c.file);
      expect(article, c.file).toBeDefined();
      if (c.title !== undefined && !c.file.endsWith('.md')) expect(article!.text.split('\n')[0], c.file).toBe(c.title);
      expect(article!.text).not.toContain('\r');
    }
  });

  it('does not follow a symbolic link outside the content folder, and says so', () => {
    expect(result.articles.some((a) => a.text.includes('secret'))).toBe(false);
    const warnings = result.diagnostics.filter((d) => d.ruleId === 'load:link-outside').map((d) => d.file);
    expect(warnings.sort()).toEqual(['outside-folder', 'outside-link.txt']);
    expect(result.diagnostics.find((d) => d.file === 'broken-link.txt')?.ruleId).toBe('load:broken-link');
    expect(result.articles.map((a) => a.file)).toContain('inside-link.md');
  });

  it('caps huge files and very long lines, in bounded time', () => {
    for (const file of ['huge.txt', 'long-line.txt']) {
      const article = result.articles.find((a) => a.file === file)!;
      expect(article.text.length).toBeLessThanOrEqual(MAX_ARTICLE_CHARS);
      expect(article.diagnostics.map((d) => d.ruleId)).toContain('load:too-long');
    }
    expect(seconds).toBeLessThan(10);
  });

  it('counts lines from the top of the file, front matter included', () => {
    const article = result.articles.find((a) => a.file === 'wrong-types.md')!;
    expect(article.lineOffset).toBe(4);
    expect(article.diagnostics.map((d) => d.line)).toEqual([2, 3]);
  });
});

describe('capText', () => {
  it('cuts at a line break, else a space, never inside a surrogate pair', () => {
    expect(capText('short', 10)).toBe('short');
    expect(capText('aaaa\nbbbb\ncccc', 12)).toBe('aaaa\nbbbb');
    expect(capText('aaaa bbbb cccc', 12)).toBe('aaaa bbbb');
    expect(capText('😀'.repeat(10), 5)).toBe('😀😀');
  });
});
