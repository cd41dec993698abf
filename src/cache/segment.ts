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

/** Reads entries of one finished segment file by position. */
export class SegmentReader {
  readonly path: string;
  readonly entries: Map<string, SegmentEntry>;
  private fd: number | null;

  private constructor(path: string, fd: number, entries: Map<string, SegmentEntry>) {
    this.path = path;
    this.fd = fd;
    this.entries = entries;
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
      return { kind: 'ok', segment: new SegmentReader(path, fd, entries) };
    } catch (error) {
      return close(fd, { kind: 'corrupt', reason: String(error) });
    }
  }

  /** The raw JSON text of an entry, or null when it cannot be read. */
  readRaw(digest: string): Buffer | null {
    const entry = this.entries.get(digest);
    if (!entry || this.fd === null) return null;
    try {
      return readAt(this.fd, entry.offset, entry.length);
    } catch {
      return null;
    }
  }

  close(): void {
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
