import { copyFile, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Archive } from '../src/archive/types.js';
import { inputCases, writeInputs, type InputCase } from './fixtures/inputs/generate.js';
import { runCli, SEEDS, type CliRun } from './fixtures/inputs/run-cli.js';

let dir: string;
let cases: InputCase[];
let run: CliRun;
let records: Archive;
let seconds: number;

async function htmlFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => join(e.parentPath, e.name));
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'news-archive-inputs-'));
  cases = await writeInputs(join(dir, 'content'), join(dir, 'outside', 'secret.txt'));
  for (const seed of (await readdir(SEEDS)).filter((f) => f.endsWith('.txt'))) await copyFile(join(SEEDS, seed), join(dir, 'content', seed));
  const started = performance.now();
  run = runCli(['build', '--out', 'site', '--base-path', '/archive/'], dir);
  seconds = (performance.now() - started) / 1000;
  records = JSON.parse(await readFile(join(dir, 'site', 'records.json'), 'utf8')) as Archive;
}, 120_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a content folder with one of every awkward input and the five seeds', () => {
  it('builds in bounded time and exits 1 because files were left out', () => {
    expect(run.status).toBe(1);
    expect(seconds).toBeLessThan(60);
    expect(run.stdout).toMatch(/news-archive: \d+ articles built, 6 left out, /);
  });

  it('has every usable article in records.json, decoded', () => {
    const usable = cases.filter((c) => c.usable);
    expect(records.articles).toHaveLength(usable.length + 5);
    for (const c of usable) {
      const record = records.articles.find((a) => a.file === c.file);
      expect(record, c.file).toBeDefined();
      if (c.title !== undefined) expect(record!.title, c.file).toBe(c.title);
    }
    expect(records.articles.some((a) => a.body.includes('secret'))).toBe(false);
    const text = JSON.stringify(records);
    for (const mojibake of ['Ã©', 'Ã¼', 'Ð', 'Ñ\u0080', 'Â']) expect(text).not.toContain(mojibake);
  });

  it('has a page on the site for every article in records.json', async () => {
    const pages = new Set((await htmlFiles(join(dir, 'site'))).map((file) => file.slice(join(dir, 'site').length + 1)));
    for (const article of records.articles) {
      const page = `${decodeURIComponent(article.url.slice('/archive/'.length))}index.html`;
      expect(pages.has(page), `${article.file} → ${page}`).toBe(true);
    }
  });

  it('names each unusable file once on stderr, with what to do', () => {
    const lines = run.stderr.split('\n').filter((l) => l !== '');
    for (const c of cases.filter((c) => !c.usable)) {
      const errors = lines.filter((l) => l.startsWith(`content/${c.file}:`) && l.includes(': error: '));
      expect(errors, c.file).toHaveLength(1);
    }
    expect(lines.filter((l) => l.includes(': error: '))).toHaveLength(6);
    expect(lines.find((l) => l.startsWith('content/bad-yaml.md:'))).toMatch(/^content\/bad-yaml\.md:\d+: error: /);
    expect(lines.some((l) => l.startsWith('content/outside-link.txt: warning:'))).toBe(true);
  });

  it('gives two articles with one title distinct, stable URLs, and a URL to a title without letters', () => {
    const same = records.articles.filter((a) => a.title === 'Two articles, one title').map((a) => a.url);
    expect(same).toHaveLength(2);
    expect(new Set(same).size).toBe(2);
    const punctuation = records.articles.find((a) => a.file === 'punctuation-title.txt')!;
    expect(punctuation.url).toMatch(/^\/archive\/.+[^/]+\/$/);
    for (const a of records.articles) expect(a.url.startsWith('/archive/')).toBe(true);
  });

  it('writes no script from the text into the pages', async () => {
    for (const file of await htmlFiles(join(dir, 'site'))) {
      const html = await readFile(file, 'utf8');
      expect(html, file).not.toMatch(/<script>alert/i);
      expect(html, file).not.toMatch(/<img[^>]*onerror=/i);
      expect(html, file).not.toMatch(/href="javascript:/i);
    }
  });
});
