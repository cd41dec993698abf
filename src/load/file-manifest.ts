import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../report/diagnostics.js';
import type { FrontMatter } from './types.js';

/**
 * What the previous build learnt from each content file, so that a rebuild need not read a file that has not
 * changed (like git's index): the file's stamp (size, modification and change times in nanoseconds, inode,
 * device), the extraction cache's key for its text, and what loading it gave besides the text (front matter,
 * line offset, warnings). A file is taken as unchanged only when its stamp is the same and it was already
 * older than `RACY_MS` when it was read: a file written in the same instant as it was read (a timestamp can
 * stay the same through a quick second write) is read again, as is a file changed in place (its change time
 * moves even when its modification time is set back). Kept in the cache folder as `files.json`.
 */

/** A file modified less than this before it was read is read again next time (coarse or lagging timestamps). */
export const RACY_MS = 2000;
/** The manifest's file in the cache folder. */
export const FILE_MANIFEST = 'files.json';
const VERSION = 1;

/** What loading one file gave, except its text. */
export interface KnownFile {
  /** The extraction cache's key for the file's text (`contentDigest(text, version)`). */
  digest: string;
  frontMatter: FrontMatter;
  lineOffset: number;
  /** Warnings found while loading it (encoding, front matter, length). */
  diagnostics: Diagnostic[];
}

interface Entry extends KnownFile {
  stamp: string;
}

interface ManifestFile {
  version: number;
  /** The extraction cache's version the digests were taken for. */
  cacheVersion: string;
  files: Record<string, Entry>;
}

/** The stamp of a file (following symbolic links), or null when it cannot be read. */
export function fileStamp(path: string): { stamp: string; mtimeMs: number } | null {
  try {
    const s = statSync(path, { bigint: true });
    if (!s.isFile()) return null;
    return { stamp: `${s.size}:${s.mtimeNs}:${s.ctimeNs}:${s.ino}:${s.dev}`, mtimeMs: Number(s.mtimeNs / 1_000_000n) };
  } catch {
    return null;
  }
}

export class FileManifest {
  readonly #previous: Record<string, Entry>;
  readonly #next: Record<string, Entry> = {};
  readonly #path: string | null;
  readonly #cacheVersion: string;
  readonly #racyMs: number;

  private constructor(path: string | null, cacheVersion: string, previous: Record<string, Entry>, racyMs: number) {
    this.#path = path;
    this.#cacheVersion = cacheVersion;
    this.#previous = previous;
    this.#racyMs = racyMs;
  }

  /**
   * Reads the manifest in `cacheDir` (none when `cacheDir` is null, or the manifest is missing, damaged or
   * made for another cache version: every file is then read).
   */
  static open(cacheDir: string | null, cacheVersion: string, racyMs = RACY_MS): FileManifest {
    const path = cacheDir === null ? null : join(cacheDir, FILE_MANIFEST);
    let previous: Record<string, Entry> = {};
    if (path !== null) {
      try {
        const read = JSON.parse(readFileSync(path, 'utf8')) as Partial<ManifestFile>;
        if (read.version === VERSION && read.cacheVersion === cacheVersion && typeof read.files === 'object' && read.files !== null) previous = read.files;
      } catch {
        // none yet, or unreadable: every file is read
      }
    }
    return new FileManifest(path, cacheVersion, previous, racyMs);
  }

  /** What the previous build learnt from `file`, when its stamp (`fileStamp`, taken now) is unchanged since. */
  known(file: string, stamp: string): KnownFile | null {
    const entry = this.#previous[file];
    return entry !== undefined && entry.stamp === stamp ? entry : null;
  }

  /**
   * Notes what loading `file` gave, its stamp taken before it was read at `readAt` (ms since the epoch).
   * A file modified too shortly before it was read is not noted, so it is read again next time.
   */
  note(file: string, stamp: { stamp: string; mtimeMs: number }, readAt: number, known: KnownFile): void {
    if (stamp.mtimeMs > readAt - this.#racyMs) return;
    const previous = this.#previous[file];
    // The same stamp and text: what the previous build noted (`save` then knows nothing changed).
    this.#next[file] =
      previous !== undefined && previous.stamp === stamp.stamp && previous.digest === known.digest
        ? previous
        : { stamp: stamp.stamp, digest: known.digest, frontMatter: known.frontMatter, lineOffset: known.lineOffset, diagnostics: known.diagnostics };
  }

  /** True when the files noted are exactly the previous build's, each unchanged: the manifest would be written as it is. */
  #unchanged(): boolean {
    const files = Object.keys(this.#next);
    return files.length === Object.keys(this.#previous).length && files.every((file) => this.#next[file] === this.#previous[file]);
  }

  /**
   * Writes the files noted for the next build (replacing the manifest whole), unless they are the previous build's
   * unchanged. Never throws: without it the next build reads every file.
   */
  save(): void {
    if (this.#path === null || this.#unchanged()) return;
    const temp = `${this.#path}.${process.pid}.tmp`;
    try {
      const files: Record<string, Entry> = {};
      for (const file of Object.keys(this.#next).sort()) files[file] = this.#next[file]!;
      writeFileSync(temp, `${JSON.stringify({ version: VERSION, cacheVersion: this.#cacheVersion, files } satisfies ManifestFile)}\n`);
      renameSync(temp, this.#path);
    } catch {
      rmSync(temp, { force: true });
    }
  }
}
