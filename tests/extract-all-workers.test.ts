import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateArticle, makePools } from '../bench/generate.js';
import { extractAll, extractAllSettled } from '../src/build/extract-all.js';
import type { ExtractAllStats, ExtractJob } from '../src/build/extract-all.js';
import { contentDigest } from '../src/cache/digest.js';
import { DigestCache } from '../src/cache/digest-cache.js';
import { extractCacheVersion, isExtractedArticle } from '../src/cache/extract-cache.js';

const pools = makePools(3);
const seeds: ExtractJob[] = readdirSync('content')
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((file) => ({ file, text: readFileSync(join('content', file), 'utf8') }));
const jobs: ExtractJob[] = [
  ...seeds,
  ...Array.from({ length: 12 }, (_, i) => {
    const article = generateArticle(pools, 3, i);
    return { file: article.file, text: article.text };
  }),
  { file: 'empty.txt', text: '' },
];

describe('extractAll on worker threads', () => {
  it('gives exactly the in-process results, in input order', async () => {
    const inProcess = await extractAll(jobs, { cacheDir: null, workers: 0 });
    let stats: ExtractAllStats | null = null;
    const onWorkers = await extractAll(jobs, { cacheDir: null, workers: 2, inProcessBelow: 0, batchSize: 3, onStats: (s) => (stats = s) });
    expect(stats).toMatchObject({ workers: 2, extracted: jobs.length });
    expect(onWorkers).toEqual(inProcess);
  });

  it('caches the bytes of each article JSON as the workers sent them, and reads the same results back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'extract-workers-cache-'));
    try {
      const inProcess = await extractAll(jobs, { cacheDir: null, workers: 0 });
      const options = { cacheDir: dir, workers: 2, inProcessBelow: 0, batchSize: 3 };
      expect(await extractAll(jobs, options)).toEqual(inProcess);
      const cache = DigestCache.open({ dir, version: extractCacheVersion(), validate: isExtractedArticle });
      jobs.forEach((job, i) => {
        const entry = cache.getAs(contentDigest(job.text, extractCacheVersion()), (raw) => ({ value: JSON.parse(raw.toString('utf8')) as unknown, raw }));
        expect(entry?.raw.toString('utf8')).toBe(JSON.stringify(inProcess[i]));
      });
      cache.close();
      let stats: ExtractAllStats | null = null;
      expect(await extractAll(jobs, { ...options, onStats: (s) => (stats = s) })).toEqual(inProcess);
      expect(stats).toMatchObject({ cached: jobs.length, extracted: 0 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stays in-process below the threshold', async () => {
    let stats: ExtractAllStats | null = null;
    await extractAll(jobs.slice(0, 5), { cacheDir: null, workers: 2, onStats: (s) => (stats = s) });
    expect(stats).toMatchObject({ workers: 0, extracted: 5 });
  });
});

describe('extractAllSettled', () => {
  // Not a string: the extractor throws on it (it never throws on text).
  const broken = { file: 'broken.txt', text: undefined as unknown as string };
  const mixed: ExtractJob[] = [...jobs.slice(0, 3), broken, ...jobs.slice(3, 6)];

  it('gives the error in place of an article the extractor throws on, in-process and on workers alike', async () => {
    const expected = await extractAll(mixed.filter((job) => job !== broken), { cacheDir: null, workers: 0 });
    for (const options of [{ workers: 0 }, { workers: 2, inProcessBelow: 0, batchSize: 2 }]) {
      const settled = await extractAllSettled(mixed, { cacheDir: null, ...options });
      expect(settled[3]).toBeInstanceOf(Error);
      expect(settled.filter((r) => !(r instanceof Error))).toEqual(expected);
    }
  });

  it('makes extractAll throw', async () => {
    await expect(extractAll(mixed, { cacheDir: null, workers: 0 })).rejects.toThrow();
  });
});
