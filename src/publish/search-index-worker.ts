import { parentPort } from 'node:worker_threads';
import { pinThisThread } from '../threads/pin-thread.js';
import { indexShard, type ShardJob } from './search-pagefind.js';
import type { SearchRecord } from './search-records.js';

/**
 * A worker thread indexing shards one at a time, with a Pagefind service of its own (see `search-workers.ts`).
 * A shard's records are pulled a batch at a time: the thread asks for the next batch (`next`) before indexing
 * the one it has, so the main thread builds one while Pagefind indexes the other, and neither holds a shard.
 */

/** From the main thread: a shard to index (`start`), its next batch of records, or the end of them. */
export type ShardRequest = { id: number; kind: 'start'; job: ShardJob; core?: number } | { id: number; kind: 'batch'; records: SearchRecord[] } | { id: number; kind: 'end' };

/**
 * To the main thread: send the next batch (`next`), or the shard is done (`done`, `error` null when written; `peakKib`
 * the Pagefind service's peak resident size, 0 when not known).
 */
export type ShardReply = { id: number; kind: 'next' } | { id: number; kind: 'done'; error: string | null; peakKib: number };

/** The batches of one shard as they arrive. */
class Inbox {
  readonly #arrived: (SearchRecord[] | null)[] = [];
  #waiting: ((batch: SearchRecord[] | null) => void) | null = null;

  put(batch: SearchRecord[] | null): void {
    if (this.#waiting) {
      const wake = this.#waiting;
      this.#waiting = null;
      wake(batch);
    } else this.#arrived.push(batch);
  }

  #take(): Promise<SearchRecord[] | null> {
    const first = this.#arrived.shift();
    return first !== undefined ? Promise.resolve(first) : new Promise((wake) => (this.#waiting = wake));
  }

  /** The batches, each asked for (`ask`) one ahead of the one being indexed; ends with the shard's `end`. */
  async *batches(ask: () => void): AsyncGenerator<SearchRecord[]> {
    ask();
    for (let batch = await this.#take(); batch !== null; batch = await this.#take()) {
      ask();
      yield batch;
    }
  }
}

const inboxes = new Map<number, Inbox>();
/** Whether this thread, and so its Pagefind services, were pinned to one core (undefined: not asked yet). */
let pinned: boolean | undefined;
const reply = (message: ShardReply): void => parentPort?.postMessage(message);

parentPort?.on('message', (request: ShardRequest) => {
  if (request.kind === 'start') {
    if (request.core !== undefined && pinned === undefined) pinned = pinThisThread(request.core);
    const inbox = new Inbox();
    inboxes.set(request.id, inbox);
    let ended = false;
    const ask = (): void => {
      if (!ended) reply({ id: request.id, kind: 'next' });
    };
    indexShard(request.job, inbox.batches(ask))
      .then(
        (peakKib) => reply({ id: request.id, kind: 'done', error: null, peakKib }),
        (error: unknown) => reply({ id: request.id, kind: 'done', error: error instanceof Error ? error.message : String(error), peakKib: 0 }),
      )
      .finally(() => {
        ended = true;
        inboxes.delete(request.id);
      });
  } else inboxes.get(request.id)?.put(request.kind === 'batch' ? request.records : null);
});
