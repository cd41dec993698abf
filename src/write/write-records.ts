import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { readAt } from '../files/read-at.js';
import { open, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { articleDigest } from '../archive/article-digest.js';
import type { Archive } from '../archive/types.js';

/** Bytes gathered before each write. */
const WRITE_BYTES = 1 << 20;
/** The file beside records.json saying where each article's JSON lies in it, by the article's digest. */
export const RECORDS_INDEX = '.news-archive-records.json';
const INDEX_VERSION = 1;
/** What comes between two articles' JSON in records.json. */
const SEPARATOR = Buffer.from(',\n    ');

interface RecordsIndex {
  version: number;
  /** Size of the records.json described. */
  bytes: number;
  /** Each article's digest (`articleDigest`), and where its JSON lies in records.json (byte offset, length). */
  articles: Array<[string, number, number]>;
}

/** The previous build's records.json, open, with where each article's JSON lies in it; null when it cannot be used. */
function openPrevious(previousOutDir: string): { fd: number; at: Map<string, [number, number]> } | null {
  let fd: number | null = null;
  try {
    const index = JSON.parse(readFileSync(join(previousOutDir, RECORDS_INDEX), 'utf8')) as Partial<RecordsIndex>;
    if (index.version !== INDEX_VERSION || !Array.isArray(index.articles)) return null;
    fd = openSync(join(previousOutDir, 'records.json'), 'r');
    // The index describes the file it was written with; a records.json changed since is not used.
    if (fstatSync(fd).size !== index.bytes) throw new Error('records.json changed');
    const at = new Map<string, [number, number]>();
    for (const [digest, offset, length] of index.articles) at.set(digest, [offset, length]);
    return { fd, at };
  } catch {
    if (fd !== null) closeSync(fd);
    return null;
  }
}


/**
 * Writes records.json, the archive's data export, at the site root: the same bytes as
 * `JSON.stringify(archive, null, 2)` and a newline, but written article by article, so that a large
 * archive (hundreds of megabytes of JSON, more than one string may hold) never has to be one string.
 * An article unchanged since the build in `previousOutDir` (same `articleDigest`) has its JSON copied from
 * that build's records.json, runs of them at once, instead of serialised again (its body is not read back);
 * where each article's JSON lies is written beside records.json (`RECORDS_INDEX`) for the next build.
 */
export async function writeRecords(archive: Archive, outDir: string, previousOutDir: string | null = null): Promise<void> {
  const { articles, ...rest } = archive;
  if (Object.keys(rest).length > 0) throw new Error('writeRecords: the archive has fields it does not know how to write');
  const previous = previousOutDir === null ? null : openPrevious(previousOutDir);
  const file = await open(join(outDir, 'records.json'), 'w');
  const index: Array<[string, number, number]> = [];
  let written = 0;
  try {
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const write = async (bytes: Buffer, force = false): Promise<void> => {
      pending.push(bytes);
      pendingBytes += bytes.length;
      written += bytes.length;
      if (force || pendingBytes >= WRITE_BYTES) {
        const chunk = pending.length === 1 ? pending[0]! : Buffer.concat(pending, pendingBytes);
        for (let done = 0; done < chunk.length; ) done += (await file.write(chunk, done, chunk.length - done)).bytesWritten;
        pending = [];
        pendingBytes = 0;
      }
    };
    if (articles.length === 0) {
      await write(Buffer.from(`${JSON.stringify({ articles: [] }, null, 2)}\n`), true);
      return;
    }
    await write(Buffer.from('{\n  "articles": [\n    '));
    // A run of articles whose JSON (and the separators between) is copied from the previous records.json.
    let run: { from: number; to: number } | null = null;
    const copyRun = async (): Promise<void> => {
      if (run === null || previous === null) return;
      const { from, to } = run;
      run = null;
      for (let at = from; at < to; at += WRITE_BYTES) await write(readAt(previous.fd, at, Math.min(WRITE_BYTES, to - at), 'records.json is shorter than its index says'));
    };
    for (const [i, article] of articles.entries()) {
      const digest = articleDigest(article);
      const copy = previous?.at.get(digest);
      const offset = written + (run === null ? 0 : run.to - run.from) + (i === 0 ? 0 : SEPARATOR.length);
      if (copy !== undefined) {
        const [from, length] = copy;
        // Next to the run in the previous file (the separator between them): the run grows.
        if (run !== null && from === run.to + SEPARATOR.length) run.to = from + length;
        else {
          await copyRun();
          if (i > 0) await write(SEPARATOR);
          run = { from, to: from + length };
        }
        index.push([digest, offset, length]);
        continue;
      }
      await copyRun();
      if (i > 0) await write(SEPARATOR);
      const json = Buffer.from(JSON.stringify(article, null, 2).replace(/\n/g, '\n    '));
      index.push([digest, written, json.length]);
      await write(json);
    }
    await copyRun();
    await write(Buffer.from('\n  ]\n}\n'), true);
  } finally {
    await file.close();
    if (previous !== null) closeSync(previous.fd);
  }
  const described: RecordsIndex = { version: INDEX_VERSION, bytes: written, articles: index };
  await writeFile(join(outDir, RECORDS_INDEX), `${JSON.stringify(described)}\n`);
}
