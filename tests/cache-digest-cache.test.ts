import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contentDigest } from '../src/cache/digest.js';
import { DigestCache } from '../src/cache/digest-cache.js';

const isRecord = (value: unknown): boolean => typeof value === 'object' && value !== null && typeof (value as { n?: unknown }).n === 'number';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cache-test-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function open(version = 'v1', maxSegments?: number): DigestCache {
  return DigestCache.open({ dir, version, validate: isRecord, ...(maxSegments === undefined ? {} : { maxSegments }) });
}

function fill(keys: string[], version = 'v1'): void {
  const cache = open(version);
  keys.forEach((key) => cache.put(contentDigest(key, version), JSON.stringify({ n: key.length, key })));
  cache.commit(keys.map((key) => contentDigest(key, version)));
}

const segments = (): string[] => readdirSync(dir).filter((n) => n.endsWith('.seg'));

describe('contentDigest', () => {
  it('depends on the text and on the version', () => {
    expect(contentDigest('abc', 'v1')).toBe(contentDigest('abc', 'v1'));
    expect(contentDigest('abc', 'v1')).not.toBe(contentDigest('abc', 'v2'));
    expect(contentDigest('abc', 'v1')).not.toBe(contentDigest('abd', 'v1'));
    expect(contentDigest('abc', 'v1')).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('DigestCache', () => {
  it('misses on an empty folder, then hits what was committed', () => {
    const first = open();
    expect(first.get(contentDigest('one', 'v1'))).toBeNull();
    first.put(contentDigest('one', 'v1'), JSON.stringify({ n: 1 }));
    first.commit([contentDigest('one', 'v1')]);
    expect(first.stats).toMatchObject({ hits: 0, misses: 1, written: 1 });

    const second = open();
    expect(second.get(contentDigest('one', 'v1'))).toEqual({ n: 1 });
    expect(second.get(contentDigest('two', 'v1'))).toBeNull();
    expect(second.stats).toMatchObject({ hits: 1, misses: 1, segments: 1 });
    second.close();
  });

  it('stores an entry given as bytes as it stores its text, beside entries given as text', () => {
    const values = [{ n: 1, text: 'plain' }, { n: 2, text: '“curly” — ünïcode 😀' }, { n: 3, text: 'line\nbreak "quoted" \\' }];
    const cache = open();
    values.forEach((value, i) => cache.put(contentDigest(`k${i}`, 'v1'), i === 0 ? JSON.stringify(value) : Buffer.from(JSON.stringify(value))));
    cache.commit(values.map((_, i) => contentDigest(`k${i}`, 'v1')));
    const again = open();
    values.forEach((value, i) => {
      expect(again.get(contentDigest(`k${i}`, 'v1'))).toEqual(value);
      expect(again.getAs(contentDigest(`k${i}`, 'v1'), (raw) => ({ value: { n: 0 }, raw }))?.raw.toString('utf8')).toBe(JSON.stringify(value));
    });
  });

  it('writes nothing visible until commit, and nothing at all when nothing was put', () => {
    const cache = open();
    cache.put(contentDigest('one', 'v1'), JSON.stringify({ n: 1 }));
    expect(segments()).toEqual([]);
    cache.commit([]);
    const empty = open();
    empty.commit([]);
    expect(segments()).toHaveLength(1);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('ignores an entry that fails validation', () => {
    const cache = open();
    cache.put(contentDigest('bad', 'v1'), JSON.stringify({ notN: true }));
    cache.commit([contentDigest('bad', 'v1')]);
    const again = open();
    expect(again.get(contentDigest('bad', 'v1'))).toBeNull();
    again.close();
  });

  it('deletes segments of another version', () => {
    fill(['a', 'b'], 'old');
    expect(segments()).toHaveLength(1);
    const cache = open('new');
    expect(cache.get(contentDigest('a', 'old'))).toBeNull();
    cache.commit([]);
    expect(segments()).toEqual([]);
  });

  it('skips and then removes a truncated segment, never throwing', () => {
    fill(['a', 'b', 'c']);
    const [name] = segments();
    const path = join(dir, name!);
    const bytes = readFileSync(path);
    writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length / 2)));
    writeFileSync(join(dir, 'garbage.seg'), 'not a segment at all');
    const cache = open();
    expect(cache.stats.corrupt).toBe(2);
    expect(cache.get(contentDigest('a', 'v1'))).toBeNull();
    cache.put(contentDigest('a', 'v1'), JSON.stringify({ n: 1 }));
    cache.commit([contentDigest('a', 'v1')]);
    expect(segments()).toHaveLength(1);
    const again = open();
    expect(again.get(contentDigest('a', 'v1'))).toEqual({ n: 1 });
    again.close();
  });

  it('treats a damaged entry as a miss and keeps the others', () => {
    fill(['first', 'second']);
    const path = join(dir, segments()[0]!);
    const text = readFileSync(path, 'utf8');
    writeFileSync(path, text.replace('"key":"first"', '"key"!"first"'));
    const cache = open();
    expect(cache.get(contentDigest('first', 'v1'))).toBeNull();
    expect(cache.get(contentDigest('second', 'v1'))).toEqual({ n: 6, key: 'second' });
    cache.close();
  });

  it('merges segments into one when there are too many, keeping only live entries', () => {
    for (const key of ['a', 'b', 'c', 'd']) fill([key]);
    expect(segments()).toHaveLength(4);
    const cache = open('v1', 3);
    const live = ['a', 'c', 'd'].map((k) => contentDigest(k, 'v1'));
    cache.commit(live);
    expect(cache.stats.compacted).toBe(true);
    expect(segments()).toHaveLength(1);
    const merged = open();
    expect(merged.get(contentDigest('a', 'v1'))).toEqual({ n: 1, key: 'a' });
    expect(merged.get(contentDigest('d', 'v1'))).toEqual({ n: 1, key: 'd' });
    expect(merged.get(contentDigest('b', 'v1'))).toBeNull();
    merged.close();
  });

  it('writes a segment every segmentEntries entries, so an interrupted run keeps its work', () => {
    const cache = DigestCache.open({ dir, version: 'v1', validate: isRecord, segmentEntries: 2 });
    for (const key of ['a', 'b', 'c', 'd', 'e']) cache.put(contentDigest(key, 'v1'), JSON.stringify({ n: 1 }));
    expect(segments()).toHaveLength(2);
    cache.close();
    const again = open();
    expect(again.get(contentDigest('d', 'v1'))).toEqual({ n: 1 });
    expect(again.get(contentDigest('e', 'v1'))).toBeNull();
    again.close();
  });

  it('rewrites the cache when most entries are no longer used', () => {
    const keys = Array.from({ length: 1200 }, (_, i) => `k${i}`);
    fill(keys);
    const cache = open();
    cache.commit([contentDigest('k1', 'v1')]);
    expect(cache.stats.compacted).toBe(true);
    const again = open();
    expect(again.get(contentDigest('k1', 'v1'))).toEqual({ n: 2, key: 'k1' });
    expect(again.get(contentDigest('k2', 'v1'))).toBeNull();
    again.close();
  });

  it('works without a writable folder', () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'x');
    const cache = DigestCache.open({ dir: join(file, 'cache'), version: 'v1', validate: isRecord });
    expect(cache.get(contentDigest('a', 'v1'))).toBeNull();
    cache.put(contentDigest('a', 'v1'), '{"n":1}');
    expect(() => cache.commit([])).not.toThrow();
  });
});
