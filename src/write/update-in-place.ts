import { lstatSync, mkdirSync, readFileSync, renameSync, rmdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { listFilesSync } from './list-files.js';

/**
 * Updating the live site in place from a staging folder that holds only what changed (see `KeptFiles`): each new or
 * changed file is renamed over the live one (every file of the site is whole at every moment: the old or the new),
 * then the files that are no longer part of the site are removed. Before anything is moved, the list of files to
 * remove is written into the staging folder (the journal): from then on the update is carried through even if the
 * build is killed, by the next build (`resumeUpdate`), since the staging folder holds every new file.
 */

/** The journal, in the staging folder: the files of the live site to remove once the new ones are moved in. */
export const UPDATE_JOURNAL = '.news-archive-update.json';

interface Journal {
  version: 1;
  remove: string[];
}

/** Writes the journal (whole or not at all): from now on, the update is to be carried through. */
export function beginUpdate(stagingDir: string, remove: readonly string[]): void {
  const journal: Journal = { version: 1, remove: [...remove] };
  const part = join(stagingDir, `${UPDATE_JOURNAL}.part`);
  writeFileSync(part, JSON.stringify(journal));
  renameSync(part, join(stagingDir, UPDATE_JOURNAL));
}

/** How deep a path is: files deeper in the site are moved in first. */
const depth = (file: string): number => file.split('/').length;

/**
 * Moves every file of `stagingDir` (but the journal; `staged`, when the caller has listed them) to the same place in
 * `outDir`, replacing what is there; then removes the files of `remove` from `outDir` and the folders they leave
 * empty; then removes `stagingDir`. The
 * deepest files go first: an article's page before the index pages that link to it, a search fragment before the
 * index that names it. Synchronous: nothing else runs on this thread meanwhile (a signal's handler included).
 * Safe to run again on what an interrupted run left (a file already moved is no longer in `stagingDir`).
 */
export function carryOutUpdate(stagingDir: string, outDir: string, remove: readonly string[], staged: readonly string[] = listFilesSync(stagingDir)): void {
  const files = staged.filter((file) => file !== UPDATE_JOURNAL && file !== `${UPDATE_JOURNAL}.part`);
  files.sort((a, b) => depth(b) - depth(a) || (a < b ? -1 : a > b ? 1 : 0));
  for (const file of files) moveInto(join(stagingDir, file), outDir, file);
  for (const file of remove) removeFromSite(outDir, file);
  rmSync(stagingDir, { recursive: true, force: true });
}

/**
 * Carries through the update a killed build began in `stagingDir` (it holds a journal): true when it did; false when
 * there is none (the build was killed before its update began: the staging folder is to be discarded).
 */
export function resumeUpdate(stagingDir: string, outDir: string): boolean {
  let journal: Partial<Journal>;
  try {
    journal = JSON.parse(readFileSync(join(stagingDir, UPDATE_JOURNAL), 'utf8')) as Partial<Journal>;
  } catch {
    return false;
  }
  if (journal.version !== 1 || !Array.isArray(journal.remove)) return false;
  carryOutUpdate(stagingDir, outDir, journal.remove);
  return true;
}

function isFolder(path: string): boolean {
  try {
    return lstatSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Makes the folder `rel` of `root` and those above it, removing any file in the way (a page that became a folder). */
function makeFolders(root: string, rel: string): void {
  if (rel === '.' || rel === '') return;
  const path = join(root, rel);
  if (isFolder(path)) return;
  makeFolders(root, dirname(rel));
  rmSync(path, { force: true });
  mkdirSync(path);
}

/** Renames `from` to `file` in `outDir`, making the folders it needs, replacing a folder in the way. */
function moveInto(from: string, outDir: string, file: string): void {
  const to = join(outDir, file);
  try {
    renameSync(from, to);
    return;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EISDIR' || code === 'ENOTEMPTY' || code === 'EEXIST') rmSync(to, { recursive: true, force: true });
    else if (code === 'ENOENT' || code === 'ENOTDIR') makeFolders(outDir, dirname(file));
    else throw error;
  }
  renameSync(from, to);
}

/** Removes `file` from `outDir` (gone already: nothing to do), then the folders above it left empty. */
function removeFromSite(outDir: string, file: string): void {
  try {
    unlinkSync(join(outDir, file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR' && code !== 'EISDIR') throw error;
  }
  for (let dir = dirname(file); dir !== '.' && dir !== ''; dir = dirname(dir)) {
    try {
      rmdirSync(join(outDir, dir));
    } catch {
      break;
    }
  }
}
