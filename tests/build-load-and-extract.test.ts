import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BodyStore } from '../src/archive/body-store.js';
import { loadAndExtract } from '../src/build/load-and-extract.js';
import { createProgress } from '../src/report/progress.js';
import { Capture } from './fixtures/inputs/capture.js';

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
