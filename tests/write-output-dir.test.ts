import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UsageError } from '../src/report/errors.js';
import { MARKER_FILE, stageOutput } from '../src/write/output-dir.js';

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

  it('with a spare folder: keeps the replaced site there, and the next build takes it as its staging folder', async () => {
    const out = join(dir, 'site');
    const spareDir = join(dir, '.cache', 'spare-site');
    const first = await stageOutput(out, content, { spareDir });
    expect(first.recycled).toBe(false);
    await writeFile(join(first.stagingDir, 'one.html'), 'one');
    await first.commit();
    // Nothing to keep yet: there was no site before.
    expect((await readdir(dir)).sort()).toEqual(['content', 'site']);

    const second = await stageOutput(out, content, { spareDir });
    expect(second.recycled).toBe(false);
    await writeFile(join(second.stagingDir, 'two.html'), 'two');
    await second.commit();
    expect((await readdir(out)).sort()).toEqual([MARKER_FILE, 'two.html']);
    expect((await readdir(spareDir)).sort()).toEqual([MARKER_FILE, 'one.html']);
    expect((await readdir(dir)).sort()).toEqual(['.cache', 'content', 'site']);

    const third = await stageOutput(out, content, { spareDir });
    expect(third.recycled).toBe(true);
    expect((await readdir(third.stagingDir)).sort()).toEqual([MARKER_FILE, 'one.html']);
    expect(await readdir(join(dir, '.cache'))).toEqual([]);
    // A recycled folder emptied of its marker by whoever updated it still gets one.
    await rm(join(third.stagingDir, MARKER_FILE));
    await writeFile(join(third.stagingDir, 'three.html'), 'three');
    await third.commit();
    expect((await readdir(out)).sort()).toEqual([MARKER_FILE, 'one.html', 'three.html']);
    expect((await readdir(spareDir)).sort()).toEqual([MARKER_FILE, 'two.html']);

    // A discarded build that had taken the spare leaves the site as it was.
    const fourth = await stageOutput(out, content, { spareDir });
    expect(fourth.recycled).toBe(true);
    await fourth.discard();
    expect((await readdir(out)).sort()).toEqual([MARKER_FILE, 'one.html', 'three.html']);
    expect((await readdir(dir)).sort()).toEqual(['.cache', 'content', 'site']);
  });

  it('takes no spare that is not a folder', async () => {
    const out = join(dir, 'site');
    const spareDir = join(dir, '.cache', 'spare-site');
    await mkdir(join(dir, '.cache'));
    await writeFile(spareDir, 'not a site');
    const staged = await stageOutput(out, content, { spareDir });
    expect(staged.recycled).toBe(false);
    expect(await readdir(staged.stagingDir)).toEqual([MARKER_FILE]);
    await staged.commit();
    expect(await readdir(out)).toEqual([MARKER_FILE]);
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
