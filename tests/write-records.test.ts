import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Archive } from '../src/archive/types.js';
import { writeRecords } from '../src/write/write-records.js';
import { assembleArchive } from '../src/archive/assemble.js';
import { sampleInputs } from './render-sample-archive.js';

const sampleArchive = (): Archive => assembleArchive(sampleInputs(), { basePath: '/' });

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'news-archive-records-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeRecords', () => {
  const archives: Array<[string, Archive]> = [
    ['no articles', { articles: [] }],
    ['one article', { articles: sampleArchive().articles.slice(0, 1) }],
    ['every sample article', sampleArchive()],
  ];
  for (const [name, archive] of archives) {
    it(`writes the bytes of JSON.stringify(archive, null, 2): ${name}`, async () => {
      await writeRecords(archive, dir);
      expect(await readFile(join(dir, 'records.json'), 'utf8')).toBe(`${JSON.stringify(archive, null, 2)}\n`);
    });
  }

  it('writes an archive larger than one write, body newlines and all', async () => {
    const one = sampleArchive().articles[0]!;
    const archive: Archive = { articles: Array.from({ length: 400 }, (_, i) => ({ ...one, id: `a-${i}`, body: `Line one.\n\nLine ${i}. ${'word '.repeat(800)}` })) };
    await writeRecords(archive, dir);
    const text = await readFile(join(dir, 'records.json'), 'utf8');
    expect(text.length).toBeGreaterThan(1 << 20);
    expect(text).toBe(`${JSON.stringify(archive, null, 2)}\n`);
  });
});
