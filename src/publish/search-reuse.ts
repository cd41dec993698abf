import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, link, mkdir, readdir, rm } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KeptFiles } from '../write/kept-files.js';
import type { SearchPage } from './search-records.js';

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
  /** sha256 of everything the shard is built from (`shardDigest`). */
  digest: string;
}

export const MANIFEST_FILE = 'pagefind/shards.json';

/**
 * The digest of a shard: what its records are made by (`indexingDigest`), the bundle's place and kind, and what
 * each record is built from (`SearchPage.source`), in order. A record is a function of these, so two shards with
 * the same digest are indexed alike, and a rebuild builds records only for the shards it indexes.
 */
export function shardDigest(indexing: string, bundle: string, pages: readonly SearchPage[]): string {
  const hash = createHash('sha256').update(JSON.stringify({ indexing, bundle })).update('\n');
  for (const page of pages) hash.update(page.source()).update('\n');
  return hash.digest('hex');
}

/** The modules a record or a bundle is made by, beside this one (`.js` in `dist/`, `.ts` as source). */
const INDEXING_MODULES = ['./search-records', './plain-body-text', './search-language', './search-pagefind', '../render/format-date', '../render/plain-markdown'];

/**
 * Everything a shard's files depend on besides its pages: this code's version, the text of the modules that
 * make records and bundles, and the versions of Pagefind and of the Markdown parser. Read synchronously (a few
 * small files), like `previousDigests`: the search index can then hand its first shards to Pagefind at once.
 */
export function indexingDigest(): { digest: string; pagefind: string } {
  const extension = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  const hash = createHash('sha256').update(`${SEARCH_INDEX_VERSION}\n`);
  for (const module of INDEXING_MODULES) hash.update(readFileSync(fileURLToPath(new URL(`${module}${extension}`, import.meta.url)))).update('\n');
  const [pagefind, remarkParse] = [packageVersion('pagefind'), packageVersion('remark-parse')];
  hash.update(`pagefind ${pagefind}\nremark-parse ${remarkParse}\n`);
  return { digest: hash.digest('hex'), pagefind };
}

/** The version of an installed package: its package.json, found the way Node resolves its name from here. */
function packageVersion(name: string): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const file = join(dir, 'node_modules', name, 'package.json');
    if (existsSync(file)) {
      const { version } = JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown };
      return typeof version === 'string' ? version : 'unknown';
    }
    if (dirname(dir) === dir) return 'unknown';
  }
}

/** The previous build's shard digests by bundle folder; none when there is no previous site or its list is unreadable. */
export function previousDigests(previousOutDir: string | null | undefined): Map<string, string> {
  const digests = new Map<string, string>();
  if (!previousOutDir) return digests;
  try {
    const manifest = JSON.parse(readFileSync(join(previousOutDir, ...MANIFEST_FILE.split('/')), 'utf8')) as Partial<ShardManifest>;
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
      .filter((file) => !primary || !isOtherShards(file.split(sep).join('/')))
      .sort();
    // Each folder made once (a bundle is a few folders of many files), then the files linked several at a time.
    for (const folder of [...new Set(files.map((file) => dirname(join(toDir, file))))].sort()) await mkdir(folder, { recursive: true });
    let next = 0;
    const lane = async (): Promise<void> => {
      while (next < files.length) {
        const file = files[next++]!;
        const to = join(toDir, file);
        try {
          await link(join(fromDir, file), to);
        } catch {
          await copyFile(join(fromDir, file), to);
        }
        done.push(to);
      }
    };
    const settled = await Promise.allSettled(Array.from({ length: LINKS_AT_ONCE }, lane));
    for (const s of settled) if (s.status === 'rejected') throw s.reason;
    return true;
  } catch {
    await Promise.all(done.map((file) => rm(file, { force: true })));
    return false;
  }
}

/**
 * Takes the previous build's shard bundle `bundle` (relative to the site, ending in `/`) from the site in `previousOutDir`:
 * kept there (`kept`: the site is updated in place), or linked into `outputPath` (`reuseBundle`). True when it did.
 */
export async function takeBundle(previousOutDir: string, kept: KeptFiles | null, bundle: string, outputPath: string, primary: boolean): Promise<boolean> {
  if (kept === null) return reuseBundle(join(previousOutDir, ...bundle.split('/')), outputPath, primary);
  return kept.keepFolder(bundle, 'pagefind-entry.json', (file) => primary && isOtherShards(file));
}

/** In the primary bundle, what belongs to the other shards: their folders and their list. */
const isOtherShards = (file: string): boolean => file === 'shards.json' || file.startsWith('shards/');

/** Files linked at the same time: the links are made on libuv's threads, so several at once keep them busy. */
const LINKS_AT_ONCE = 16;
