import { isAscii } from 'node:buffer';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
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
  /** The buffer `putMany` encodes into. */
  #scratch = Buffer.allocUnsafe(0);
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
   * Appends `bodies`, in order; returns where each is. Encoded into one buffer and written at once: for a chunk of
   * articles, one write instead of one each, and no buffer of its own for each body. A body may be given as its
   * UTF-8 bytes (well-formed, as a rebuild reads it from the cache): it is stored as it is, as its text would be.
   * Without `digests`, the bodies are not hashed (`BodyRef.digest` null): for records digested from their sources
   * (`articleDigest`), which never ask.
   */
  putMany(bodies: ReadonlyArray<string | Uint8Array>, digests = true): BodyRef[] {
    const sizes = bodies.map((body) => (typeof body === 'string' ? Buffer.byteLength(body, 'utf8') : body.byteLength));
    const total = sizes.reduce((sum, size) => sum + size, 0);
    // One buffer kept from chunk to chunk: a fresh one of some megabytes each time costs as much again in page faults.
    if (this.#scratch.length < total) this.#scratch = Buffer.allocUnsafe(total);
    const bytes = this.#scratch.subarray(0, total);
    let at = 0;
    const refs = bodies.map((body, i) => {
      const size = sizes[i]!;
      let length: number;
      if (typeof body === 'string') {
        bytes.write(body, at, size, 'utf8');
        length = body.length;
      } else {
        bytes.set(body, at);
        length = utf16Length(body);
      }
      const ref = { offset: this.#end + at, bytes: size, length, digest: digests ? sha256Hex(bytes.subarray(at, at + size)) : null };
      at += size;
      return ref;
    });
    let written = 0;
    while (written < bytes.length) written += writeSync(this.#open(), bytes, written, bytes.length - written, this.#end + written);
    this.#end += bytes.length;
    return refs;
  }

  /** Lets go of the buffer `putMany` keeps from call to call (once no more bodies are to come in bulk). */
  trim(): void {
    this.#scratch = Buffer.allocUnsafe(0);
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
    this.trim();
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
 * for each byte that starts a character, two for a four-byte one (a surrogate pair).
 */
export function utf16Length(bytes: Uint8Array): number {
  if (isAscii(bytes)) return bytes.length;
  let units = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if ((byte & 0xc0) !== 0x80) units += byte >= 0xf0 ? 2 : 1;
  }
  return units;
}
