import { closeSync, fstatSync, openSync } from 'node:fs';
import { readAt } from '../files/read-at.js';

/**
 * One cache segment: a single file written once (temp file + rename) and never changed afterwards.
 *
 * Layout, all UTF-8:
 *   header   `news-archive-cache 1 <version as JSON>\n`
 *   entries  one JSON value per line, back to back
 *   index    `[["<digest>",offset,length],…]\n` — where each entry lies
 *   trailer  the index's byte offset, 16 decimal digits, then `\n`
 *
 * A reader opens the file, checks the header, reads the trailer and the index, and then reads
 * single entries by position. A file that fails any check is not a segment (and is never fatal).
 */

export const SEGMENT_MAGIC = 'news-archive-cache 1 ';
export const SEGMENT_SUFFIX = '.seg';
export const TRAILER_BYTES = 17;

export function segmentHeader(version: string): string {
  return `${SEGMENT_MAGIC}${JSON.stringify(version)}\n`;
}

export function segmentTrailer(indexOffset: number): string {
  return `${String(indexOffset).padStart(16, '0')}\n`;
}

export interface SegmentEntry {
  offset: number;
  length: number;
}

export type SegmentOpenResult =
  | { kind: 'ok'; segment: SegmentReader }
  | { kind: 'stale'; version: string }
  | { kind: 'corrupt'; reason: string };

/** Most bytes read ahead when entries are read in the order they lie in the file. */
export const READ_AHEAD = 1 << 20;

/** Reads entries of one finished segment file by position. */
export class SegmentReader {
  readonly path: string;
  readonly entries: Map<string, SegmentEntry>;
  private fd: number | null;
  /** Where the entries end (the index's offset). */
  readonly #entriesEnd: number;
  /** The bytes last read, from `start`: the entries after the one asked for, when reading in file order. */
  #window: { start: number; bytes: Buffer } | null = null;
  /** Bytes to read ahead next time: doubles while entries are read one after another, none otherwise. */
  #ahead = 0;
  /** End of the entry last read. */
  #lastEnd = -1;

  private constructor(path: string, fd: number, entries: Map<string, SegmentEntry>, entriesEnd: number) {
    this.path = path;
    this.fd = fd;
    this.entries = entries;
    this.#entriesEnd = entriesEnd;
  }

  /** Opens a segment; `stale` when it was written for another version, `corrupt` when it cannot be read. */
  static open(path: string, version: string): SegmentOpenResult {
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch (error) {
      return { kind: 'corrupt', reason: String(error) };
    }
    try {
      const size = fstatSync(fd).size;
      const head = readAt(fd, 0, Math.min(size, 4096)).toString('utf8');
      const newline = head.indexOf('\n');
      if (!head.startsWith(SEGMENT_MAGIC) || newline < 0) return close(fd, { kind: 'corrupt', reason: 'bad header' });
      const headerLength = Buffer.byteLength(head.slice(0, newline + 1));
      const fileVersion: unknown = JSON.parse(head.slice(SEGMENT_MAGIC.length, newline));
      if (typeof fileVersion !== 'string') return close(fd, { kind: 'corrupt', reason: 'bad version' });
      if (fileVersion !== version) return close(fd, { kind: 'stale', version: fileVersion });
      if (size < headerLength + TRAILER_BYTES) return close(fd, { kind: 'corrupt', reason: 'truncated' });
      const trailer = readAt(fd, size - TRAILER_BYTES, TRAILER_BYTES).toString('utf8');
      if (!/^\d{16}\n$/.test(trailer)) return close(fd, { kind: 'corrupt', reason: 'bad trailer' });
      const indexOffset = Number(trailer.slice(0, 16));
      if (indexOffset < headerLength || indexOffset > size - TRAILER_BYTES) return close(fd, { kind: 'corrupt', reason: 'bad index offset' });
      const index: unknown = JSON.parse(readAt(fd, indexOffset, size - TRAILER_BYTES - indexOffset).toString('utf8'));
      if (!Array.isArray(index)) return close(fd, { kind: 'corrupt', reason: 'bad index' });
      const entries = new Map<string, SegmentEntry>();
      for (const row of index as unknown[]) {
        if (!Array.isArray(row) || row.length !== 3) return close(fd, { kind: 'corrupt', reason: 'bad index row' });
        const [digest, offset, length] = row as unknown[];
        if (typeof digest !== 'string' || !Number.isSafeInteger(offset) || !Number.isSafeInteger(length)) {
          return close(fd, { kind: 'corrupt', reason: 'bad index row' });
        }
        const start = offset as number;
        const end = start + (length as number);
        if (start < headerLength || end > indexOffset || end <= start) return close(fd, { kind: 'corrupt', reason: 'index out of range' });
        entries.set(digest, { offset: start, length: length as number });
      }
      return { kind: 'ok', segment: new SegmentReader(path, fd, entries, indexOffset) };
    } catch (error) {
      return close(fd, { kind: 'corrupt', reason: String(error) });
    }
  }

  /**
   * The raw JSON text of an entry, or null when it cannot be read. A rebuild asks for the entries in about the order
   * they were written: then each read takes the next entries too (up to `READ_AHEAD` bytes), and the entries after
   * come from those bytes, instead of a read each. Entries asked for in another order are read one by one.
   */
  readRaw(digest: string): Buffer | null {
    const entry = this.entries.get(digest);
    if (!entry || this.fd === null) return null;
    try {
      const { offset, length } = entry;
      const end = offset + length;
      const window = this.#window;
      let raw: Buffer;
      if (window !== null && offset >= window.start && end <= window.start + window.bytes.length) {
        raw = window.bytes.subarray(offset - window.start, end - window.start);
      } else {
        // The next entry in the file (entries are separated by a newline): read further ahead each time.
        const next = offset === this.#lastEnd || offset === this.#lastEnd + 1;
        this.#ahead = next ? Math.min(READ_AHEAD, Math.max(this.#ahead * 2, length * 4)) : 0;
        const size = Math.min(Math.max(length, this.#ahead), this.#entriesEnd - offset);
        const bytes = readAt(this.fd, offset, size);
        this.#window = size > length ? { start: offset, bytes } : null;
        raw = bytes.subarray(0, length);
      }
      this.#lastEnd = end;
      return raw;
    } catch {
      return null;
    }
  }

  close(): void {
    this.#window = null;
    if (this.fd === null) return;
    try {
      closeSync(this.fd);
    } catch {
      // already gone
    }
    this.fd = null;
  }
}

function close<T>(fd: number, result: T): T {
  try {
    closeSync(fd);
  } catch {
    // ignore
  }
  return result;
}
