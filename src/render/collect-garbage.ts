import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | null = null;

/**
 * A full garbage collection of this thread's heap, now. V8 collects its old generation only when the heap has grown
 * by some factor since the last collection; a thread that then allocates little (the render's main thread while the
 * workers render) keeps all the garbage made before, resident, for as long. V8's `gc` is reached without
 * `--expose-gc` on the command line: the flag set at run time, then `gc` read in a new context (V8 installs it in the
 * contexts made once the flag is set). Costs a few seconds of CPU (V8's marking threads included) per gigabyte live.
 */
export function collectGarbage(): void {
  if (gc === null) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}

/**
 * Keeps this thread's heap near what it holds live: `check()` collects the garbage once the heap has grown by `share`
 * of what was live after the last collection, and only once it holds more than `floor` bytes. For a thread whose
 * garbage would otherwise build up, slowly, for minutes (the render's main thread sending 100,000 articles to the
 * workers), at the cost of one collection per that much garbage; a smaller heap is left to V8 (a forced collection
 * costs CPU, mostly on V8's marking threads, that a smaller build need not spend).
 */
export class HeapKeeper {
  /** What was live after the last collection (0 before any). */
  #live = 0;

  constructor(
    readonly share = 0.25,
    readonly floor = 0,
  ) {}

  /** Collects the garbage now; returns what is live. */
  collect(): number {
    collectGarbage();
    this.#live = getHeapStatistics().used_heap_size;
    return this.#live;
  }

  /**
   * Collects the garbage if the heap holds more than `floor` and has grown by `share` (default: the keeper's) since the
   * last collection (any heap, before the first); says whether it did.
   */
  check(share = this.share): boolean {
    const used = getHeapStatistics().used_heap_size;
    if (used <= this.floor || used <= this.#live * (1 + share)) return false;
    this.collect();
    return true;
  }
}
