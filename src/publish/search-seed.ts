import { createHash } from 'node:crypto';
import { linkSync, mkdirSync, readdirSync, readFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/**
 * Re-indexing a shard without compressing again what did not change. Pagefind names its fragments, word indexes
 * and filter indexes (`fragment/*.pf_fragment`, `index/*.pf_index`, `filter/*.pf_filter`) by a digest of their
 * content, and does not write (nor gzip at level 9, most of its time for a shard) such a file when one of that
 * name is already in the output folder. So the folder is seeded with the previous bundle's files (hard links:
 * Pagefind never opens one), and once Pagefind has written, the seeded files its index does not name are
 * removed, and each seeded file it does name is checked against the digest in its name (the names hold only
 * 7 hex digits of it): the bundle is then the one a fresh folder would get.
 */

/** The folders of a bundle whose files are named by a digest of their content. */
const HASHED_FOLDERS = ['fragment', 'index', 'filter'] as const;

/** What every compressed file of Pagefind's starts with, before its CBOR or JSON. */
const CONTENT_PREFIX = 'pagefind_dcd';

/**
 * Links the content-named files of the bundle in `fromDir` (a previous build's) into `toDir`, which must not hold
 * them yet; returns the files linked (relative paths, forward slashes). A file that cannot be linked is left to
 * Pagefind to write. The index's own list (`pagefind.*.pf_meta`) is not seeded: it is always written anew.
 */
export function seedBundle(fromDir: string, toDir: string): string[] {
  const seeded: string[] = [];
  for (const folder of HASHED_FOLDERS) {
    let names: string[];
    try {
      names = readdirSync(join(fromDir, folder));
      mkdirSync(join(toDir, folder), { recursive: true });
    } catch {
      continue;
    }
    for (const name of names.sort()) {
      const file = `${folder}/${name}`;
      try {
        linkSync(join(fromDir, folder, name), join(toDir, folder, name));
        seeded.push(file);
      } catch {
        // Pagefind writes it.
      }
    }
  }
  return seeded;
}

/**
 * Once Pagefind has written its index into `dir` over the `seeded` files: removes those its index does not name
 * and those whose content is not what their name says (Pagefind, finding one there, wrote none); returns the
 * files removed that the index names (Pagefind must write these again), or null when the index's list could not
 * be read (every seeded file is then removed, and Pagefind must write again).
 */
export function pruneSeeded(dir: string, seeded: readonly string[]): string[] | null {
  if (seeded.length === 0) return [];
  const named = indexedFiles(dir);
  const wrong: string[] = [];
  for (const file of seeded) {
    if (named !== null && !named.has(file)) unlinkSync(join(dir, ...file.split('/')));
    else if (named === null || !matchesName(dir, file)) {
      unlinkSync(join(dir, ...file.split('/')));
      wrong.push(file);
    }
  }
  return named === null ? null : wrong;
}

/** Whether the content of a content-named file is the one its name gives the digest of (`<language>_<hex>.<kind>`). */
function matchesName(dir: string, file: string): boolean {
  const name = file.slice(file.indexOf('/') + 1);
  // `<language>_<hex>.pf_<kind>`: the language holds no `_`.
  const hex = name.slice(name.indexOf('_') + 1, name.indexOf('.'));
  try {
    const content = gunzipSync(readFileSync(join(dir, ...file.split('/'))));
    if (content.toString('latin1', 0, CONTENT_PREFIX.length) !== CONTENT_PREFIX) return false;
    return hex.length >= 7 && pagefindDigest(content.subarray(CONTENT_PREFIX.length)).startsWith(hex);
  } catch {
    return false;
  }
}

/** Pagefind's digest of a file's content: SHA-1, each byte in hex without a leading zero (Rust's `{:x?}`). */
export function pagefindDigest(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of createHash('sha1').update(bytes).digest()) hex += byte.toString(16);
  return hex;
}

/**
 * The content-named files the index in `dir` uses, from its entry (`pagefind-entry.json`: the language's list,
 * `pagefind.<hash>.pf_meta`) and that list (gzip, CBOR: the pages' fragments, the word indexes, the filters); null
 * when either cannot be read as expected.
 */
export function indexedFiles(dir: string): Set<string> | null {
  try {
    const entry = JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8')) as { languages?: Record<string, { hash?: unknown }> };
    const files = new Set<string>();
    const languages = Object.values(entry.languages ?? {});
    if (languages.length === 0) return null;
    for (const { hash } of languages) {
      if (typeof hash !== 'string') return null;
      const content = gunzipSync(readFileSync(join(dir, `pagefind.${hash}.pf_meta`)));
      if (content.toString('latin1', 0, CONTENT_PREFIX.length) !== CONTENT_PREFIX) return null;
      const meta = decodeCbor(content.subarray(CONTENT_PREFIX.length));
      // [version, pages: [hash, words, …][], word indexes: [from, to, hash][], filters: [name, hash][], …]
      if (!Array.isArray(meta) || typeof meta[0] !== 'string') return null;
      const [, pages, chunks, filters] = meta;
      const add = (list: unknown, at: number, folder: string, extension: string): boolean => {
        if (!Array.isArray(list)) return false;
        for (const item of list) {
          const name: unknown = Array.isArray(item) ? item[at] : undefined;
          if (typeof name !== 'string' || !/^[\w-]+$/.test(name)) return false;
          files.add(`${folder}/${name}.${extension}`);
        }
        return true;
      };
      if (!add(pages, 0, 'fragment', 'pf_fragment') || !add(chunks, 2, 'index', 'pf_index') || !add(filters, 1, 'filter', 'pf_filter')) return null;
    }
    return files;
  } catch {
    return null;
  }
}

type Cbor = number | bigint | string | Uint8Array | boolean | null | undefined | Cbor[] | Map<Cbor, Cbor>;

/** Decodes one CBOR item (definite lengths, as Pagefind's minicbor writes them); throws on anything else. */
export function decodeCbor(bytes: Uint8Array): Cbor {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  const argument = (info: number): number => {
    if (info < 24) return info;
    const size = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : info === 27 ? 8 : 0;
    if (size === 0 || at + size > bytes.length) throw new Error(`CBOR: unexpected length ${info}`);
    const value = size === 1 ? view.getUint8(at) : size === 2 ? view.getUint16(at) : size === 4 ? view.getUint32(at) : Number(view.getBigUint64(at));
    at += size;
    return value;
  };
  const item = (): Cbor => {
    if (at >= bytes.length) throw new Error('CBOR: unexpected end');
    const initial = bytes[at++]!;
    const major = initial >> 5;
    const info = initial & 31;
    switch (major) {
      case 0:
        return argument(info);
      case 1:
        return -1 - argument(info);
      case 2:
      case 3: {
        const length = argument(info);
        if (at + length > bytes.length) throw new Error('CBOR: unexpected end');
        const slice = bytes.subarray(at, at + length);
        at += length;
        return major === 2 ? slice : Buffer.from(slice).toString('utf8');
      }
      case 4: {
        const length = argument(info);
        const list: Cbor[] = [];
        for (let i = 0; i < length; i += 1) list.push(item());
        return list;
      }
      case 5: {
        const length = argument(info);
        const map = new Map<Cbor, Cbor>();
        for (let i = 0; i < length; i += 1) map.set(item(), item());
        return map;
      }
      case 7:
        if (info === 20 || info === 21) return info === 21;
        if (info === 22) return null;
        if (info === 23) return undefined;
        throw new Error(`CBOR: unexpected simple value ${info}`);
      default:
        throw new Error(`CBOR: unexpected major type ${major}`);
    }
  };
  const value = item();
  if (at !== bytes.length) throw new Error('CBOR: trailing bytes');
  return value;
}
