import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BodyStore } from '../src/archive/body-store.js';
import { loadAndExtract } from '../src/build/load-and-extract.js';
import { createProgress } from '../src/report/progress.js';
import { Capture } from './fixtures/inputs/capture.js';

/** Files: enough per chunk for the worker threads, with unusable ones in both chunks. */
const ARTICLES = 420;
const CHUNK = 215;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'news-archive-overlap-'));
  await mkdir(join(dir, 'content'));
  const seeds: string[] = [];
  for (const file of (await readdir('content')).sort()) if (file.endsWith('.txt')) seeds.push(await readFile(join('content', file), 'utf8'));
  for (let i = 0; i < ARTICLES; i++) {
    const name = `${String(i).padStart(4, '0')}.txt`;
    // Distinct texts (a paragraph of its own each), some with front matter.
    const text = `${seeds[i % seeds.length]}\n\nArticle number ${i} ends here.\n`;
    await writeFile(join(dir, 'content', name), i % 7 === 0 ? `---\ntitle: Set title ${i}\n---\n${text}` : text);
  }
  await writeFile(join(dir, 'content', '0100-empty.txt'), '');
  await writeFile(join(dir, 'content', '0300-image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function run(chunkSize: number, workers: number) {
  const store = BodyStore.open();
  try {
    const progress = createProgress({ stream: new Capture(), threshold: 0 });
    const loaded = await loadAndExtract(join(dir, 'content'), { cacheDir: null, store, progress, chunkSize, workers });
    return {
      inputs: loaded.inputs.map(({ file, article }) => ({ file, article: { ...article, body: store.read(loaded.bodies.get(file)!) } })),
      leftOut: loaded.leftOut,
      diagnostics: loaded.diagnostics,
    };
  } finally {
    store.close();
  }
}

describe('loadAndExtract reading a chunk while the one before is extracted on worker threads', () => {
  it('gives the records, files left out and messages, in order, of the same chunks extracted in-process one after another', async () => {
    const overlapped = await run(CHUNK, 2);
    const inProcess = await run(CHUNK, 0);
    expect(overlapped.inputs).toHaveLength(ARTICLES);
    expect(overlapped.leftOut).toEqual(['0100-empty.txt', '0300-image.txt']);
    expect(overlapped.inputs.find((input) => input.file === '0007.txt')?.article.title).toBe('Set title 7');
    expect(overlapped).toEqual(inProcess);
  }, 120_000);
});
