import { createHash, randomBytes } from 'node:crypto';
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { SEGMENT_SUFFIX, segmentHeader, segmentTrailer } from './segment.js';

const FLUSH_BYTES = 1 << 20;

/**
 * Writes one new segment (see `segment.ts`) into a temporary file and renames it into place on `finish()`,
 * so readers only ever see whole segments. Entries are buffered and written in 1 MiB chunks.
 */
export class SegmentWriter {
  private readonly dir: string;
  private readonly tempPath: string;
  private fd: number;
  private offset = 0;
  private pending: string[] = [];
  private pendingBytes = 0;
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

  /** Adds one entry: `json` is the entry's JSON text (one line, no newline inside). False when it was there already. */
  add(digest: string, json: string | Buffer): boolean {
    if (this.seen.has(digest)) return false;
    this.seen.add(digest);
    const text = typeof json === 'string' ? json : json.toString('utf8');
    const length = Buffer.byteLength(text);
    this.index.push([digest, this.offset, length]);
    this.append(`${text}\n`, length + 1);
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

  private append(text: string, bytes = Buffer.byteLength(text)): void {
    this.pending.push(text);
    this.pendingBytes += bytes;
    this.offset += bytes;
    if (this.pendingBytes >= FLUSH_BYTES) this.flush();
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const buffer = Buffer.from(this.pending.join(''), 'utf8');
    this.pending = [];
    this.pendingBytes = 0;
    let done = 0;
    while (done < buffer.length) done += writeSync(this.fd, buffer, done, buffer.length - done);
  }
}
