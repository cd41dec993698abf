import { lstat, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, isAbsolute } from 'node:path';
import { NewsArchiveError, UsageError } from '../report/errors.js';
import type { KeptFiles } from './kept-files.js';
import { listFilesSync } from './list-files.js';
import { beginUpdate, carryOutUpdate, resumeUpdate } from './update-in-place.js';

/** The file that marks an output folder as written by news-archive, and so safe to replace. */
export const MARKER_FILE = '.news-archive';
const MARKER_TEXT = 'This folder is written by news-archive and replaced whole on every build. Do not keep your own files in it.\n';

/** A site being built beside `--out`, swapped in (or carried into it) only when complete. */
export interface StagedOutput {
  /** The final output folder. */
  outDir: string;
  /** Where this build writes; beside `outDir`. */
  stagingDir: string;
  /** `outDir` when it holds a previous build (whose unchanged files may be kept), else null. */
  previous: string | null;
  /**
   * Puts the finished site in place. With no `kept` files (or none kept), the staging folder is the whole site and
   * replaces `outDir` (old → trash, new → out, trash removed). Otherwise it holds only what changed, and `outDir` is
   * updated in place (`update-in-place.ts`): its kept files stay, the staging folder's are moved in, the rest removed.
   */
  commit(kept?: KeptFiles | null): Promise<void>;
  /** Removes the staging folder, leaving `outDir` as it was. Never throws. */
  discard(): Promise<void>;
}

/** Beginning of the names of the folders a build keeps beside `--out`; `.gitignore` ignores them. */
const PREFIX = '.news-archive-';
const STAGING = 'building';
const TRASH = 'old';

function isInside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Folders a killed build left beside `outDir`: `.news-archive-NAME.building-PID` and `.news-archive-NAME.old-PID` (ignored by git). */
async function leftovers(parent: string, name: string): Promise<Array<{ path: string; kind: string; pid: number }>> {
  let entries: string[];
  try {
    entries = await readdir(parent);
  } catch {
    return [];
  }
  const pattern = new RegExp(`^${PREFIX.replace('.', '\\.')}${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(${STAGING}|${TRASH})-(\\d+)$`);
  return entries
    .sort()
    .flatMap((entry) => {
      const m = pattern.exec(entry);
      return m ? [{ path: join(parent, entry), kind: m[1]!, pid: Number(m[2]) }] : [];
    });
}

/**
 * Puts back a site a killed build had moved aside, carries through an update in place a killed build had begun
 * (`resumeUpdate`), and removes what killed builds left behind.
 */
async function recover(outDir: string): Promise<void> {
  const parent = dirname(outDir);
  const name = basename(outDir);
  for (const left of await leftovers(parent, name)) {
    if (isAlive(left.pid)) continue;
    if (left.kind === TRASH && !(await exists(outDir))) {
      await rename(left.path, outDir);
    } else if (!(left.kind === STAGING && (await exists(outDir)) && resumeUpdate(left.path, outDir))) {
      await rm(left.path, { recursive: true, force: true });
    }
  }
}

/**
 * Checks that `--out` may be replaced by a build, without changing anything. Throws a `UsageError` (exit status 2)
 * for an `--out` that is not empty and was not written by news-archive, that is not a folder, that is the
 * file-system root, or that holds the content folder or lies inside it.
 */
export async function checkOutputDir(out: string, contentDir: string): Promise<void> {
  const outDir = resolve(out);
  if (dirname(outDir) === outDir) throw new UsageError(`refusing to write the site to '${out}', the root of the file system; choose a folder such as _site`);
  const content = resolve(contentDir);
  if (isInside(content, outDir)) {
    throw new UsageError(`refusing to write the site to '${out}': it holds the content folder '${contentDir}', which would be replaced; choose another --out such as _site`);
  }
  if (isInside(outDir, content)) {
    throw new UsageError(`refusing to write the site to '${out}': it is inside the content folder '${contentDir}'; choose an --out outside it, such as _site`);
  }
  let info;
  try {
    info = await lstat(outDir);
  } catch {
    return;
  }
  if (!info.isDirectory()) throw new UsageError(`refusing to replace '${out}': it is not a folder; choose another --out or remove it yourself`);
  const entries = await readdir(outDir);
  if (entries.length > 0 && !entries.includes(MARKER_FILE)) {
    throw new UsageError(
      `refusing to replace '${out}': it is not empty and was not written by news-archive (no ${MARKER_FILE} file in it); choose an empty or new --out, or empty it yourself`,
    );
  }
}

/**
 * Checks that `--out` may be replaced (see `checkOutputDir`), and creates the staging folder beside it.
 * Refuses (exit status 2, nothing deleted) an `--out` that is not empty and was not written by news-archive,
 * that is the file-system root, or that holds the content folder or lies inside it.
 */
export async function stageOutput(out: string, contentDir: string): Promise<StagedOutput> {
  const outDir = resolve(out);
  const parent = dirname(outDir);
  const name = basename(outDir);
  await checkOutputDir(out, contentDir);
  await recover(outDir);
  // A killed build may have just been undone: check again what is there now.
  await checkOutputDir(out, contentDir);

  const stagingDir = join(parent, `${PREFIX}${name}.${STAGING}-${process.pid}`);
  try {
    await mkdir(parent, { recursive: true });
    await rm(stagingDir, { recursive: true, force: true });
    await mkdir(stagingDir);
    await writeFile(join(stagingDir, MARKER_FILE), MARKER_TEXT);
  } catch (cause) {
    throw new NewsArchiveError(`cannot create the build folder '${stagingDir}' beside --out; check that '${parent}' is writable`, { cause });
  }

  let previous: string | null = null;
  try {
    if ((await readdir(outDir)).includes(MARKER_FILE)) previous = outDir;
  } catch {
    previous = null;
  }
  let settled = false;
  return {
    outDir,
    stagingDir,
    previous,
    async commit(kept: KeptFiles | null = null) {
      try {
        if (kept !== null && kept.size > 0) {
          // The staging folder lacks the kept files: without the live site there is nothing to complete it with.
          if (!(await exists(outDir))) throw new NewsArchiveError(`the site in '${out}' was removed during the build, which kept files of it; build again`);
          const staged = listFilesSync(stagingDir);
          const remove = await kept.toRemove(new Set(staged));
          // Interrupted meanwhile: the staging folder is gone, and the live site untouched.
          if (settled) throw new Error('the build was interrupted');
          // From here on the update is carried through (by the next build, should this one be killed), and synchronously.
          beginUpdate(stagingDir, remove);
          settled = true;
          try {
            carryOutUpdate(stagingDir, outDir, remove, staged);
          } catch (cause) {
            throw new NewsArchiveError(`cannot update the site in '${out}' in place; check permissions on it: the next build completes the update from '${stagingDir}'`, { cause });
          }
          return;
        }
        const trash = join(parent, `${PREFIX}${name}.${TRASH}-${process.pid}`);
        const hadOld = await exists(outDir);
        if (hadOld) await rename(outDir, trash);
        try {
          await rename(stagingDir, outDir);
        } catch (cause) {
          if (hadOld) await rename(trash, outDir);
          throw cause;
        }
        settled = true;
        if (hadOld) await rm(trash, { recursive: true, force: true });
      } catch (cause) {
        if (cause instanceof NewsArchiveError) throw cause;
        throw new NewsArchiveError(`cannot move the finished site into '${out}'; the previous site is unchanged, check permissions on '${parent}'`, { cause });
      }
    },
    async discard() {
      if (settled) return;
      settled = true;
      await rm(stagingDir, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
    },
  };
}
