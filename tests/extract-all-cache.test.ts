import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makePools, generateArticle } from '../bench/generate.js';
import { extractAll } from '../src/build/extract-all.js';
import type { ExtractAllStats, ExtractJob } from '../src/build/extract-all.js';
import { extractArticle } from '../src/extract/index.js';

const pools = makePools(7);
const jobs: ExtractJob[] = Array.from({ length: 6 }, (_, i) => {
  const article = generateArticle(pools, 7, i);
  return { file: article.file, text: article.text };
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'extract-all-cache-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function run(input: ExtractJob[]): Promise<{ stats: ExtractAllStats; results: unknown[] }> {
  let stats: ExtractAllStats | null = null;
  const results = await extractAll(input, { cacheDir: dir, workers: 0, onStats: (s) => (stats = s) });
  return { stats: stats!, results };
}

describe('extractAll with a cache', () => {
  it('extracts everything once, then nothing; the results do not depend on the cache', async () => {
    const plain = jobs.map((job) => extractArticle(job.text));
    const first = await run(jobs);
    expect(first.stats).toMatchObject({ articles: 6, cached: 0, extracted: 6 });
    expect(first.results).toEqual(plain);
    const second = await run(jobs);
    expect(second.stats).toMatchObject({ articles: 6, cached: 6, extracted: 0 });
    expect(second.results).toEqual(plain);
    expect(readdirSync(dir).filter((n) => n.endsWith('.seg'))).toHaveLength(1);
  });

  it('extracts only the new and the changed articles', async () => {
    await run(jobs);
    const changed = jobs.map((job, i) => (i === 3 ? { ...job, text: `${job.text}\nOne more line.` } : job));
    const added = [...changed, { file: 'new.txt', text: generateArticle(pools, 7, 99).text }];
    const { stats, results } = await run(added);
    expect(stats).toMatchObject({ articles: 7, cached: 5, extracted: 2 });
    expect(results).toEqual(added.map((job) => extractArticle(job.text)));
  });

  it('extracts the same text once and keeps the order of the input', async () => {
    const doubled = [jobs[0]!, jobs[1]!, { ...jobs[0]!, file: 'copy.txt' }];
    const { stats, results } = await run(doubled);
    expect(stats).toMatchObject({ articles: 3, extracted: 2 });
    expect(results).toEqual(doubled.map((job) => extractArticle(job.text)));
  });

  it('reports progress up to the total', async () => {
    const seen: number[] = [];
    await extractAll(jobs.slice(0, 3), { cacheDir: dir, workers: 0, onProgress: (done, total) => seen.push(done / total) });
    expect(seen.at(-1)).toBe(1);
    await extractAll(jobs.slice(0, 3), { cacheDir: null, workers: 0, onProgress: (done, total) => seen.push(done / total) });
    expect(seen.at(-1)).toBe(1);
  });
});
