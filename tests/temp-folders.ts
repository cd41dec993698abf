import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/** A test file's temporary folders (named `prefix…`), all removed once its tests are done: `const tempDir = tempFolders('news-archive-x-')`. */
export function tempFolders(prefix: string): () => Promise<string> {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });
  return async () => {
    const dir = await mkdtemp(join(tmpdir(), prefix));
    dirs.push(dir);
    return dir;
  };
}

/** Every file under `dir` with its bytes, keyed by its path from `dir` (starting with the separator), in path order. */
export async function fileTree(dir: string): Promise<Map<string, Buffer>> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  const out = new Map<string, Buffer>();
  for (const e of files) out.set(join(e.parentPath, e.name).slice(dir.length), await readFile(join(e.parentPath, e.name)));
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : 1)));
}
