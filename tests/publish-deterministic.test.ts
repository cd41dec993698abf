import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const CLI = join(ROOT, 'src/cli/main.ts');

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

/** Runs `news-archive build` on a copy of the seeds, optionally with no network at all; returns the output folder. */
async function buildSeeds(options: { offline?: boolean; basePath?: string } = {}): Promise<{ out: string; status: number | null; stderr: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'news-archive-determinism-'));
  dirs.push(dir);
  await cp(join(ROOT, 'content'), join(dir, 'content'), { recursive: true });
  const out = join(dir, 'site');
  const command = [process.execPath, '--import', 'tsx', CLI, 'build', '--content', join(dir, 'content'), '--out', out, '--base-path', options.basePath ?? '/'];
  const [file, ...args] = options.offline ? ['unshare', '-n', ...command] : command;
  const run = spawnSync(file!, args, { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { out, status: run.status, stderr: run.stderr };
}

async function tree(dir: string): Promise<Map<string, Buffer>> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  const result = new Map<string, Buffer>();
  for (const e of files) result.set(join(e.parentPath, e.name).slice(dir.length + 1), await readFile(join(e.parentPath, e.name)));
  return result;
}

/** Whether this machine lets us take the network away (`unshare -n` needs root or user namespaces). */
const canGoOffline = spawnSync('unshare', ['-n', 'true']).status === 0;

describe('the whole build', { timeout: 120_000 }, () => {
  it('is byte-identical across two builds of the same content: pages, feeds, sitemap, search index', async () => {
    const [a, b] = await Promise.all([buildSeeds({ basePath: '/x/' }), buildSeeds({ basePath: '/x/' })]);
    expect(a.status, a.stderr).toBe(0);
    expect(b.status, b.stderr).toBe(0);
    const [ta, tb] = await Promise.all([tree(a.out), tree(b.out)]);
    expect([...ta.keys()].sort()).toEqual([...tb.keys()].sort());
    for (const file of ['feed.xml', 'sitemap.xml', 'robots.txt', 'pagefind/pagefind-entry.json']) expect(ta.has(file), file).toBe(true);
    const differing = [...ta].filter(([file, bytes]) => !bytes.equals(tb.get(file) ?? Buffer.alloc(0))).map(([file]) => file);
    expect(differing).toEqual([]);
  });

  it.skipIf(!canGoOffline)('builds with no network at all (Pagefind included)', async () => {
    const offline = await buildSeeds({ offline: true });
    expect(offline.status, offline.stderr).toBe(0);
    const files = await tree(offline.out);
    expect(files.has('pagefind/pagefind-ui.js')).toBe(true);
  });
});
