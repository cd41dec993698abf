import { appendFile, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Archive } from '../src/archive/types.js';
import { BodyStore, storeBody } from '../src/archive/body-store.js';
import type { ArticleRecord } from '../src/archive/types.js';
import { RECORDS_PARTIAL, recordJson, startWritingRecords, writeRecords } from '../src/write/write-records.js';
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

  it('started early (startWritingRecords): written under a temporary name, named records.json by finish, the same bytes', async () => {
    const archive = sampleArchive();
    const out = join(dir, 'started');
    await mkdir(out);
    const writing = startWritingRecords(archive, out);
    await writing.settled;
    expect((await readdir(out)).sort()).toEqual(['.news-archive-records.json', RECORDS_PARTIAL].sort());
    await writing.finish();
    expect((await readdir(out)).sort()).toEqual(['.news-archive-records.json', 'records.json']);
    expect(await readFile(join(out, 'records.json'), 'utf8')).toBe(`${JSON.stringify(archive, null, 2)}\n`);
    // A write that fails settles all the same, and finish rejects.
    const failing = startWritingRecords(archive, join(dir, 'no-such-folder'));
    await failing.settled;
    await expect(failing.finish()).rejects.toThrow();
  });

  it('writes each article as JSON.stringify indents it inside the archive, whatever its strings and empty lists', () => {
    const one = sampleArchive().articles[0]!;
    const odd = '“Line”\none\r\n\ttab \\ "q" \u2028 \ud800 😀 \u0001 </script>';
    const records: ArticleRecord[] = [
      one,
      { ...one, title: odd, body: odd, speakers: [], quotes: [], topics: [], messages: [] },
      { ...one, speakers: [{ name: odd, id: 'x', role: odd }], quotes: [{ id: 'q', text: odd, speaker: null, speakerId: null, cue: odd }] },
    ];
    for (const record of records) expect(recordJson(record)).toBe(JSON.stringify(record, null, 2).replace(/\n/g, '\n    '));
  });

  it('writes an archive larger than one write, body newlines and all', async () => {
    const one = sampleArchive().articles[0]!;
    const archive: Archive = { articles: Array.from({ length: 400 }, (_, i) => ({ ...one, id: `a-${i}`, body: `Line one.\n\nLine ${i}. ${'word '.repeat(800)}` })) };
    await writeRecords(archive, dir);
    const text = await readFile(join(dir, 'records.json'), 'utf8');
    expect(text.length).toBeGreaterThan(1 << 20);
    expect(text).toBe(`${JSON.stringify(archive, null, 2)}\n`);
  });

  describe('with the previous build\'s records.json', () => {
    const base = (): ArticleRecord[] =>
      Array.from({ length: 12 }, (_, i) => ({ ...sampleArchive().articles[i % 3]!, id: `a-${i}`, title: `Title ${i}`, body: `Body ${i}.\n\n“Quoted,” she said. ${'word '.repeat(i * 50)}` }));
    const variants: Array<[string, (a: ArticleRecord[]) => ArticleRecord[]]> = [
      ['the same articles', (a) => a],
      ['one article changed', (a) => a.map((r, i) => (i === 5 ? { ...r, title: 'Changed' } : r))],
      ['one body changed', (a) => a.map((r, i) => (i === 7 ? { ...r, body: `${r.body} More.` } : r))],
      ['one added first, one added last', (a) => [{ ...a[0]!, id: 'new-first' }, ...a, { ...a[1]!, id: 'new-last' }]],
      ['one removed in the middle, the first removed', (a) => a.filter((_, i) => i !== 4 && i !== 0)],
      ['the order reversed', (a) => [...a].reverse()],
      ['all but one changed', (a) => a.map((r, i) => (i === 3 ? r : { ...r, byline: 'Someone else' }))],
      ['none left', () => []],
    ];
    for (const [name, change] of variants) {
      it(`gives the bytes of JSON.stringify again: ${name}`, async () => {
        const previous = join(dir, `prev-${name}`);
        const next = join(dir, `next-${name}`);
        await mkdir(previous);
        await mkdir(next);
        const first: Archive = { articles: base() };
        await writeRecords(first, previous);
        expect(await readFile(join(previous, 'records.json'), 'utf8')).toBe(`${JSON.stringify(first, null, 2)}\n`);
        const second: Archive = { articles: change(base()) };
        await writeRecords(second, next, previous);
        expect(await readFile(join(next, 'records.json'), 'utf8')).toBe(`${JSON.stringify(second, null, 2)}\n`);
        // And once more from that one (its index must describe it).
        const third: Archive = { articles: change(change(base())) };
        await writeRecords(third, previous, next);
        expect(await readFile(join(previous, 'records.json'), 'utf8')).toBe(`${JSON.stringify(third, null, 2)}\n`);
      });
    }

    it('does not read back the body of an unchanged article, and ignores a records.json changed since', async () => {
      const store = BodyStore.open();
      try {
        const stored = (records: ArticleRecord[]): ArticleRecord[] => records.map((r) => storeBody({ ...r }, store, store.put(r.body)));
        const previous = join(dir, 'prev-stored');
        const next = join(dir, 'next-stored');
        await mkdir(previous);
        await mkdir(next);
        const plain = base();
        await writeRecords({ articles: stored(plain) }, previous);
        const again = stored(plain.map((r, i) => (i === 2 ? { ...r, title: 'Changed' } : r)));
        const reads = vi.spyOn(store, 'read');
        await writeRecords({ articles: again }, next, previous);
        expect(reads).toHaveBeenCalledTimes(1);
        reads.mockRestore();
        expect(await readFile(join(next, 'records.json'), 'utf8')).toBe(`${JSON.stringify({ articles: again }, null, 2)}\n`);
        // Someone edited the previous records.json: nothing is copied from it.
        await appendFile(join(next, 'records.json'), ' ');
        const third = join(dir, 'third-stored');
        await mkdir(third);
        await writeRecords({ articles: again }, third, next);
        expect(await readFile(join(third, 'records.json'), 'utf8')).toBe(`${JSON.stringify({ articles: again }, null, 2)}\n`);
      } finally {
        store.close();
      }
    });
  });
});
