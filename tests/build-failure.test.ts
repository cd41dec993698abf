import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Capture } from './fixtures/inputs/capture.js';

const failures = vi.hoisted(() => ({ render: false }));

vi.mock('../src/render/render-site.js', () => ({
  renderSite: async (_archive: unknown, options: { outDir: string }) => {
    await writeFile(join(options.outDir, 'index.html'), 'half a site');
    if (failures.render) throw new Error('template exploded');
    return { pages: 1 };
  },
}));

// Small builds extract in-process, so this replaces the extractor the build uses.
vi.mock('../src/extract/index.js', async (original) => {
  const real = await original<typeof import('../src/extract/index.js')>();
  return {
    ...real,
    extractArticle: (text: string) => {
      if (text.includes('BOOM')) throw new Error('the extractor tripped');
      return real.extractArticle(text);
    },
  };
});

const { build } = await import('../src/build/build.js');
const { NewsArchiveError } = await import('../src/report/errors.js');

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'news-archive-failure-'));
  await mkdir(join(dir, 'content'));
  await writeFile(join(dir, 'content', 'one.txt'), 'A headline\n\nText.\n');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a build that fails', () => {
  it('leaves the previous site as it was, and nothing beside it', async () => {
    const options = { contentDir: join(dir, 'content'), outDir: join(dir, 'site'), basePath: '/', siteUrl: null, cache: false, stderr: new Capture(), stdout: new Capture() };
    await build(options);
    const before = await readFile(join(dir, 'site', 'records.json'), 'utf8');
    await writeFile(join(dir, 'content', 'two.txt'), 'Another headline\n\nText.\n');
    failures.render = true;
    const failed = build(options);
    await expect(failed).rejects.toBeInstanceOf(NewsArchiveError);
    await expect(build(options)).rejects.toThrow(/the build failed while rendering; the previous site in .* is unchanged/);
    expect(await readFile(join(dir, 'site', 'records.json'), 'utf8')).toBe(before);
    expect((await readdir(dir)).sort()).toEqual(['content', 'site']);
  });
});

describe('an extractor that fails on one file', () => {
  it('leaves that file out, names it once, and builds the others', async () => {
    failures.render = false;
    const content = join(dir, 'crash-content');
    await mkdir(content);
    await writeFile(join(content, 'fine.txt'), 'A fine headline\n\nText.\n');
    await writeFile(join(content, 'boom.txt'), 'A BOOM headline\n\nText.\n');
    const stderr = new Capture();
    const result = await build({ contentDir: content, outDir: join(dir, 'crash-site'), basePath: '/', siteUrl: null, cache: false, stderr, stdout: new Capture() });
    expect(result.built).toBe(1);
    expect(result.leftOut).toEqual(['boom.txt']);
    expect(result.exitCode).toBe(1);
    expect(stderr.lines().filter((l) => l.includes('boom.txt'))).toEqual([
      `${content}/boom.txt: error: the extractor failed on this file (the extractor tripped); it is left out: please report it with the file attached [extract:crash]`,
    ]);
  });
});
