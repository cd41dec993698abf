import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { readAt } from '../files/read-at.js';
import { open, rename, writeFile, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { articleDigest } from '../archive/article-digest.js';
import type { Archive, ArticleRecord } from '../archive/types.js';

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

/** What `JSON.stringify` puts before and after the one item of an array in an array, with an indent of 2. */
const IN_ARRAYS = ['[\n  [\n    ', '\n  ]\n]'] as const;

/**
 * An article's JSON as it stands in records.json, inside the array of articles: `JSON.stringify(article, null, 2)`
 * with every line after the first indented by four spaces more. Made at once, as the item of an array in an array,
 * instead of by a pass over the lines afterwards.
 */
export function recordJson(article: ArticleRecord): string {
  const json = JSON.stringify([[article]], null, 2);
  return json.slice(IN_ARRAYS[0].length, json.length - IN_ARRAYS[1].length);
}

/**
 * records.json as it is written: text encoded straight into one buffer, and bytes copied into it, written out every
 * `WRITE_BYTES` (the buffer kept from write to write).
 */
class Output {
  /** Bytes given so far, written or not. */
  written = 0;
  #buffer = Buffer.allocUnsafe(WRITE_BYTES * 2);
  #used = 0;

  constructor(readonly file: FileHandle) {}

  /** Room for `size` more bytes in the buffer: what it holds written out first when they would not fit. */
  async #room(size: number): Promise<void> {
    if (this.#used + size <= this.#buffer.length) return;
    await this.flush();
    if (size > this.#buffer.length) this.#buffer = Buffer.allocUnsafe(size);
  }

  async text(text: string): Promise<void> {
    // At most three bytes of UTF-8 per UTF-16 code unit.
    await this.#room(text.length * 3);
    const size = this.#buffer.write(text, this.#used, 'utf8');
    this.#used += size;
    this.written += size;
    if (this.#used >= WRITE_BYTES) await this.flush();
  }

  async bytes(bytes: Uint8Array): Promise<void> {
    await this.#room(bytes.length);
    this.#buffer.set(bytes, this.#used);
    this.#used += bytes.length;
    this.written += bytes.length;
    if (this.#used >= WRITE_BYTES) await this.flush();
  }

  /** Writes out what the buffer holds. */
  async flush(): Promise<void> {
    for (let done = 0; done < this.#used; ) done += (await this.file.write(this.#buffer, done, this.#used - done)).bytesWritten;
    this.#used = 0;
  }
}

/**
 * Writes records.json, the archive's data export, at the site root: the same bytes as
 * `JSON.stringify(archive, null, 2)` and a newline, but written article by article, so that a large
 * archive (hundreds of megabytes of JSON, more than one string may hold) never has to be one string.
 * An article unchanged since the build in `previousOutDir` (same `articleDigest`) has its JSON copied from
 * that build's records.json, runs of them at once, instead of serialised again (its body is not read back);
 * where each article's JSON lies is written beside records.json (`RECORDS_INDEX`) for the next build. `name` is the
 * file written (records.json unless it is written under another name first, `startWritingRecords`).
 */
export async function writeRecords(archive: Archive, outDir: string, previousOutDir: string | null = null, name = 'records.json'): Promise<void> {
  const { articles, ...rest } = archive;
  if (Object.keys(rest).length > 0) throw new Error('writeRecords: the archive has fields it does not know how to write');
  const previous = previousOutDir === null ? null : openPrevious(previousOutDir);
  const file = await open(join(outDir, name), 'w');
  const index: Array<[string, number, number]> = [];
  const out = new Output(file);
  try {
    if (articles.length === 0) {
      await out.text(`${JSON.stringify({ articles: [] }, null, 2)}\n`);
      await out.flush();
      return;
    }
    await out.text('{\n  "articles": [\n    ');
    // A run of articles whose JSON (and the separators between) is copied from the previous records.json.
    let run: { from: number; to: number } | null = null;
    const copyRun = async (): Promise<void> => {
      if (run === null || previous === null) return;
      const { from, to } = run;
      run = null;
      for (let at = from; at < to; at += WRITE_BYTES) await out.bytes(readAt(previous.fd, at, Math.min(WRITE_BYTES, to - at), 'records.json is shorter than its index says'));
    };
    for (const [i, article] of articles.entries()) {
      const digest = articleDigest(article);
      const copy = previous?.at.get(digest);
      const offset = out.written + (run === null ? 0 : run.to - run.from) + (i === 0 ? 0 : SEPARATOR.length);
      if (copy !== undefined) {
        const [from, length] = copy;
        // Next to the run in the previous file (the separator between them): the run grows.
        if (run !== null && from === run.to + SEPARATOR.length) run.to = from + length;
        else {
          await copyRun();
          if (i > 0) await out.bytes(SEPARATOR);
          run = { from, to: from + length };
        }
        index.push([digest, offset, length]);
        continue;
      }
      await copyRun();
      if (i > 0) await out.bytes(SEPARATOR);
      const at = out.written;
      await out.text(recordJson(article));
      index.push([digest, at, out.written - at]);
    }
    await copyRun();
    await out.text('\n  ]\n}\n');
    await out.flush();
  } finally {
    await file.close();
    if (previous !== null) closeSync(previous.fd);
  }
  const written = out.written;
  const described: RecordsIndex = { version: INDEX_VERSION, bytes: written, articles: index };
  await writeFile(join(outDir, RECORDS_INDEX), `${JSON.stringify(described)}\n`);
}

/** The name records.json is written under until `RecordsWrite.finish` renames it. */
export const RECORDS_PARTIAL = '.news-archive-records.json.partial';

/** records.json being written (`startWritingRecords`). */
export interface RecordsWrite {
  /** Settles once nothing is written any more, whether the file was written or failed; never rejects. */
  settled: Promise<void>;
  /** Waits for the file, then gives it its name, records.json; rejects when it could not be written. */
  finish(): Promise<void>;
}

/**
 * Starts writing records.json (`writeRecords`) under a temporary name (`RECORDS_PARTIAL`), for it to be written while
 * something else runs — the search index, whose Pagefind services leave this thread mostly idle — and named
 * records.json only once `finish` is called, after that: a records.json in the folder still means that the build
 * wrote everything else first.
 */
export function startWritingRecords(archive: Archive, outDir: string, previousOutDir: string | null = null): RecordsWrite {
  const writing = writeRecords(archive, outDir, previousOutDir, RECORDS_PARTIAL);
  const settled = writing.then(
    () => undefined,
    () => undefined,
  );
  return {
    settled,
    async finish() {
      await writing;
      await rename(join(outDir, RECORDS_PARTIAL), join(outDir, 'records.json'));
    },
  };
}
