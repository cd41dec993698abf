import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexShard } from '../src/publish/search-pagefind.js';
import type { SearchRecord } from '../src/publish/search-records.js';
import { decodeCbor, indexedFiles, pagefindDigest, pruneSeeded } from '../src/publish/search-seed.js';
import { fileTree, tempFolders } from './temp-folders.js';

const tempDir = tempFolders('news-archive-seed-');


async function expectSameTree(a: string, b: string): Promise<void> {
  const [ta, tb] = await Promise.all([fileTree(a), fileTree(b)]);
  expect([...ta.keys()]).toEqual([...tb.keys()]);
  for (const [file, bytes] of ta) expect(bytes.equals(tb.get(file)!), file).toBe(true);
}

function record(n: number): SearchRecord {
  return {
    url: `/articles/story-${String(n).padStart(3, '0')}/`,
    content: `Story ${n}. The port of Tessaly${n} reopened after talks on harbour tariffs; officials met on Monday ${n % 7}.`,
    language: 'en',
    meta: { title: `Story ${n}` },
    filters: { topic: [n % 2 === 0 ? 'Trade' : 'Ports'] },
    sort: { date: `2023-01-${String((n % 28) + 1).padStart(2, '0')}` },
  };
}

const records = (numbers: number[]): SearchRecord[] => numbers.map(record);
const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('decodeCbor', () => {
  it('decodes arrays, maps, strings, numbers and simple values, and refuses trailing bytes', () => {
    // [ "ab", 1, -2, [500, true], {1: null} ]
    const bytes = Uint8Array.from([0x85, 0x62, 0x61, 0x62, 0x01, 0x21, 0x82, 0x19, 0x01, 0xf4, 0xf5, 0xa1, 0x01, 0xf6]);
    expect(decodeCbor(bytes)).toEqual(['ab', 1, -2, [500, true], new Map([[1, null]])]);
    expect(() => decodeCbor(Uint8Array.from([0x01, 0x01]))).toThrow(/trailing/);
    expect(() => decodeCbor(Uint8Array.from([0x82, 0x01]))).toThrow(/end/);
  });
});

describe('pagefindDigest', () => {
  it('is SHA-1 with each byte in hex without its leading zero, as Pagefind names its files', () => {
    const bytes = Buffer.from('pagefind');
    const padded = createHash('sha1').update(bytes).digest('hex');
    const unpadded = padded.match(/../g)!.map((pair) => pair.replace(/^0/, '')).join('');
    expect(pagefindDigest(bytes)).toBe(unpadded);
  });
});

describe('seeding a shard with the previous bundle', { timeout: 120_000 }, () => {
  it("names every content-named file of Pagefind's bundle in its list, and each holds what its name says", async () => {
    const dir = await tempDir();
    await indexShard({ outputPath: dir, bundle: 'index' }, [records(range(1, 40))]);
    const named = indexedFiles(dir);
    const written = [...(await fileTree(dir)).keys()].map((f) => f.slice(1)).filter((f) => /^(fragment|index|filter)\//.test(f));
    expect(written.length).toBeGreaterThan(40);
    expect([...(named ?? [])].sort()).toEqual(written.sort());
    // Nothing seeded: nothing to remove.
    expect(pruneSeeded(dir, [])).toEqual([]);
    // Every file checked against its name, none found wrong, none removed.
    expect(pruneSeeded(dir, written)).toEqual([]);
    expect((await fileTree(dir)).size).toBe(written.length + 2);
  });

  it('gives the bundle of a fresh folder when a page is added or removed, keeping the unchanged files as links', async () => {
    const [first, grown, fresh, shrunk, freshShrunk] = [await tempDir(), await tempDir(), await tempDir(), await tempDir(), await tempDir()];
    await indexShard({ outputPath: first, bundle: 'index' }, [records(range(1, 40))]);
    const withNew = records([...range(1, 20), 99, ...range(21, 40)]);
    await indexShard({ outputPath: grown, bundle: 'index', seedFrom: first }, [withNew]);
    await indexShard({ outputPath: fresh, bundle: 'index' }, [withNew]);
    await expectSameTree(grown, fresh);
    // The unchanged pages' fragments were not written again: the same file as the previous bundle's.
    const fragments = (await readdir(join(first, 'fragment'))).filter((f) => f.endsWith('.pf_fragment'));
    const kept = [];
    for (const f of fragments) {
      const [a, b] = await Promise.all([stat(join(first, 'fragment', f)), stat(join(grown, 'fragment', f)).catch(() => null)]);
      if (b !== null && a.ino === b.ino) kept.push(f);
    }
    expect(kept.length).toBeGreaterThanOrEqual(35);

    const without = records(range(1, 40).filter((n) => n !== 7));
    await indexShard({ outputPath: shrunk, bundle: 'full', seedFrom: first }, [without]);
    await indexShard({ outputPath: freshShrunk, bundle: 'full' }, [without]);
    await expectSameTree(shrunk, freshShrunk);
  });

  it('writes again a seeded file whose content is not what its name says', async () => {
    const [first, copy, rebuilt, fresh] = [await tempDir(), await tempDir(), await tempDir(), await tempDir()];
    await indexShard({ outputPath: first, bundle: 'index' }, [records(range(1, 30))]);
    await cp(first, copy, { recursive: true });
    // Two fragments' names swapped: as if a new page's digest began like an old page's.
    const [a, b] = (await readdir(join(copy, 'fragment'))).sort();
    const [bytesA, bytesB] = await Promise.all([readFile(join(copy, 'fragment', a!)), readFile(join(copy, 'fragment', b!))]);
    await Promise.all([writeFile(join(copy, 'fragment', a!), bytesB), writeFile(join(copy, 'fragment', b!), bytesA)]);
    await indexShard({ outputPath: rebuilt, bundle: 'index', seedFrom: copy }, [records(range(1, 30))]);
    await indexShard({ outputPath: fresh, bundle: 'index' }, [records(range(1, 30))]);
    await expectSameTree(rebuilt, fresh);
  });

  it("removes every seeded file when the index's list cannot be read", async () => {
    const dir = await tempDir();
    mkdirSync(join(dir, 'fragment'));
    writeFileSync(join(dir, 'fragment', 'en_1234567.pf_fragment'), 'x');
    expect(pruneSeeded(dir, ['fragment/en_1234567.pf_fragment'])).toBeNull();
    expect(await readdir(join(dir, 'fragment'))).toEqual([]);
  });
});
