import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearExcept } from '../src/write/clear-except.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'news-archive-clear-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function tree(root: string): Promise<string[]> {
  return (await readdir(root, { recursive: true })).map(String).sort();
}

describe('clearExcept', () => {
  it('deletes every file but those kept, and every folder left empty', async () => {
    const root = join(dir, 'site');
    const files = ['index.html', 'records.json', 'articles/a/index.html', 'articles/b/index.html', 'speakers/x/index.html', 'speakers/x/feed.xml', 'pagefind/f/1.pf', 'deep/er/still/here.txt'];
    for (const file of files) {
      await mkdir(join(root, file, '..'), { recursive: true });
      await writeFile(join(root, file), file);
    }
    await mkdir(join(root, 'empty', 'folder'), { recursive: true });
    // A link named like a kept page is not kept: only regular files are.
    await mkdir(join(root, 'articles', 'c'));
    await symlink(join(root, 'records.json'), join(root, 'articles', 'c', 'index.html'));
    const keep = new Set(['articles/a/index.html', 'speakers/x/index.html', 'articles/c/index.html', 'articles/missing/index.html']);
    const found = await clearExcept(root, keep);
    expect([...found].sort()).toEqual(['articles/a/index.html', 'speakers/x/index.html']);
    expect(await tree(root)).toEqual(['articles', 'articles/a', 'articles/a/index.html', 'speakers', 'speakers/x', 'speakers/x/index.html']);
    expect(await readFile(join(root, 'articles', 'a', 'index.html'), 'utf8')).toBe('articles/a/index.html');
  });

  it('empties a folder when nothing is kept, and leaves the folder itself', async () => {
    const root = join(dir, 'other');
    await mkdir(join(root, 'a', 'b'), { recursive: true });
    await writeFile(join(root, 'a', 'b', 'c.html'), 'c');
    expect((await clearExcept(root, new Set())).size).toBe(0);
    expect(await readdir(root)).toEqual([]);
  });

  it('leaves alone a top-level folder in use (the search index being written), and only at the top', async () => {
    const root = join(dir, 'in-use');
    for (const file of ['pagefind/fragment/1.pf', 'pagefind/index.json', 'articles/a/index.html', 'articles/pagefind/index.html']) {
      await mkdir(join(root, file, '..'), { recursive: true });
      await writeFile(join(root, file), file);
    }
    const found = await clearExcept(root, new Set(['articles/a/index.html']), ['pagefind']);
    expect([...found]).toEqual(['articles/a/index.html']);
    expect(await tree(root)).toEqual(['articles', 'articles/a', 'articles/a/index.html', 'pagefind', 'pagefind/fragment', 'pagefind/fragment/1.pf', 'pagefind/index.json']);
  });
});
