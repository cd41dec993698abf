import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BUILD = fileURLToPath(new URL('../dist/src/build/build.js', import.meta.url));
const RENDER_WORKER = fileURLToPath(new URL('../dist/src/render/render-worker.js', import.meta.url));
const RUN_ELEVENTY = fileURLToPath(new URL('../dist/src/render/run-eleventy.js', import.meta.url));

/** The modules resolved when `build.js` (compiled) is imported, as URLs: a resolve hook in a fresh process records them. */
function modulesLoadedBy(file: string): string[] {
  const hook = `export async function resolve(s, c, next) { const r = await next(s, c); process.send?.(r.url); console.log('MODULE ' + r.url); return r; }`;
  const register = `import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hook)}`)});`;
  const run = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(register)}`, '--input-type=module', '-e', `await import(${JSON.stringify(file)});`], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout.split('\n').filter((l) => l.startsWith('MODULE ')).map((l) => l.slice('MODULE '.length));
}

describe('start-up', () => {
  it('does not load Eleventy, the extractor or gray-matter until a build needs them (a rebuild from the cache may need none)', () => {
    const loaded = modulesLoadedBy(BUILD);
    // The hook sees the modules: the build's own are there.
    expect(loaded.some((url) => url.endsWith('/dist/src/render/render-site.js'))).toBe(true);
    expect(loaded.filter((url) => url.includes('/node_modules/@11ty/eleventy/'))).toEqual([]);
    // The extractor's data (the gazetteer the archive reads names with) may be loaded; its code is not.
    expect(loaded.filter((url) => /\/dist\/src\/extract\/(index|extract-article)\.js$|\/dist\/src\/extract\/(plugins|people|quotes)\//.test(url))).toEqual([]);
    expect(loaded.filter((url) => url.includes('/node_modules/gray-matter/'))).toEqual([]);
  });

  it("loads Eleventy without its module resolver hook, which would put every later import through a thread of Node's", () => {
    // The hook's thread is a thread more in the process once Eleventy is loaded (Linux lists a process's threads).
    const script = `
      import { readdirSync } from 'node:fs';
      import { readFile } from 'node:fs/promises';
      const threads = () => readdirSync('/proc/self/task').length;
      // libuv's pool of threads, started by the first asynchronous file operation, is there before the count.
      await Promise.all(Array.from({ length: 8 }, () => readFile(${JSON.stringify(RUN_ELEVENTY)})));
      const before = threads();
      const { loadEleventy } = await import(${JSON.stringify(RUN_ELEVENTY)});
      const direct = process.argv[1] === 'direct';
      if (direct) await import('@11ty/eleventy'); else await loadEleventy();
      console.log(JSON.stringify({ added: threads() - before, skip: process.env.ELEVENTY_SKIP_ESM_RESOLVER ?? null }));`;
    const run = (how: string): { added: number; skip: string | null } => {
      const child = spawnSync(process.execPath, ['--input-type=module', '-e', script, how], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, ELEVENTY_SKIP_ESM_RESOLVER: undefined } });
      expect(child.status, child.stderr).toBe(0);
      return JSON.parse(child.stdout.trim()) as { added: number; skip: string | null };
    };
    // Imported directly, Eleventy starts the hook's thread: the count can tell.
    expect(run('direct')).toEqual({ added: 1, skip: null });
    expect(run('ours')).toEqual({ added: 0, skip: '1' });
  });

  it('starts loading Eleventy in a render worker as soon as the worker starts, before its first job', () => {
    // Imported outside a worker, the module has no job to wait for: what it loads is what it loads at start.
    const loaded = modulesLoadedBy(RENDER_WORKER);
    expect(loaded.some((url) => url.includes('/node_modules/@11ty/eleventy/'))).toBe(true);
  });
});
