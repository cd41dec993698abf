import { isAscii } from 'node:buffer';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync, writevSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sha256Hex } from '../cache/digest.js';
import { readAt } from '../files/read-at.js';

/** Where one body is in the store. */
export interface BodyRef {
  offset: number;
  bytes: number;
  /** The body's length in UTF-16 code units (`body.length`), known without reading it back. */
  length: number;
  /**
   * sha256 of the body's UTF-8 bytes (hex), taken when it was stored: what digests of the record use, without reading it
   * back. Null when it was stored without (`putMany(…, false)`): `bodyDigest` then reads it back once, should it be asked.
   */
  digest: string | null;
}

/**
 * Article bodies kept on disk instead of in memory while a build runs: the body is nine-tenths of an
 * extracted article's size (some 8 KB of heap each, 800 MB at 100,000 articles), and each stage needs
 * only a few at a time. Bodies are appended to one temporary file, as UTF-8, and read back by position.
 *
 * The file is unlinked as soon as it is open where the system allows it (so nothing is left behind,
 * even when the build is killed); otherwise it is removed by `close`.
 */
export class BodyStore {
  #fd: number | null;
  #end = 0;
  readonly #leftover: string | null;

  private constructor(fd: number, leftover: string | null) {
    this.#fd = fd;
    this.#leftover = leftover;
  }

  /** Opens an empty store in the system's temporary folder. */
  static open(): BodyStore {
    const dir = mkdtempSync(join(tmpdir(), 'news-archive-bodies-'));
    const fd = openSync(join(dir, 'bodies'), 'w+');
    try {
      rmSync(dir, { recursive: true });
      return new BodyStore(fd, null);
    } catch {
      return new BodyStore(fd, dir);
    }
  }

  #open(): number {
    if (this.#fd === null) throw new Error('the body store is closed');
    return this.#fd;
  }

  /** Appends `body`; returns where it is. */
  put(body: string): BodyRef {
    return this.putMany([body])[0]!;
  }

  /**
   * Appends `bodies`, in order; returns where each is. Written at once (`writev`): for a chunk of articles, one call
   * instead of one each, and no copy of the bodies into one buffer. A body may be given as its UTF-8 bytes (well-formed,
   * as a rebuild reads it from the cache): it is stored as it is, as its text would be. Without `digests`, the bodies
   * are not hashed (`BodyRef.digest` null): for records digested from their sources (`articleDigest`), which never ask.
   */
  putMany(bodies: ReadonlyArray<string | Uint8Array>, digests = true): BodyRef[] {
    const chunks = bodies.map((body) => (typeof body === 'string' ? Buffer.from(body, 'utf8') : body));
    let at = this.#end;
    const refs = chunks.map((bytes, i) => {
      const body = bodies[i]!;
      const ref = {
        offset: at,
        bytes: bytes.byteLength,
        length: typeof body === 'string' ? body.length : utf16Length(bytes),
        digest: digests ? sha256Hex(bytes instanceof Buffer ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)) : null,
      };
      at += bytes.byteLength;
      return ref;
    });
    writeAllAt(this.#open(), chunks, this.#end, at - this.#end);
    this.#end = at;
    return refs;
  }

  /** The body stored at `ref`. */
  read(ref: BodyRef): string {
    return this.#bytes(ref).toString('utf8');
  }

  /** The digest of the body stored at `ref` (`BodyRef.digest`), read back and hashed when it was stored without (then kept on `ref`). */
  digest(ref: BodyRef): string {
    ref.digest ??= sha256Hex(this.#bytes(ref));
    return ref.digest;
  }

  #bytes(ref: BodyRef): Buffer {
    return readAt(this.#open(), ref.offset, ref.bytes, 'the body store is shorter than expected');
  }

  /**
   * The start of the body stored at `ref`: at most `maxBytes` of its UTF-8 bytes, cut before a character that would
   * not fit whole, as text; `whole` when that is the entire body.
   */
  readStart(ref: BodyRef, maxBytes: number): { text: string; whole: boolean } {
    if (ref.bytes <= maxBytes) return { text: this.read(ref), whole: true };
    // One byte more than is kept, to see whether the byte after the cut continues a character.
    const bytes = readAt(this.#open(), ref.offset, maxBytes + 1, 'the body store is shorter than expected');
    let end = maxBytes;
    while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end -= 1;
    return { text: bytes.toString('utf8', 0, end), whole: false };
  }

  /** Closes (and removes) the file; bodies can no longer be read. */
  close(): void {
    if (this.#fd !== null) closeSync(this.#fd);
    this.#fd = null;
    if (this.#leftover !== null) rmSync(this.#leftover, { recursive: true, force: true });
  }
}

/** Where each stored record's body is. */
const storedRefs = new WeakMap<object, { store: BodyStore; ref: BodyRef }>();

/** The getter of every stored body: one function for all records, so that they keep one shape (see `storeBody`). */
function storedBody(this: object): string {
  const stored = storedRefs.get(this);
  if (stored === undefined) throw new Error('a stored body was read from an object that is not its record');
  return stored.store.read(stored.ref);
}

/**
 * Makes `record.body` read its text from `store` each time it is read, instead of holding it. The property
 * stays where it was among the record's keys, enumerable, so `JSON.stringify`, object spread and
 * `structuredClone` (messages to worker threads) see the body as before.
 *
 * The keys after `body` are taken off, last first, and put back after the getter, which all records share: V8
 * then keeps each record's fast shape, the same for every record, instead of turning it into a dictionary (some
 * 750 bytes a record) as it does when a property amid others changes kind or holds a getter of its own.
 */
export function storeBody<T extends { body: string }>(record: T, store: BodyStore, ref: BodyRef): T {
  const keys = Object.keys(record);
  const after = keys.slice(keys.indexOf('body') + 1);
  const values = after.map((key) => Reflect.get(record, key) as unknown);
  for (let i = after.length - 1; i >= 0; i -= 1) Reflect.deleteProperty(record, after[i]!);
  Reflect.deleteProperty(record, 'body');
  Object.defineProperty(record, 'body', { get: storedBody, enumerable: true, configurable: true });
  after.forEach((key, i) => Reflect.set(record, key, values[i]));
  storedRefs.set(record, { store, ref });
  return record;
}

/**
 * sha256 (hex) of `record.body`'s UTF-8 bytes: the digest taken when it was stored (`storeBody`), so a
 * stored body is not read back for it (unless it was stored without one); a body held in memory is hashed.
 */
export function bodyDigest(record: { body: string }): string {
  const stored = storedRefs.get(record);
  return stored === undefined ? sha256Hex(record.body) : stored.store.digest(stored.ref);
}

/**
 * The start of `record.body`, for what needs only its first paragraphs: at most `maxBytes` of its UTF-8 bytes read from
 * the store (whole characters), `whole` when that is all of it; a body held in memory is given whole.
 */
export function bodyStart(record: { body: string }, maxBytes: number): { text: string; whole: boolean } {
  const stored = storedRefs.get(record);
  return stored === undefined ? { text: record.body, whole: true } : stored.store.readStart(stored.ref, maxBytes);
}

/** `record.body.length`: the length noted when it was stored (`storeBody`), so a stored body is not read back for it. */
export function bodyLength(record: { body: string }): number {
  return storedRefs.get(record)?.ref.length ?? record.body.length;
}

/**
 * The length in UTF-16 code units of the text whose well-formed UTF-8 bytes are `bytes`, without decoding it: one unit
 * for each byte that starts a character, two for a four-byte one (a surrogate pair). That is the byte count less the
 * continuation bytes (`10xxxxxx`) plus the four-byte leads (`11110xxx`), counted four bytes at a time (a byte's top bits
 * tested in each lane of a 32-bit word, the lanes summed by a multiplication): a quarter of the time of a byte loop.
 */
export function utf16Length(bytes: Uint8Array): number {
  if (isAscii(bytes)) return bytes.length;
  const n = bytes.length;
  /** Continuation bytes less four-byte leads: what the byte count exceeds the length by. */
  let extra = 0;
  const byteExtra = (byte: number): number => ((byte & 0xc0) === 0x80 ? 1 : byte >= 0xf0 ? -1 : 0);
  // Byte by byte up to a 4-byte boundary of the underlying buffer (a Uint32Array view must start on one), and after the last word.
  let i = 0;
  const head = Math.min(n, (4 - (bytes.byteOffset & 3)) & 3);
  for (; i < head; i++) extra += byteExtra(bytes[i]!);
  const words = (n - i) >>> 2;
  const view = words === 0 ? null : new Uint32Array(bytes.buffer, bytes.byteOffset + i, words);
  for (let k = 0; view !== null && k < words; k++) {
    const w = view[k]!;
    if ((w & 0x80808080) === 0) continue;
    const continuation = w & ~(w << 1) & 0x80808080;
    const fourByteLead = w & (w << 1) & (w << 2) & (w << 3) & 0x80808080;
    extra += (Math.imul(continuation >>> 7, 0x01010101) >>> 24) - (Math.imul(fourByteLead >>> 7, 0x01010101) >>> 24);
  }
  for (i += words * 4; i < n; i++) extra += byteExtra(bytes[i]!);
  return n - extra;
}

/** Writes `chunks` (`total` bytes) one after another from `position`: one `writev`, and what it left written chunk by chunk. */
function writeAllAt(fd: number, chunks: readonly Uint8Array[], position: number, total: number): void {
  if (total === 0) return;
  let skip = writevSync(fd, chunks as Uint8Array[], position);
  if (skip >= total) return;
  let at = position;
  for (const chunk of chunks) {
    if (skip >= chunk.byteLength) {
      skip -= chunk.byteLength;
      at += chunk.byteLength;
      continue;
    }
    let done = skip;
    skip = 0;
    while (done < chunk.byteLength) done += writeSync(fd, chunk, done, chunk.byteLength - done, at + done);
    at += chunk.byteLength;
  }
}
