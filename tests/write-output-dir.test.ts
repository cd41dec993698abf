import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UsageError } from '../src/report/errors.js';
import { KeptFiles } from '../src/write/kept-files.js';
import { listFilesSync } from '../src/write/list-files.js';
import { MARKER_FILE, stageOutput } from '../src/write/output-dir.js';
import { beginUpdate } from '../src/write/update-in-place.js';

/** Writes `contents` (path relative to `root` → text) into `root`, making the folders they need. */
async function putFiles(root: string, contents: Record<string, string>): Promise<void> {
  for (const [file, text] of Object.entries(contents)) {
    await mkdir(join(root, file, '..'), { recursive: true });
    await writeFile(join(root, file), text);
  }
}

/** A site built into `out` holding `contents` (and the marker). */
async function builtSite(out: string, contents: Record<string, string>): Promise<void> {
  const staged = await stageOutput(out, content);
  await putFiles(staged.stagingDir, contents);
  await staged.commit();
}

/** Every file in `root`, sorted. */
const files = async (root: string): Promise<string[]> => listFilesSync(root).sort();

let dir: string;
let content: string;
const DEAD_PID = 2 ** 22 + 12345; // above Linux's pid_max default: never a live process

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'news-archive-out-'));
  content = join(dir, 'content');
  await mkdir(content);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('stageOutput', () => {
  it('builds beside --out and swaps the finished site in whole', async () => {
    const out = join(dir, 'site');
    const first = await stageOutput(out, content);
    expect(first.stagingDir.startsWith(join(dir, '.news-archive-site.building-'))).toBe(true);
    await writeFile(join(first.stagingDir, 'index.html'), 'one');
    await first.commit();
    expect(await readFile(join(out, 'index.html'), 'utf8')).toBe('one');
    expect((await readdir(out)).sort()).toEqual([MARKER_FILE, 'index.html']);

    const second = await stageOutput(out, content);
    await writeFile(join(second.stagingDir, 'other.html'), 'two');
    expect(await readFile(join(out, 'index.html'), 'utf8')).toBe('one');
    await second.commit();
    expect((await readdir(out)).sort()).toEqual([MARKER_FILE, 'other.html']);
    expect((await readdir(dir)).sort()).toEqual(['content', 'site']);
  });

  it('with kept files: updates the live site in place, moving in what changed and removing what is gone', async () => {
    const out = join(dir, 'site');
    await builtSite(out, { 'articles/a/index.html': 'a', 'articles/gone/index.html': 'gone', 'index.html': 'home 1' });
    const inodeOfA = (await stat(join(out, 'articles', 'a', 'index.html'))).ino;

    const second = await stageOutput(out, content);
    expect(second.previous).toBe(out);
    const kept = KeptFiles.start(out);
    expect(await kept.keep(['articles/a/index.html', 'articles/missing/index.html'])).toEqual(['articles/missing/index.html']);
    await putFiles(second.stagingDir, { 'articles/b/index.html': 'b', 'index.html': 'home 2' });
    // Until the commit, the live site is as it was.
    expect(await readFile(join(out, 'index.html'), 'utf8')).toBe('home 1');
    await second.commit(kept);
    expect(await files(out)).toEqual([MARKER_FILE, 'articles/a/index.html', 'articles/b/index.html', 'index.html']);
    expect(await readFile(join(out, 'index.html'), 'utf8')).toBe('home 2');
    // The kept page was not written again, and the folder of the page that went is gone with it.
    expect((await stat(join(out, 'articles', 'a', 'index.html'))).ino).toBe(inodeOfA);
    expect((await readdir(join(out, 'articles'))).sort()).toEqual(['a', 'b']);
    expect((await readdir(dir)).sort()).toEqual(['content', 'site']);
  });

  it('with no file kept: swaps the staging folder in whole', async () => {
    const out = join(dir, 'site');
    await builtSite(out, { 'old.html': 'old' });
    const second = await stageOutput(out, content);
    const kept = KeptFiles.start(out);
    expect(await kept.keep([])).toEqual([]);
    await writeFile(join(second.stagingDir, 'new.html'), 'new');
    await second.commit(kept);
    expect(await files(out)).toEqual([MARKER_FILE, 'new.html']);
    expect((await readdir(dir)).sort()).toEqual(['content', 'site']);
  });

  it('carries through an update in place that a killed build began, and discards one it had not begun', async () => {
    const out = join(dir, 'site');
    await builtSite(out, { 'articles/gone/index.html': 'gone', 'kept.html': 'kept', 'index.html': 'home 1' });
    // Killed while moving files in: the journal is written, one file is moved, one is still in the staging folder.
    const begun = join(dir, `.news-archive-site.building-${DEAD_PID}`);
    await putFiles(begun, { 'index.html': 'home 2', 'articles/new/index.html': 'new' });
    await putFiles(out, { 'articles/moved/index.html': 'moved' });
    beginUpdate(begun, ['articles/gone/index.html']);
    const staged = await stageOutput(out, content);
    expect(await files(out)).toEqual([MARKER_FILE, 'articles/moved/index.html', 'articles/new/index.html', 'index.html', 'kept.html']);
    expect(await readFile(join(out, 'index.html'), 'utf8')).toBe('home 2');
    await staged.discard();
    expect((await readdir(dir)).sort()).toEqual(['content', 'site']);

    // Killed before the update began (no journal): the live site is left as it is, the staging folder removed.
    await putFiles(begun, { 'index.html': 'home 3' });
    const next = await stageOutput(out, content);
    expect(await readFile(join(out, 'index.html'), 'utf8')).toBe('home 2');
    await next.discard();
    expect((await readdir(dir)).sort()).toEqual(['content', 'site']);
  });

  it('fails, leaving nothing, when the live site whose files it kept was removed during the build', async () => {
    const out = join(dir, 'site');
    await builtSite(out, { 'kept.html': 'kept' });
    const second = await stageOutput(out, content);
    const kept = KeptFiles.start(out);
    await kept.keep(['kept.html']);
    await writeFile(join(second.stagingDir, 'index.html'), 'new');
    await rm(out, { recursive: true });
    await expect(second.commit(kept)).rejects.toThrow(/was removed during the build/);
    await second.discard();
    expect((await readdir(dir)).sort()).toEqual(['content']);
  });

  it('updates in place where a file of the site became a folder, and a folder a file', async () => {
    const out = join(dir, 'site');
    await builtSite(out, { 'kept.html': 'kept', page: 'a file', 'folder/index.html': 'in a folder' });
    const second = await stageOutput(out, content);
    const kept = KeptFiles.start(out);
    await kept.keep(['kept.html']);
    await putFiles(second.stagingDir, { 'page/index.html': 'now a folder', folder: 'now a file' });
    await second.commit(kept);
    expect(await files(out)).toEqual([MARKER_FILE, 'folder', 'kept.html', 'page/index.html']);
    expect(await readFile(join(out, 'folder'), 'utf8')).toBe('now a file');
  });

  it('creates missing parent folders of --out', async () => {
    const staged = await stageOutput(join(dir, 'a', 'b', 'site'), content);
    await staged.commit();
    expect(await readdir(join(dir, 'a', 'b', 'site'))).toEqual([MARKER_FILE]);
  });

  it('a discarded build leaves the previous site as it was', async () => {
    const out = join(dir, 'site');
    const first = await stageOutput(out, content);
    await writeFile(join(first.stagingDir, 'index.html'), 'one');
    await first.commit();
    const failed = await stageOutput(out, content);
    await writeFile(join(failed.stagingDir, 'index.html'), 'half');
    await failed.discard();
    expect(await readFile(join(out, 'index.html'), 'utf8')).toBe('one');
    expect((await readdir(dir)).sort()).toEqual(['content', 'site']);
  });

  it('refuses a non-empty folder it did not write, deleting nothing', async () => {
    const out = join(dir, 'project');
    await mkdir(out);
    await writeFile(join(out, 'package.json'), '{}');
    await expect(stageOutput(out, content)).rejects.toBeInstanceOf(UsageError);
    await expect(stageOutput(out, content)).rejects.toThrow(/not empty and was not written by news-archive/);
    expect(await readdir(out)).toEqual(['package.json']);
    expect((await readdir(dir)).sort()).toEqual(['content', 'project']);
  });

  it('accepts an empty existing folder', async () => {
    await mkdir(join(dir, 'empty'));
    const staged = await stageOutput(join(dir, 'empty'), content);
    await staged.commit();
    expect(await readdir(join(dir, 'empty'))).toEqual([MARKER_FILE]);
  });

  it('refuses a file, the root, the content folder and what holds it', async () => {
    await writeFile(join(dir, 'file'), 'x');
    await expect(stageOutput(join(dir, 'file'), content)).rejects.toThrow(/not a folder/);
    await expect(stageOutput('/', content)).rejects.toThrow(/root/);
    await expect(stageOutput(content, content)).rejects.toThrow(/holds the content folder/);
    await expect(stageOutput(dir, content)).rejects.toThrow(/holds the content folder/);
    await expect(stageOutput(join(content, 'site'), content)).rejects.toThrow(/inside the content folder/);
  });

  it('cleans up after a killed build, and puts back a site it had moved aside', async () => {
    const out = join(dir, 'site');
    await mkdir(join(dir, `.news-archive-site.building-${DEAD_PID}`));
    await writeFile(join(dir, `.news-archive-site.building-${DEAD_PID}`, 'index.html'), 'half');
    await mkdir(join(dir, `.news-archive-site.old-${DEAD_PID}`));
    await writeFile(join(dir, `.news-archive-site.old-${DEAD_PID}`, MARKER_FILE), '');
    await writeFile(join(dir, `.news-archive-site.old-${DEAD_PID}`, 'index.html'), 'previous');
    const staged = await stageOutput(out, content);
    expect(await readFile(join(out, 'index.html'), 'utf8')).toBe('previous');
    await staged.discard();
    expect((await readdir(dir)).sort()).toEqual(['content', 'site']);
  });
});
