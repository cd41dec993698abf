import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Archive } from '../src/archive/types.js';
import { build, type BuildOptions } from '../src/build/build.js';
import { Capture } from './fixtures/inputs/capture.js';
import { SEEDS } from './fixtures/inputs/run-cli.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'news-archive-build-'));
  await mkdir(join(dir, 'content'));
  for (const seed of (await readdir(SEEDS)).filter((f) => f.endsWith('.txt'))) await copyFile(join(SEEDS, seed), join(dir, 'content', seed));
  await writeFile(
    join(dir, 'content', 'corrected.md'),
    '---\ntitle: The corrected headline\ndate: 2023-05-06\nsource: Reuters\ntopics: [Energy, Gas]\nspeakers: [{name: Anna Berg, role: Energy Minister}]\ncolour: red\n---\nA wrong headline\n\n"Gas will flow," Anna Berg said.\n',
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function run(options: Partial<BuildOptions> = {}) {
  const stderr = new Capture();
  const stdout = new Capture();
  const result = await build({ contentDir: join(dir, 'content'), outDir: join(dir, 'site'), basePath: '/', siteUrl: null, stderr, stdout, ...options });
  const records = JSON.parse(await readFile(join(dir, 'site', 'records.json'), 'utf8')) as Archive;
  return { result, stderr, stdout, records };
}

describe('build', () => {
  it('builds every article, front matter winning over extraction', async () => {
    const { result, records, stdout } = await run();
    expect(result.built).toBe(6);
    expect(result.leftOut).toEqual([]);
    expect(result.exitCode).toBe(0);
    const corrected = records.articles.find((a) => a.file === 'corrected.md')!;
    expect(corrected).toMatchObject({ title: 'The corrected headline', date: '2023-05-06', source: 'Reuters' });
    expect(corrected.topics.map((t) => t.label)).toEqual(['Energy', 'Gas']);
    expect(corrected.speakers.map((s) => s.name)).toContain('Anna Berg');
    expect(stdout.lines()).toHaveLength(1);
    expect(stdout.text).toMatch(/^news-archive: 6 articles built, 0 left out, \d+ warnings?, \d+ pages? written in [\d.]+ s, peak memory \d+ MiB\n$/);
  });

  it('reports like a linter, lines counted from the top of the file', async () => {
    const { stderr } = await run({ contentDir: join(dir, 'content') });
    const line = stderr.lines().find((l) => l.includes('colour'));
    expect(line).toBe(`${join(dir, 'content')}/corrected.md:7: warning: unknown front matter field 'colour' is ignored (known fields: title, date, source, byline, dateline, speakers, topics) [front-matter:unknown-field]`);
    for (const l of stderr.lines()) expect(l).toMatch(/^\S.*?(:\d+)?: (error|warning): .+ \[[\w:-]+\]$/);
  });

  it('gives the extractor\'s lines as they are in the file, in the report and in records.json', async () => {
    await writeFile(join(dir, 'content', 'lines.md'), '---\ntitle: Lines counted from the top\n---\n\nSome text.\n\n“A quote that nobody in this text is said to have spoken, standing alone.”\n');
    try {
      const { records, stderr } = await run();
      const record = records.articles.find((a) => a.file === 'lines.md')!;
      const recordLines = record.messages.filter((m) => m.line !== null && m.severity === 'warning').map((m) => `${m.line}:${m.ruleId}`);
      const reportLines = stderr
        .lines()
        .filter((l) => l.includes('/lines.md:'))
        .map((l) => /\/lines\.md:(\d+): warning: .* \[([\w:-]+)\]$/.exec(l))
        .filter((m) => m !== null)
        .map((m) => `${m![1]}:${m![2]}`);
      expect(reportLines.sort()).toEqual(recordLines.sort());
      for (const m of record.messages) if (m.line !== null) expect(m.line).toBeGreaterThan(3);
    } finally {
      await rm(join(dir, 'content', 'lines.md'));
    }
  });

  it('reuses the unchanged pages of the previous build, and --no-cache does not', async () => {
    await run();
    const { result, stdout } = await run();
    expect(result.reused).toBeGreaterThan(0);
    expect(stdout.text).toMatch(/pages written \(\d+ unchanged\)/);
    expect((await run({ cache: false })).result.reused).toBe(0);
  });

  it('--strict turns warnings into failure', async () => {
    const { result } = await run({ strict: true });
    expect(result.warnings).toBeGreaterThan(0);
    expect(result.exitCode).toBe(1);
  });

  it('leaves out an unusable file, builds the rest and exits 1', async () => {
    await writeFile(join(dir, 'content', 'empty.txt'), '');
    try {
      const { result, records, stderr } = await run();
      expect(result.leftOut).toEqual(['empty.txt']);
      expect(result.exitCode).toBe(1);
      expect(records.articles).toHaveLength(6);
      expect(stderr.lines().filter((l) => l.includes('empty.txt'))).toHaveLength(1);
    } finally {
      await rm(join(dir, 'content', 'empty.txt'));
    }
  });

  it('normalises the base path into every URL', async () => {
    const { records } = await run({ basePath: 'news/archive' });
    for (const article of records.articles) expect(article.url.startsWith('/news/archive/')).toBe(true);
  });

  it('refuses a base path that is not a URL path', async () => {
    await expect(run({ basePath: 'https://example.org/' })).rejects.toThrow(/--base-path/);
  });
});
