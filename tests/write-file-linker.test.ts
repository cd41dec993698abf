import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileLinker, LINK_ON_THREAD_FROM, linkFiles, stopFileLinkers } from '../src/write/file-linker.js';
import { listHtmlPages } from '../src/publish/sitemap.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'news-archive-linker-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** `n` pages `articles/a<i>/index.html` in `from`, each holding its own name. */
async function pages(from: string, n: number): Promise<string[]> {
  const files: string[] = [];
  for (let i = 0; i < n; i += 1) {
    const file = `articles/a${i}/index.html`;
    await mkdir(join(from, 'articles', `a${i}`), { recursive: true });
    await writeFile(join(from, file), file);
    files.push(file);
  }
  return files;
}

describe('FileLinker', () => {
  it.each([
    ['on this thread', 3],
    ['on its thread', LINK_ON_THREAD_FROM + 5],
  ])('links each file %s, making its folders, and gives back those it could not', async (_where, n) => {
    const from = join(dir, 'old');
    const to = join(dir, 'new');
    await mkdir(to);
    const files = await pages(from, n);
    const linker = new FileLinker();
    try {
      const missing = await linker.link(from, to, [...files, 'articles/gone/index.html', 'speakers/x/feed.xml']);
      expect(missing).toEqual(['articles/gone/index.html', 'speakers/x/feed.xml']);
      for (const file of files) {
        expect(await readFile(join(to, file), 'utf8')).toBe(file);
        // A hard link: the same file, not a copy.
        expect((await stat(join(to, file))).ino).toBe((await stat(join(from, file))).ino);
      }
      // The folder of a missing page may be made (the page is then rendered into it).
      expect((await readdir(join(to, 'articles'))).filter((name) => name !== 'gone')).toHaveLength(n);
    } finally {
      await linker.close();
    }
  });

  it('lists the HTML pages on its thread as listHtmlPages does, after the links asked for before', async () => {
    const from = join(dir, 'old');
    const to = join(dir, 'new');
    await mkdir(join(to, 'pagefind'), { recursive: true });
    await writeFile(join(to, 'index.html'), '');
    await writeFile(join(to, 'pagefind', 'x.html'), '');
    await writeFile(join(to, 'feed.xml'), '');
    const files = await pages(from, LINK_ON_THREAD_FROM);
    const linker = new FileLinker();
    try {
      const linking = linker.link(from, to, files);
      const listed = await linker.listHtmlPages(to);
      expect(await linking).toEqual([]);
      expect(listed).toEqual(await listHtmlPages(to));
      expect(listed).toHaveLength(LINK_ON_THREAD_FROM + 1);
    } finally {
      await linker.close();
    }
  });

  it('lists every file of a folder on its thread (not its folders), as paths with forward slashes', async () => {
    const site = join(dir, 'site');
    await mkdir(join(site, 'articles', 'a'), { recursive: true });
    await mkdir(join(site, 'empty'));
    await writeFile(join(site, 'index.html'), '');
    await writeFile(join(site, 'articles', 'a', 'index.html'), '');
    await writeFile(join(site, '.news-archive'), '');
    const linker = new FileLinker();
    try {
      expect((await linker.listFiles(site)).sort()).toEqual(['.news-archive', 'articles/a/index.html', 'index.html']);
      await expect(linker.listFiles(join(dir, 'none'))).rejects.toThrow(/ENOENT/);
    } finally {
      await linker.close();
    }
  });

  it('rejects a listing that fails, and stops: nothing is linked once stopFileLinkers has resolved', async () => {
    const linker = new FileLinker();
    await expect(linker.listHtmlPages(join(dir, 'none'))).rejects.toThrow(/ENOENT/);
    const from = join(dir, 'old');
    const to = join(dir, 'new');
    await mkdir(to);
    const files = await pages(from, LINK_ON_THREAD_FROM);
    void linker.link(from, to, files);
    await stopFileLinkers();
    const linked = (await readdir(join(to, 'articles')).catch(() => [])).length;
    await new Promise((done) => setTimeout(done, 100));
    expect((await readdir(join(to, 'articles')).catch(() => [])).length).toBe(linked);
  });
});

describe('linkFiles', () => {
  it('copies what it cannot link, and links into folders already there', async () => {
    const from = join(dir, 'old');
    const to = join(dir, 'new');
    const files = await pages(from, 2);
    await mkdir(join(to, 'articles', 'a0'), { recursive: true });
    expect(linkFiles(from, to, files)).toEqual([]);
    expect(await readFile(join(to, 'articles', 'a1', 'index.html'), 'utf8')).toBe('articles/a1/index.html');
    // A file already there is not written into (it may be a link to the live site's): neither linked nor copied over.
    await writeFile(join(from, 'x.html'), 'new');
    await writeFile(join(to, 'x.html'), 'old');
    expect(linkFiles(from, to, ['x.html'])).toEqual([0]);
    expect(await readFile(join(to, 'x.html'), 'utf8')).toBe('old');
  });
});
