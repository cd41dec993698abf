import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assembleArchive, type ArchiveInput } from '../src/archive/assemble.js';
import { publicDir } from '../src/render/paths.js';
import { renderSite, type RenderOptions } from '../src/render/render-site.js';
import { listHtmlPages } from '../src/publish/sitemap.js';
import { KeptFiles } from '../src/write/kept-files.js';
import { listFilesSync } from '../src/write/list-files.js';
import { carryOutUpdate } from '../src/write/update-in-place.js';
import { sampleInputs } from './render-sample-archive.js';

const dirs: string[] = [];
/** Pages rendered one per item: articles, speakers, topics, quote months, timeline years. */
const PER_ITEM = /^(?:(?:articles|speakers|topics)\/[^/]+|quotes\/(?:\d{4}\/\d{2}|undated)|timeline\/\d{4})\/index\.html$/;
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

  it('reuses every article, speaker, topic, quotes-month and timeline-year page when nothing changed, with the same bytes', async () => {
    const first = await render(sampleInputs(), null);
    expect(first.reused).toBe(0);
    const second = await render(sampleInputs(), first.dir);
    const perItem = [...(await files(first.dir)).keys()].filter((f) => PER_ITEM.test(f)).length;
    expect(perItem).toBeGreaterThan(15);
    expect(second.reused).toBe(perItem);
    expect(await files(second.dir)).toEqual(await files(first.dir));
  });

  it('renders a page it could not link (gone from the previous build) after the others, with the same bytes', async () => {
    const first = await render(sampleInputs(), null);
    const perItem = [...(await files(first.dir)).keys()].filter((f) => PER_ITEM.test(f));
    const gone = [perItem.find((f) => f.startsWith('articles/'))!, perItem.find((f) => f.startsWith('speakers/'))!];
    for (const file of gone) await rm(join(first.dir, file));
    const progress: [number, number][] = [];
    const dir = await mkdtemp(join(tmpdir(), 'news-archive-reuse-'));
    dirs.push(dir);
    const second = await renderSite(assembleArchive(sampleInputs(), { basePath: '/' }), { outDir: dir, basePath: '/', siteUrl: null, previousOutDir: first.dir, onProgress: (done, total) => progress.push([done, total]) });
    expect(second.reused).toBe(perItem.length - 2);
    expect(progress.at(-1)).toEqual([perItem.length, perItem.length]);
    const full = await render(sampleInputs(), null);
    expect(await files(dir)).toEqual(await files(full.dir));
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
    // Only the pages the new article changes are rendered again: itself, its two neighbours, its year
    // of the timeline and the topic it is filed under.
    const before = await files(first.dir);
    const after = await files(full.dir);
    const changed = [...after].filter(([f, html]) => PER_ITEM.test(f) && before.get(f) !== html).map(([f]) => f);
    expect(changed).toHaveLength(5);
    expect(changed).toContain('articles/a-new-article/index.html');
    expect(changed).toContain('timeline/2023/index.html');
    expect(changed).toContain('topics/peace-talks/index.html');
    expect(incremental.reused).toBe([...after.keys()].filter((f) => PER_ITEM.test(f)).length - changed.length);
  });

  it('renders again every page that shows an article whose title changed, and only those', async () => {
    const first = await render(sampleInputs(), null);
    const inputs = sampleInputs();
    inputs[0] = { ...inputs[0]!, article: { ...inputs[0]!.article, title: 'A changed headline' } };
    const incremental = await render(inputs, first.dir);
    const full = await render(inputs, null);
    const after = await files(full.dir);
    expect(await files(incremental.dir)).toEqual(after);
    const before = await files(first.dir);
    const changed = [...after].filter(([f, html]) => PER_ITEM.test(f) && before.get(f) !== html).map(([f]) => f);
    // The article (at a new address), its neighbours, and the speaker, topic, quotes and timeline pages that list it.
    expect(changed.filter((f) => f.startsWith('speakers/')).length).toBeGreaterThan(0);
    expect(changed.filter((f) => f.startsWith('topics/')).length).toBeGreaterThan(0);
    expect(incremental.reused).toBe([...after.keys()].filter((f) => PER_ITEM.test(f)).length - changed.length);
  });
  it('with kept files: keeps the unchanged pages in the previous site, writes only the others, and the site updated with them equals a full build', async () => {
    const first = await render(sampleInputs(), null);
    const added: ArchiveInput = {
      file: 'added.txt',
      article: { ...sampleInputs()[3]!.article, title: 'A new article', date: '2023-06-01', topics: ['Peace talks'], body: 'New.\n' },
    };
    const inputs = [...sampleInputs(), added];
    const dir = await mkdtemp(join(tmpdir(), 'news-archive-reuse-'));
    dirs.push(dir);
    const kept = KeptFiles.start(first.dir);
    try {
      const speaker = [...(await files(first.dir)).keys()].find((f) => f.startsWith('speakers/'))!;
      const speakerInode = (await stat(join(first.dir, speaker))).ino;
      const result = await renderSite(assembleArchive(inputs, { basePath: '/' }), { outDir: dir, basePath: '/', siteUrl: null, previousOutDir: first.dir, keptFiles: kept });
      const full = await render(inputs, null);
      const perItem = [...(await files(full.dir)).keys()].filter((f) => PER_ITEM.test(f));
      // Itself, its two neighbours, its year of the timeline and its topic are rendered again; the rest are kept.
      expect(result.reused).toBe(perItem.length - 5);
      expect(kept.size).toBe(perItem.length - 5);
      expect(kept.has(speaker)).toBe(true);
      // The staging folder holds the pages rendered, not those kept.
      const written = [...(await files(dir)).keys()].filter((f) => PER_ITEM.test(f));
      expect(written.sort()).toEqual(perItem.filter((f) => !kept.has(f)).sort());
      carryOutUpdate(dir, first.dir, await kept.toRemove(new Set(listFilesSync(dir))));
      expect(await files(first.dir)).toEqual(await files(full.dir));
      expect((await stat(join(first.dir, speaker))).ino).toBe(speakerInode);
    } finally {
      await kept.close();
    }
  });

  it('names the pages of the site as a walk of the finished folder does: rendered, linked, kept in the site updated in place, copied from the public folder', async () => {
    // A public folder with HTML files of its own, one in a subfolder (and one under pagefind/, which is not a page).
    const assets = await mkdtemp(join(tmpdir(), 'news-archive-public-'));
    dirs.push(assets);
    await cp(publicDir(), assets, { recursive: true });
    await mkdir(join(assets, 'help', 'faq'), { recursive: true });
    await mkdir(join(assets, 'pagefind'));
    await writeFile(join(assets, 'about.html'), '<!doctype html><title>About</title>\n');
    await writeFile(join(assets, 'help', 'faq', 'index.html'), '<!doctype html><title>FAQ</title>\n');
    await writeFile(join(assets, 'pagefind', 'playground.html'), '<!doctype html><title>no page</title>\n');
    const added: ArchiveInput = {
      file: 'added.txt',
      article: { ...sampleInputs()[3]!.article, title: 'A new article', date: '2023-06-01', topics: ['Peace talks'], body: 'New.\n' },
    };
    const inputs = [...sampleInputs(), added];
    const newDir = async (): Promise<string> => {
      const dir = await mkdtemp(join(tmpdir(), 'news-archive-reuse-'));
      dirs.push(dir);
      return dir;
    };
    const renderInto = async (dir: string, list: ArchiveInput[], options: Partial<RenderOptions> = {}): Promise<{ htmlPages: string[]; reused: number }> =>
      renderSite(assembleArchive(list, { basePath: '/' }), { outDir: dir, basePath: '/', siteUrl: null, publicDir: assets, ...options });

    // Everything rendered.
    const first = await newDir();
    const cold = await renderInto(first, sampleInputs());
    expect(cold.htmlPages).toEqual(await listHtmlPages(first));
    expect(cold.htmlPages).toContain('about.html');
    expect(cold.htmlPages).toContain('help/faq/index.html');
    expect(cold.htmlPages).toContain('404.html');
    expect(cold.htmlPages.filter((f) => PER_ITEM.test(f)).length).toBeGreaterThan(15);
    expect(cold.htmlPages.some((f) => f.startsWith('pagefind/'))).toBe(false);

    // Linked from the previous build once the digests are known, and rendered (the new article's pages); one page
    // could not be linked (gone from the previous build) and is rendered after all.
    const previous = await newDir();
    await cp(first, previous, { recursive: true });
    await rm(join(previous, cold.htmlPages.find((f) => f.startsWith('speakers/'))!));
    const linked = await newDir();
    const rebuilt = await renderInto(linked, inputs, { previousOutDir: previous });
    expect(rebuilt.reused).toBeGreaterThan(0);
    expect(rebuilt.htmlPages).toEqual(await listHtmlPages(linked));
    expect(rebuilt.htmlPages).toContain('articles/a-new-article/index.html');

    // Kept in the previous site, which is then updated in place; fewer articles than before, so pages go.
    const fewer = sampleInputs().slice(1);
    const staging = await newDir();
    const keptFiles = KeptFiles.start(linked);
    try {
      const result = await renderInto(staging, fewer, { previousOutDir: linked, keptFiles });
      expect(result.reused).toBeGreaterThan(0);
      carryOutUpdate(staging, linked, await keptFiles.toRemove(new Set(listFilesSync(staging))));
      expect(result.htmlPages).toEqual(await listHtmlPages(linked));
      expect(result.htmlPages.length).toBeLessThan(rebuilt.htmlPages.length);
    } finally {
      await keptFiles.close();
    }
  });
});
