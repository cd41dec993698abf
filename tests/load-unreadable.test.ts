import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

// Permissions do not stop root, who runs CI: make one folder unreadable by refusing to list it.
vi.mock('node:fs/promises', async (original) => {
  const real = await original<typeof import('node:fs/promises')>();
  const readdir = ((path: string, options: unknown) => {
    if (String(path).endsWith('locked')) return Promise.reject(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }));
    return (real.readdir as (p: string, o: unknown) => Promise<unknown>)(path, options);
  }) as typeof real.readdir;
  return { ...real, readdir, default: { ...real, readdir } };
});

const { loadContent } = await import('../src/load/load-content.js');

let dir: string | null = null;
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('a folder that cannot be read', () => {
  it('is an error naming it, counts as left out, and the other articles load', async () => {
    dir = await mkdtemp(join(tmpdir(), 'news-archive-locked-'));
    await mkdir(join(dir, 'locked'));
    await writeFile(join(dir, 'locked', 'hidden.txt'), 'A headline\n');
    await writeFile(join(dir, 'open.txt'), 'An open headline\n');
    const result = await loadContent(dir);
    expect(result.articles.map((a) => a.file)).toEqual(['open.txt']);
    expect(result.leftOut).toEqual(['locked']);
    expect(result.diagnostics).toEqual([expect.objectContaining({ file: 'locked', severity: 'error', ruleId: 'load:unreadable' })]);
  });
});
