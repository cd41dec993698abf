import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FILE_MANIFEST, FileManifest, type KnownFile } from '../src/load/file-manifest.js';

const known = (digest: string): KnownFile => ({ digest, frontMatter: {}, lineOffset: 0, diagnostics: [] });
const stamp = (s: string) => ({ stamp: s, mtimeMs: 0 });

describe('FileManifest.save', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'news-archive-manifest-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Notes `files` (name → [stamp, digest]) in a manifest opened from `dir`, and saves it. */
  const build = (files: Record<string, [string, string]>): void => {
    const manifest = FileManifest.open(dir, 'v1');
    for (const [file, [s, digest]] of Object.entries(files)) manifest.note(file, stamp(s), Date.now(), known(digest));
    manifest.save();
  };
  const path = () => join(dir, FILE_MANIFEST);
  /** The manifest as it is, rewritten in another layout that still reads the same: a save shows as the compact layout again. */
  const relayout = (): void => writeFileSync(path(), JSON.stringify(JSON.parse(readFileSync(path(), 'utf8')), null, 2));
  const rewritten = (): boolean => !readFileSync(path(), 'utf8').startsWith('{\n');

  it('leaves the manifest alone when every file is the previous build’s, unchanged', () => {
    build({ 'a.txt': ['1:2', 'da'], 'b.txt': ['3:4', 'db'] });
    relayout();
    build({ 'b.txt': ['3:4', 'db'], 'a.txt': ['1:2', 'da'] });
    expect(rewritten()).toBe(false);
    expect(FileManifest.open(dir, 'v1').known('a.txt', '1:2')?.digest).toBe('da');
  });

  it('writes it when a file changed, came or went', () => {
    const changes: Array<Record<string, [string, string]>> = [
      { 'a.txt': ['1:2', 'da'], 'b.txt': ['3:5', 'db'] },
      { 'a.txt': ['1:2', 'dx'], 'b.txt': ['3:4', 'db'] },
      { 'a.txt': ['1:2', 'da'] },
      { 'a.txt': ['1:2', 'da'], 'b.txt': ['3:4', 'db'], 'c.txt': ['5:6', 'dc'] },
    ];
    for (const next of changes) {
      build({ 'a.txt': ['1:2', 'da'], 'b.txt': ['3:4', 'db'] });
      relayout();
      build(next);
      expect(rewritten()).toBe(true);
      const manifest = FileManifest.open(dir, 'v1');
      for (const [file, [s, digest]] of Object.entries(next)) expect(manifest.known(file, s)?.digest).toBe(digest);
    }
  });
});
