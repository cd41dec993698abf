import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SEGMENT_SUFFIX, SegmentReader } from './segment.js';
import { SegmentWriter } from './segment-writer.js';

export interface DigestCacheOptions {
  /** Folder of the cache; created when missing. */
  dir: string;
  /** Version of what is stored: segments written for another version are deleted. */
  version: string;
  /** Checks a parsed entry; an entry that fails is treated as missing. */
  validate: (value: unknown) => boolean;
  /** Entries per segment: a long run writes a segment every this many entries, so an interrupted run keeps most of its work. Default 5000. */
  segmentEntries?: number;
  /** Small segments (under half of `segmentEntries`, as rebuilds write them) kept before they are merged into one. Default 8. */
  maxSegments?: number;
}

export interface DigestCacheStats {
  /** Entries read from the cache. */
  hits: number;
  /** Lookups that found nothing usable (absent, unreadable, or failing validation). */
  misses: number;
  /** Entries written by this run. */
  written: number;
  /** Segment files found (readable, for this version). */
  segments: number;
  /** Files ignored because they could not be read. */
  corrupt: number;
  /** True when this run merged the segments into one. */
  compacted: boolean;
}

/**
 * A content-addressed store of JSON values, kept in a folder of segment files (see `segment.ts`).
 *
 * Each run reads the segments' indexes (small), reads single entries by position when asked,
 * and writes what it adds as new segments: one every `segmentEntries` entries, the rest on `commit()`. When small
 * segments pile up they are merged; when most entries are no longer used, `commit()` rewrites the used ones.
 * Nothing here throws for a damaged cache: unreadable files are skipped and, on commit, removed.
 */
export class DigestCache {
  private readonly options: Required<DigestCacheOptions>;
  private readonly segments: SegmentReader[] = [];
  private readonly discard: string[] = [];
  private writer: SegmentWriter | null = null;
  private writable = true;
  readonly stats: DigestCacheStats = { hits: 0, misses: 0, written: 0, segments: 0, corrupt: 0, compacted: false };

  private constructor(options: DigestCacheOptions) {
    this.options = { maxSegments: 8, segmentEntries: 5000, ...options };
  }

  /** Opens the cache folder, reading every segment's index. Never throws. */
  static open(options: DigestCacheOptions): DigestCache {
    const cache = new DigestCache(options);
    cache.load();
    return cache;
  }

  private load(): void {
    let names: string[];
    try {
      mkdirSync(this.options.dir, { recursive: true });
      names = readdirSync(this.options.dir).sort();
    } catch {
      this.writable = false;
      return;
    }
    for (const name of names) {
      const path = join(this.options.dir, name);
      if (name.endsWith(`${SEGMENT_SUFFIX}.tmp`)) {
        // A temp file from a build that died; leave young ones alone, they may belong to a running build.
        if (ageMs(path) > 3_600_000) this.discard.push(path);
        continue;
      }
      if (!name.endsWith(SEGMENT_SUFFIX)) continue;
      const opened = SegmentReader.open(path, this.options.version);
      if (opened.kind === 'ok') this.segments.push(opened.segment);
      else {
        if (opened.kind === 'corrupt') this.stats.corrupt += 1;
        this.discard.push(path);
      }
    }
    this.stats.segments = this.segments.length;
  }

  /** The stored value for `digest`, parsed and validated, or null. */
  get(digest: string): unknown {
    return this.getAs(digest, (raw) => ({ value: JSON.parse(raw.toString('utf8')) as unknown }))?.value ?? null;
  }

  /**
   * The entry for `digest` as `read` makes it from the entry's bytes (its JSON text, UTF-8), when `read` gives
   * something whose `value` passes `validate`; or null. `read` may throw or give null for an entry it cannot use (a miss).
   * `get` is this with `JSON.parse`; a caller may keep part of the entry as bytes instead.
   */
  getAs<T extends { value: unknown }>(digest: string, read: (raw: Buffer) => T | null): T | null {
    for (const segment of this.segments) {
      if (!segment.entries.has(digest)) continue;
      const raw = segment.readRaw(digest);
      if (raw === null) continue;
      try {
        const entry = read(raw);
        if (entry !== null && this.options.validate(entry.value)) {
          this.stats.hits += 1;
          return entry;
        }
      } catch {
        // a damaged entry is a miss
      }
    }
    this.stats.misses += 1;
    return null;
  }

  /** Stores `json` (the value's JSON text, one line, or its UTF-8 bytes) under `digest`; kept when `commit()` runs. */
  put(digest: string, json: string | Uint8Array): void {
    if (!this.writable) return;
    try {
      this.writer ??= new SegmentWriter(this.options.dir, this.options.version);
      if (this.writer.add(digest, json)) this.stats.written += 1;
      if (this.writer.size >= this.options.segmentEntries) this.finishWriter();
    } catch {
      this.writable = false;
      this.writer?.abort();
      this.writer = null;
    }
  }

  /**
   * Writes the last new segment, removes unreadable and stale files, and merges segments when small ones pile up
   * or when most entries are not among `live` (the digests of the current build). Closes the cache.
   */
  commit(live: Iterable<string>): void {
    try {
      this.finishWriter();
      for (const path of this.discard) rmSync(path, { force: true });
      this.maybeCompact(new Set(live));
    } catch {
      this.writer?.abort();
      this.writer = null;
    } finally {
      this.close();
    }
  }

  /** Closes open files without writing anything. */
  close(): void {
    this.writer?.abort();
    this.writer = null;
    for (const segment of this.segments) segment.close();
  }

  /** Moves the segment being written into place and makes it readable. */
  private finishWriter(): void {
    const writer = this.writer;
    this.writer = null;
    let written: string | null = null;
    try {
      written = writer?.finish() ?? null;
    } catch (error) {
      writer?.abort();
      throw error;
    }
    if (written === null) return;
    const opened = SegmentReader.open(written, this.options.version);
    if (opened.kind === 'ok' && !this.segments.some((s) => s.path === written)) this.segments.push(opened.segment);
  }

  private maybeCompact(live: Set<string>): void {
    if (!this.writable || this.segments.length === 0) return;
    let total = 0;
    for (const segment of this.segments) total += segment.entries.size;
    let liveStored = 0;
    for (const digest of live) if (this.segments.some((s) => s.entries.has(digest))) liveStored += 1;
    const dead = total - liveStored;
    const small = this.segments.filter((s) => s.entries.size < this.options.segmentEntries / 2);
    if (dead > 1000 && dead > total / 2) this.rewrite(this.segments, live);
    else if (small.length > this.options.maxSegments) this.rewrite(small, live);
  }

  /** Writes the live entries of `segments` into new segments, then deletes `segments`. */
  private rewrite(segments: SegmentReader[], live: Set<string>): void {
    const kept: string[] = [];
    let writer = new SegmentWriter(this.options.dir, this.options.version);
    try {
      for (const digest of [...live].sort()) {
        if (writer.has(digest)) continue;
        for (const segment of segments) {
          const raw = segment.readRaw(digest);
          if (raw === null) continue;
          writer.add(digest, raw);
          if (writer.size >= this.options.segmentEntries) {
            const path = writer.finish();
            if (path !== null) kept.push(path);
            writer = new SegmentWriter(this.options.dir, this.options.version);
          }
          break;
        }
      }
      const path = writer.finish();
      if (path !== null) kept.push(path);
    } catch (error) {
      writer.abort();
      throw error;
    }
    for (const segment of segments) {
      segment.close();
      if (!kept.includes(segment.path)) rmSync(segment.path, { force: true });
    }
    this.segments.splice(0, this.segments.length, ...this.segments.filter((s) => !segments.includes(s)));
    this.stats.compacted = true;
  }
}

function ageMs(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}
