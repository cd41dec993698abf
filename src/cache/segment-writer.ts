import { createHash, randomBytes } from 'node:crypto';
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { SEGMENT_SUFFIX, segmentHeader, segmentTrailer } from './segment.js';

const FLUSH_BYTES = 1 << 20;
const NEWLINE = Buffer.from('\n');

/**
 * Writes one new segment (see `segment.ts`) into a temporary file and renames it into place on `finish()`,
 * so readers only ever see whole segments. Entries are buffered and written in 1 MiB chunks.
 */
export class SegmentWriter {
  private readonly dir: string;
  private readonly tempPath: string;
  private fd: number;
  private offset = 0;
  /** Entries and framing not yet written: text, or bytes as they are to be written. */
  private pending: Array<string | Uint8Array> = [];
  private pendingBytes = 0;
  private scratch = Buffer.allocUnsafe(0);
  private readonly index: Array<[string, number, number]> = [];
  private readonly seen = new Set<string>();

  constructor(dir: string, version: string) {
    this.dir = dir;
    this.tempPath = join(dir, `${process.pid}-${randomBytes(6).toString('hex')}${SEGMENT_SUFFIX}.tmp`);
    this.fd = openSync(this.tempPath, 'wx');
    this.append(segmentHeader(version));
  }

  get size(): number {
    return this.index.length;
  }

  has(digest: string): boolean {
    return this.seen.has(digest);
  }

  /**
   * Adds one entry: `json` is the entry's JSON text (one line, no newline inside), or its UTF-8 bytes, written as they
   * are. False when it was there already.
   */
  add(digest: string, json: string | Uint8Array): boolean {
    if (this.seen.has(digest)) return false;
    this.seen.add(digest);
    const length = typeof json === 'string' ? Buffer.byteLength(json) : json.byteLength;
    this.index.push([digest, this.offset, length]);
    this.append(json, length);
    this.append(NEWLINE, 1);
    return true;
  }

  /** Writes the index and trailer and moves the file into place; returns its path, or null when it held nothing. */
  finish(): string | null {
    if (this.index.length === 0) {
      this.abort();
      return null;
    }
    const indexOffset = this.offset;
    const indexText = `${JSON.stringify(this.index)}\n`;
    this.append(indexText);
    this.append(segmentTrailer(indexOffset));
    this.flush();
    closeSync(this.fd);
    this.fd = -1;
    const name = createHash('sha256').update(indexText).digest('hex').slice(0, 20);
    const finalPath = join(this.dir, `${name}${SEGMENT_SUFFIX}`);
    renameSync(this.tempPath, finalPath);
    return finalPath;
  }

  /** Drops the temporary file. */
  abort(): void {
    if (this.fd >= 0) {
      try {
        closeSync(this.fd);
      } catch {
        // ignore
      }
      this.fd = -1;
    }
    rmSync(this.tempPath, { force: true });
  }

  private append(text: string | Uint8Array, bytes = typeof text === 'string' ? Buffer.byteLength(text) : text.byteLength): void {
    this.pending.push(text);
    this.pendingBytes += bytes;
    this.offset += bytes;
    if (this.pendingBytes >= FLUSH_BYTES) this.flush();
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    // Text encoded and bytes copied into one buffer, kept from write to write: one write.
    if (this.scratch.length < this.pendingBytes) this.scratch = Buffer.allocUnsafe(Math.max(this.pendingBytes, FLUSH_BYTES * 2));
    const buffer = this.scratch.subarray(0, this.pendingBytes);
    let at = 0;
    for (const part of this.pending) {
      if (typeof part === 'string') at += buffer.write(part, at, 'utf8');
      else {
        buffer.set(part, at);
        at += part.byteLength;
      }
    }
    this.pending = [];
    this.pendingBytes = 0;
    let done = 0;
    while (done < buffer.length) done += writeSync(this.fd, buffer, done, buffer.length - done);
  }
}
