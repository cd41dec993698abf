import { copyFile, mkdir, mkdtemp, readdir, readFile, rename, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BodyStore } from '../src/archive/body-store.js';
import { loadAndExtract } from '../src/build/load-and-extract.js';
import { createProgress } from '../src/report/progress.js';
import { Capture } from './fixtures/inputs/capture.js';

/** Files read by `loadFile`, in the order read. */
const reads: string[] = [];
vi.mock('../src/load/load-content.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../src/load/load-content.js')>();
  return {
    ...original,
    loadFile: (root: string, file: string) => {
      reads.push(file);
      return original.loadFile(root, file);
    },
  };
});

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'news-archive-load-extract-'));
  await mkdir(join(dir, 'content'));
  for (const file of await readdir('content')) if (file.endsWith('.txt')) await copyFile(join('content', file), join(dir, 'content', file));
  await writeFile(join(dir, 'content', 'empty.txt'), '');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function run(chunkSize: number, cacheDir: string | null) {
  const store = BodyStore.open();
  try {
    const progress = createProgress({ stream: new Capture(), threshold: 0 });
    const loaded = await loadAndExtract(join(dir, 'content'), { cacheDir, store, progress, chunkSize, workers: 0 });
    return {
      inputs: loaded.inputs.map(({ file, article }) => ({ file, article: { ...article, body: store.read(loaded.bodies.get(file)!) } })),
      leftOut: loaded.leftOut,
      errors: loaded.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}: ${d.ruleId}`),
    };
  } finally {
    store.close();
  }
}

describe('loadAndExtract', () => {
  it('gives the same records whatever the chunk size, with or without the cache, bodies from the store', async () => {
    const whole = await run(1000, null);
    expect(whole.inputs.length).toBeGreaterThanOrEqual(5);
    expect(whole.inputs.every(({ article }) => article.body.length > 200)).toBe(true);
    expect(whole.leftOut).toEqual(['empty.txt']);
    expect(whole.errors).toEqual(['empty.txt: load:empty']);
    expect(await run(2, null)).toEqual(whole);
    const cacheDir = join(dir, 'cache');
    expect(await run(2, cacheDir)).toEqual(whole);
    expect(await run(3, cacheDir)).toEqual(whole);
  });
});

describe('loadAndExtract with the file manifest (files unchanged since the previous build are not read)', () => {
  const old = new Date(Date.now() - 3_600_000);
  let content: string;
  let cacheDir: string;
  /** Runs loadAndExtract over `content`, counting the files it reads. */
  async function runOn(cache: string | null, racyMs?: number) {
    const store = BodyStore.open();
    const before = reads.length;
    try {
      const progress = createProgress({ stream: new Capture(), threshold: 0 });
      const loaded = await loadAndExtract(content, { cacheDir: cache, store, progress, chunkSize: 2, workers: 0, ...(racyMs === undefined ? {} : { racyMs }) });
      return {
        inputs: loaded.inputs.map(({ file, article }) => ({ file, article: { ...article, body: store.read(loaded.bodies.get(file)!) } })),
        leftOut: loaded.leftOut,
        diagnostics: loaded.diagnostics,
        read: reads.slice(before).sort(),
      };
    } finally {
      store.close();
    }
  }
  /** What a build without any cache gives for the same files. */
  const cold = async () => {
    const { read, ...rest } = await runOn(null);
    expect(read.length).toBeGreaterThan(0);
    return rest;
  };
  const same = async (cache: string | null) => {
    const { read, ...rest } = await runOn(cache);
    return { read, rest };
  };
  const age = async (file: string) => utimes(join(content, file), old, old);

  beforeAll(async () => {
    content = join(dir, 'manifest-content');
    cacheDir = join(dir, 'manifest-cache');
    await mkdir(content);
    for (const file of await readdir('content')) if (file.endsWith('.txt')) await copyFile(join('content', file), join(content, file));
    await writeFile(join(content, 'fm.md'), '---\ntitle: Edited title\nmystery: 1\n---\nThe minister said on Monday that "the plan is ready," in the capital.\n');
    await writeFile(join(content, 'empty.txt'), '');
    for (const file of await readdir(content)) await age(file);
  });

  it('reads every file once, then none that is unchanged, with the same records and messages as a build without a cache', async () => {
    const first = await same(cacheDir);
    expect(first.read).toEqual((await readdir(content)).sort());
    expect(first.rest).toEqual(await cold());
    const second = await same(cacheDir);
    // Only the file that was left out is read again: it is never noted.
    expect(second.read).toEqual(['empty.txt']);
    expect(second.rest).toEqual(first.rest);
    expect(second.rest.diagnostics.some((d) => d.ruleId === 'front-matter:unknown-field' && d.file === 'fm.md')).toBe(true);
  });

  it('sees a file changed in place even with the same size and modification time, and added, removed and renamed files', async () => {
    await same(cacheDir);
    const [first, second] = (await readdir(content)).filter((f) => f.endsWith('.txt') && f !== 'empty.txt').sort();
    const path = join(content, first!);
    const text = await readFile(path, 'utf8');
    // Same length, same mtime: only the change time (and the bytes) differ.
    await writeFile(path, text.replace(/[a-z]/, (c) => (c === 'e' ? 'o' : 'e')));
    await age(first!);
    await writeFile(join(content, 'added.txt'), 'A new article.\n\nThe mayor said on Tuesday that "the bridge will open in May," in Rivenford.\n');
    await age('added.txt');
    await rename(join(content, second!), join(content, `renamed-${second!}`));
    await rm(join(content, 'fm.md'));
    const rebuilt = await same(cacheDir);
    expect(rebuilt.read).toEqual(['added.txt', 'empty.txt', first!, `renamed-${second!}`].sort());
    expect(rebuilt.rest).toEqual(await cold());
  });

  it('reads again a file modified too shortly before it was read (its timestamp cannot be trusted)', async () => {
    const [file] = (await readdir(content)).filter((f) => f.endsWith('.txt') && f !== 'empty.txt').sort();
    await writeFile(join(content, file!), `${await readFile(join(content, file!), 'utf8')}\nOne more line.\n`);
    await same(cacheDir);
    expect((await same(cacheDir)).read).toContain(file);
    // With no margin for racy timestamps it would have been noted and skipped.
    await runOn(cacheDir, 0);
    expect((await runOn(cacheDir, 0)).read).toEqual(['empty.txt']);
  });

  it('reads every file again when the manifest is damaged', async () => {
    await same(cacheDir);
    await writeFile(join(cacheDir, 'files.json'), '{"version": 1, "cacheVersion": ');
    const again = await same(cacheDir);
    expect(again.read).toEqual((await readdir(content)).sort());
    expect(again.rest).toEqual(await cold());
  });
});
