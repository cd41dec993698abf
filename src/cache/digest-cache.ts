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
  /** Segments kept before they are merged into one. Default 8. */
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
 * and writes whatever it adds as one new segment on `commit()`. When segments pile up, or when
 * most entries are no longer used, `commit()` rewrites the used entries into one segment.
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
    this.options = { maxSegments: 8, ...options };
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
    for (const segment of this.segments) {
      if (!segment.entries.has(digest)) continue;
      const raw = segment.readRaw(digest);
      if (raw === null) continue;
      try {
        const value: unknown = JSON.parse(raw.toString('utf8'));
        if (this.options.validate(value)) {
          this.stats.hits += 1;
          return value;
        }
      } catch {
        // a damaged entry is a miss
      }
    }
    this.stats.misses += 1;
    return null;
  }

  /** Stores `json` (the value's JSON text, one line) under `digest`; kept when `commit()` runs. */
  put(digest: string, json: string): void {
    if (!this.writable) return;
    try {
      this.writer ??= new SegmentWriter(this.options.dir, this.options.version);
      this.writer.add(digest, json);
      this.stats.written = this.writer.size;
    } catch {
      this.writable = false;
      this.writer?.abort();
      this.writer = null;
    }
  }

  /**
   * Writes the new segment, removes unreadable and stale files, and merges segments when there are
   * too many or when most entries are not among `live` (the digests of the current build). Closes the cache.
   */
  commit(live: Iterable<string>): void {
    try {
      const written = this.writer?.finish() ?? null;
      this.writer = null;
      if (written !== null) {
        const opened = SegmentReader.open(written, this.options.version);
        if (opened.kind === 'ok') this.segments.push(opened.segment);
      }
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

  private maybeCompact(live: Set<string>): void {
    if (!this.writable || this.segments.length === 0) return;
    let total = 0;
    for (const segment of this.segments) total += segment.entries.size;
    const dead = total - [...live].filter((d) => this.segments.some((s) => s.entries.has(d))).length;
    const tooMany = this.segments.length > this.options.maxSegments;
    const mostlyDead = dead > 1000 && dead > total / 2;
    if (!tooMany && !mostlyDead) return;
    const writer = new SegmentWriter(this.options.dir, this.options.version);
    try {
      for (const digest of [...live].sort()) {
        if (writer.has(digest)) continue;
        for (const segment of this.segments) {
          const raw = segment.readRaw(digest);
          if (raw !== null) {
            writer.add(digest, raw);
            break;
          }
        }
      }
      const merged = writer.finish();
      for (const segment of this.segments) {
        segment.close();
        if (segment.path !== merged) rmSync(segment.path, { force: true });
      }
      this.segments.length = 0;
      this.stats.compacted = true;
    } catch (error) {
      writer.abort();
      throw error;
    }
  }
}

function ageMs(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}
