import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assembleArchive, type ArchiveInput } from '../src/archive/assemble.js';
import { renderSite } from '../src/render/render-site.js';
import { sampleInputs } from './render-sample-archive.js';

const dirs: string[] = [];
async function render(inputs: ArchiveInput[], previousOutDir: string | null): Promise<{ dir: string; reused: number; pages: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'news-archive-reuse-'));
  dirs.push(dir);
  const result = await renderSite(assembleArchive(inputs, { basePath: '/' }), { outDir: dir, basePath: '/', siteUrl: null, previousOutDir });
  return { dir, ...result };
}

async function files(dir: string): Promise<Map<string, string>> {
  const list = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.html')).sort();
  return new Map(await Promise.all(list.map(async (f) => [f, await readFile(join(dir, f), 'utf8')] as const)));
}

describe('reusing unchanged pages of the previous build', { timeout: 120_000 }, () => {
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('reuses every speaker, topic and article page when nothing changed, with the same bytes', async () => {
    const first = await render(sampleInputs(), null);
    expect(first.reused).toBe(0);
    const second = await render(sampleInputs(), first.dir);
    const perItem = [...(await files(first.dir)).keys()].filter((f) => /^(articles|speakers|topics)\/[^/]+\/index\.html$/.test(f)).length;
    expect(second.reused).toBe(perItem);
    expect(await files(second.dir)).toEqual(await files(first.dir));
  });

  it('renders again only what an added article touches, and the result equals a full build', async () => {
    const first = await render(sampleInputs(), null);
    const added: ArchiveInput = {
      file: 'added.txt',
      article: { ...sampleInputs()[3]!.article, title: 'A new article', date: '2023-06-01', topics: ['Peace talks'], body: 'New.\n' },
    };
    const incremental = await render([...sampleInputs(), added], first.dir);
    const full = await render([...sampleInputs(), added], null);
    expect(await files(incremental.dir)).toEqual(await files(full.dir));
    expect(incremental.reused).toBeGreaterThan(0);
    // The new article, its two neighbours and the topic it is filed under are rendered again.
    const perItem = [...(await files(full.dir)).keys()].filter((f) => /^(articles|speakers|topics)\/[^/]+\/index\.html$/.test(f)).length;
    expect(incremental.reused).toBe(perItem - 4);
  });
});
