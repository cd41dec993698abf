import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, link, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SearchRecord } from './search-records.js';

/**
 * What lets a rebuild keep the search shards whose pages did not change: each shard's digest, kept in the
 * site's shard list (`pagefind/shards.json`), and copying a shard's files from the previous site.
 */

/** Bump when the records or the bundles written from them change for the same archive. */
export const SEARCH_INDEX_VERSION = 1;

/** The shard list, `pagefind/shards.json`: read by the search page (to merge the shards) and by the next build. */
export interface ShardManifest {
  version: number;
  /** Pagefind's version (its npm package's). */
  pagefind: string;
  shards: ShardEntry[];
}

export interface ShardEntry {
  key: string;
  /** The shard's bundle folder, relative to the site root: `pagefind/` for the first (primary) shard, `pagefind/shards/<key>/` for the others. */
  bundle: string;
  pages: number;
  /** sha256 of everything the shard is built from. */
  digest: string;
}

export const MANIFEST_FILE = 'pagefind/shards.json';

/** The digest of a shard: this code's version, Pagefind's, the bundle's place and kind, and the records as indexed, in order. */
export function shardDigest(pagefindVersion: string, bundle: string, records: readonly SearchRecord[]): string {
  const hash = createHash('sha256').update(JSON.stringify({ SEARCH_INDEX_VERSION, pagefindVersion, bundle })).update('\n');
  for (const record of records) hash.update(JSON.stringify(record)).update('\n');
  return hash.digest('hex');
}

/** The version of the installed Pagefind: its package.json, found the way Node resolves `pagefind` from here. */
export async function pagefindVersion(): Promise<string> {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const file = join(dir, 'node_modules', 'pagefind', 'package.json');
    if (existsSync(file)) {
      const { version } = JSON.parse(await readFile(file, 'utf8')) as { version?: unknown };
      return typeof version === 'string' ? version : 'unknown';
    }
    if (dirname(dir) === dir) return 'unknown';
  }
}

/** The previous build's shard digests by bundle folder; none when there is no previous site or its list is unreadable. */
export async function previousDigests(previousOutDir: string | null | undefined): Promise<Map<string, string>> {
  const digests = new Map<string, string>();
  if (!previousOutDir) return digests;
  try {
    const manifest = JSON.parse(await readFile(join(previousOutDir, ...MANIFEST_FILE.split('/')), 'utf8')) as Partial<ShardManifest>;
    if (manifest.version !== SEARCH_INDEX_VERSION || !Array.isArray(manifest.shards)) return digests;
    for (const entry of manifest.shards) if (typeof entry?.bundle === 'string' && typeof entry.digest === 'string') digests.set(entry.bundle, entry.digest);
  } catch {
    // No previous list (first build, or a site built before sharding): every shard is indexed.
  }
  return digests;
}

/**
 * Puts a previous build's shard bundle into the new site: hard links (a copy where linking fails) of its files,
 * leaving out, in the primary bundle `pagefind/`, the other shards and the shard list. True when it did; false
 * (and nothing left behind) when the bundle is missing or incomplete.
 */
export async function reuseBundle(fromDir: string, toDir: string, primary: boolean): Promise<boolean> {
  if (!existsSync(join(fromDir, 'pagefind-entry.json'))) return false;
  const done: string[] = [];
  try {
    const entries = await readdir(fromDir, { recursive: true, withFileTypes: true });
    const files = entries
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name).slice(fromDir.length + 1))
      .filter((file) => !primary || !(file === 'shards.json' || file.startsWith(`shards${sep}`)))
      .sort();
    for (const file of files) {
      const to = join(toDir, file);
      await mkdir(dirname(to), { recursive: true });
      try {
        await link(join(fromDir, file), to);
      } catch {
        await copyFile(join(fromDir, file), to);
      }
      done.push(to);
    }
    return true;
  } catch {
    await Promise.all(done.map((file) => rm(file, { force: true })));
    return false;
  }
}
