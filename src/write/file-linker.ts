import { constants, copyFileSync, linkSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../threads/start-worker.js';

/**
 * Putting files of an earlier build into the output folder — pages and feeds whose inputs did not change — on a
 * thread of its own (`link-worker.ts`), so that the folders and links made by the ten thousand (a rebuild's
 * system time) take the second core while this thread goes on computing. A few files are linked on this thread.
 */

/**
 * To the worker: link each of `files` (relative paths, forward slashes) from `fromDir` into `toDir`; or list the
 * HTML pages in `dir` (`listHtmlPagesSync`), or every file in it (`listFilesSync`).
 */
export type LinkRequest =
  | { id: number; kind: 'link'; fromDir: string; toDir: string; files: string[] }
  | { id: number; kind: 'list'; dir: string }
  | { id: number; kind: 'files'; dir: string };

/** From the worker: the files of request `id` that could not be put in place, by their index in `files`; or the pages or files listed. */
export type LinkReply =
  | { id: number; kind: 'link'; failed: number[] }
  | { id: number; kind: 'list'; pages: string[] }
  | { id: number; kind: 'files'; files: string[] }
  | { id: number; kind: 'error'; message: string };

/** Fewer files than this are linked on the calling thread: starting a thread would cost more. */
export const LINK_ON_THREAD_FROM = 200;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Every linker whose thread runs, for `stopFileLinkers`. */
const running = new Set<FileLinker>();

/**
 * Puts each file of `fromDir` named in `files` at the same place in `toDir`: a hard link, or a copy where links are
 * not possible, each folder made once; a file already in `toDir` is left as it is (and counted as not put in place). Synchronous calls one after another: for tens of thousands of tiny calls,
 * libuv's thread hops cost more than the calls themselves. Returns the indexes of the files neither worked for.
 */
export function linkFiles(fromDir: string, toDir: string, files: readonly string[]): number[] {
  const made = new Set<string>();
  const makeFolder = (dir: string): void => {
    if (made.has(dir)) return;
    try {
      mkdirSync(dir);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' && dirname(dir) !== dir) {
        makeFolder(dirname(dir));
        mkdirSync(dir);
      } else if (code !== 'EEXIST') throw error;
    }
    made.add(dir);
  };
  const failed: number[] = [];
  for (let i = 0; i < files.length; i += 1) {
    const file = files[i]!;
    const to = join(toDir, file);
    try {
      makeFolder(dirname(to));
      try {
        linkSync(join(fromDir, file), to);
      } catch {
        // Never over a file already there: it may be a link to a file of the live site.
        copyFileSync(join(fromDir, file), to, constants.COPYFILE_EXCL);
      }
    } catch {
      failed.push(i);
    }
  }
  return failed;
}

/**
 * Links files of an earlier build into the output folder (`linkFiles`) on a worker thread, started with the first
 * request of `LINK_ON_THREAD_FROM` files or more (or the first listing); smaller requests are done at once on this thread. Requests are
 * done in the order given. `close` (or `stopFileLinkers`, when the build is interrupted) ends the thread: once it
 * has resolved, nothing more is written.
 */
export class FileLinker {
  #worker: Worker | null = null;
  #next = 0;
  readonly #waiting = new Map<number, { done: (reply: LinkReply) => void; fail: (error: Error) => void }>();

  /**
   * Links `files` from `fromDir` into `toDir`; resolves with the files that could not be put in place (to make
   * anew), in the order given. Rejects when the thread fails.
   */
  link(fromDir: string, toDir: string, files: readonly string[]): Promise<string[]> {
    if (files.length === 0) return Promise.resolve([]);
    if (this.#worker === null && files.length < LINK_ON_THREAD_FROM) {
      return Promise.resolve(linkFiles(fromDir, toDir, files).map((i) => files[i]!));
    }
    return this.#ask({ kind: 'link', fromDir, toDir, files: [...files] }).then((reply) => (reply.kind === 'link' ? reply.failed.map((i) => files[i]!) : []));
  }

  /**
   * The HTML pages in `dir` (`listHtmlPagesSync`), listed on the thread, which is started for it: a large site's
   * listing is tens of thousands of small reads. After the links asked for before.
   */
  listHtmlPages(dir: string): Promise<string[]> {
    return this.#ask({ kind: 'list', dir }).then((reply) => (reply.kind === 'list' ? reply.pages : []));
  }

  /** Every file in `dir` (`listFilesSync`), listed on the thread, which is started for it. After the links asked for before. */
  listFiles(dir: string): Promise<string[]> {
    return this.#ask({ kind: 'files', dir }).then((reply) => (reply.kind === 'files' ? reply.files : []));
  }

  #ask(request: DistributiveOmit<LinkRequest, 'id'>): Promise<LinkReply> {
    const worker = this.#worker ?? this.#start();
    worker.ref();
    const id = this.#next++;
    return new Promise((done, fail) => {
      this.#waiting.set(id, { done, fail });
      worker.postMessage({ ...request, id });
    });
  }

  #start(): Worker {
    const worker = startWorker(import.meta.url, 'link-worker');
    worker.on('message', (reply: LinkReply) => {
      const waiting = this.#waiting.get(reply.id);
      if (waiting === undefined) return;
      this.#waiting.delete(reply.id);
      if (reply.kind === 'error') waiting.fail(new Error(reply.message));
      else waiting.done(reply);
      // Nothing asked for: the thread lets the process exit.
      if (this.#waiting.size === 0) worker.unref();
    });
    const failAll = (error: Error): void => {
      for (const waiting of this.#waiting.values()) waiting.fail(error);
      this.#waiting.clear();
    };
    worker.on('error', failAll);
    worker.on('exit', (code) => {
      running.delete(this);
      if (this.#worker === worker) this.#worker = null;
      failAll(new Error(`the linking thread stopped (exit code ${code})`));
    });
    this.#worker = worker;
    running.add(this);
    return worker;
  }

  /** Ends the thread (what it was doing is not finished, and what was asked of it never settles); resolves once it is gone. */
  async close(): Promise<void> {
    const worker = this.#worker;
    if (worker === null) return;
    this.#worker = null;
    running.delete(this);
    this.#waiting.clear();
    await worker.terminate();
  }
}

/** Ends every linker's thread, for an interrupted build: once resolved, none writes into the output folder. */
export async function stopFileLinkers(): Promise<void> {
  await Promise.all([...running].map((linker) => linker.close()));
}
