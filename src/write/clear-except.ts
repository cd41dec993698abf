import { readdirSync, rmdirSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';

/** Folders read between two turns of the event loop (so progress is drawn and Ctrl-C is heard). */
const FOLDERS_AT_ONCE = 500;

/**
 * Empties `root` of everything but the files named in `keep` (paths relative to `root`, forward slashes):
 * every other file (or link, or anything that is not a folder) is deleted, then every folder left empty. Used on
 * a recycled staging folder (`StagedOutput.recycled`) before anything is written into it: a file kept from an
 * earlier build may be a hard link to a file of the site being served, so it must be one that no one writes
 * again, and every file that is written again must be a new one. Returns the files of `keep` that were there.
 * The top-level folders named in `foldersInUse` are left as they are: someone else is writing into them.
 */
export async function clearExcept(root: string, keep: ReadonlySet<string>, foldersInUse: readonly string[] = []): Promise<Set<string>> {
  let folders = 0;
  const kept = new Set<string>();
  /** Clears one folder; true when it is left empty. */
  const clear = async (rel: string): Promise<boolean> => {
    if (++folders % FOLDERS_AT_ONCE === 0) await new Promise((next) => setImmediate(next));
    const dir = rel === '' ? root : join(root, rel);
    let left = 0;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (rel === '' && foldersInUse.includes(entry.name)) {
        left += 1;
      } else if (entry.isDirectory()) {
        if (await clear(path)) rmdirSync(join(root, path));
        else left += 1;
      } else if (entry.isFile() && keep.has(path)) {
        left += 1;
        kept.add(path);
      } else {
        unlinkSync(join(root, path));
      }
    }
    return left === 0;
  };
  await clear('');
  return kept;
}
