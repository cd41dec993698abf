import { lstat, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, isAbsolute } from 'node:path';
import { NewsArchiveError, UsageError } from '../report/errors.js';

/** The file that marks an output folder as written by news-archive, and so safe to replace. */
export const MARKER_FILE = '.news-archive';
const MARKER_TEXT = 'This folder is written by news-archive and replaced whole on every build. Do not keep your own files in it.\n';

/** A site being built beside `--out`, swapped in only when complete. */
export interface StagedOutput {
  /** The final output folder. */
  outDir: string;
  /** Where this build writes; beside `outDir`. */
  stagingDir: string;
  /** `outDir` when it holds a previous build (whose unchanged pages may be reused), else null. */
  previous: string | null;
  /**
   * True when `stagingDir` is not empty but holds an earlier build's site (the spare, see `StageOptions.spareDir`),
   * to be updated in place: whoever writes into it must first remove every file it does not keep (`clearExcept`).
   */
  recycled: boolean;
  /** Replaces `outDir` with the finished staging folder: old → trash, new → out, trash removed. */
  commit(): Promise<void>;
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

/** Puts back a site a killed build had moved aside, and removes what killed builds left behind. */
async function recover(outDir: string): Promise<void> {
  const parent = dirname(outDir);
  const name = basename(outDir);
  for (const left of await leftovers(parent, name)) {
    if (isAlive(left.pid)) continue;
    if (left.kind === TRASH && !(await exists(outDir))) {
      await rename(left.path, outDir);
    } else {
      await rm(left.path, { recursive: true, force: true });
    }
  }
}

/** Keeps the replaced site as the spare for the next build (replacing an older spare), or removes it. */
async function keepOrRemove(trash: string, spareDir: string | null): Promise<void> {
  if (spareDir !== null) {
    try {
      await rm(spareDir, { recursive: true, force: true });
      await mkdir(dirname(spareDir), { recursive: true });
      await rename(trash, spareDir);
      return;
    } catch {
      // not kept: removed below
    }
  }
  await rm(trash, { recursive: true, force: true });
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

export interface StageOptions {
  /**
   * Where the site replaced by `commit` is kept for the next build, instead of being deleted: that build takes
   * it as its staging folder and updates it in place (`recycled`), so that pages unchanged across both builds
   * cost no file-system work at all, where a new folder costs a folder and a link per page to make and as many
   * to delete. Inside the cache folder (beside `--out`, on the same file system). Null (the default): none.
   */
  spareDir?: string | null;
}

/**
 * Checks that `--out` may be replaced (see `checkOutputDir`), and creates the staging folder beside it.
 * Refuses (exit status 2, nothing deleted) an `--out` that is not empty and was not written by news-archive,
 * that is the file-system root, or that holds the content folder or lies inside it.
 */
export async function stageOutput(out: string, contentDir: string, options: StageOptions = {}): Promise<StagedOutput> {
  const spareDir = options.spareDir ?? null;
  const outDir = resolve(out);
  const parent = dirname(outDir);
  const name = basename(outDir);
  await checkOutputDir(out, contentDir);
  await recover(outDir);
  // A killed build may have just been undone: check again what is there now.
  await checkOutputDir(out, contentDir);

  const stagingDir = join(parent, `${PREFIX}${name}.${STAGING}-${process.pid}`);
  let recycled = false;
  try {
    await mkdir(parent, { recursive: true });
    await rm(stagingDir, { recursive: true, force: true });
    if (spareDir !== null) {
      // The spare is taken by renaming it: two builds can never both take it.
      recycled = await rename(spareDir, stagingDir).then(
        () => true,
        () => false,
      );
    }
    // Only a real folder is a spare (not a file or a link someone put there).
    if (recycled && !(await lstat(stagingDir)).isDirectory()) {
      await rm(stagingDir, { recursive: true, force: true });
      recycled = false;
    }
    if (!recycled) await mkdir(stagingDir);
    await rm(join(stagingDir, MARKER_FILE), { force: true });
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
    recycled,
    async commit() {
      const trash = join(parent, `${PREFIX}${name}.${TRASH}-${process.pid}`);
      try {
        // The marker, in case whoever updated a recycled folder in place removed it with the rest.
        if (!(await exists(join(stagingDir, MARKER_FILE)))) await writeFile(join(stagingDir, MARKER_FILE), MARKER_TEXT);
        const hadOld = await exists(outDir);
        if (hadOld) await rename(outDir, trash);
        try {
          await rename(stagingDir, outDir);
        } catch (cause) {
          if (hadOld) await rename(trash, outDir);
          throw cause;
        }
        settled = true;
        if (hadOld) await keepOrRemove(trash, spareDir);
      } catch (cause) {
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
