import { FileLinker } from './file-linker.js';

/**
 * The files of the live site that a rebuild keeps where they are: its pages, feeds and search shards whose inputs did
 * not change. They are neither written nor linked into the staging folder, which receives only what changed; the
 * commit (`StagedOutput.commit`, `update-in-place.ts`) moves that into the live site and removes the live site's files
 * that are neither kept nor written again. A rebuild after one new article then costs no file-system work for the tens
 * of thousands of pages it did not change, where a complete staging folder costs a folder and a link for each.
 *
 * The live site's files are listed from the start, on a thread of their own (`FileLinker.listFiles`), for both: a file
 * is kept only if it is there, and whatever is not kept or written again is removed.
 */
export class KeptFiles {
  readonly #lister = new FileLinker();
  readonly #listing: Promise<Set<string>>;
  /** The listing, sorted, for `keepFolder`: made on its first call. */
  #sorted: string[] | null = null;
  readonly #kept = new Set<string>();

  private constructor(readonly siteDir: string) {
    this.#listing = this.#lister.listFiles(siteDir).then((files) => new Set(files));
    this.#listing.catch(() => undefined);
    // Once listed, the thread is of no more use.
    this.#listing.then(
      () => this.#lister.close(),
      () => this.#lister.close(),
    );
  }

  /** Starts listing the files of the live site in `siteDir`. */
  static start(siteDir: string): KeptFiles {
    return new KeptFiles(siteDir);
  }

  /** How many files are kept so far. */
  get size(): number {
    return this.#kept.size;
  }

  /** Whether `file` (a path relative to the site, forward slashes) is kept. */
  has(file: string): boolean {
    return this.#kept.has(file);
  }

  /** Keeps `files` (paths relative to the site, forward slashes); resolves with those the live site does not hold, to make anew. */
  async keep(files: readonly string[]): Promise<string[]> {
    const there = await this.#listing;
    const missing: string[] = [];
    for (const file of files) {
      if (there.has(file)) this.#kept.add(file);
      else missing.push(file);
    }
    return missing;
  }

  /**
   * Keeps every file under `folder` (relative to the site, ending in `/`) but those `leaveOut` names (given their path
   * relative to `folder`), provided the folder holds `marker` (a file that is written last, so that a folder without it
   * is incomplete). Resolves with whether it did.
   */
  async keepFolder(folder: string, marker: string, leaveOut: (file: string) => boolean = () => false): Promise<boolean> {
    const there = await this.#listing;
    if (!there.has(`${folder}${marker}`)) return false;
    const sorted = (this.#sorted ??= [...there].sort());
    // The folder's files are a run of the sorted listing: found by bisection, not by reading the whole listing per folder.
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (sorted[mid]! < folder) low = mid + 1;
      else high = mid;
    }
    for (let i = low; i < sorted.length && sorted[i]!.startsWith(folder); i += 1) {
      if (!leaveOut(sorted[i]!.slice(folder.length))) this.#kept.add(sorted[i]!);
    }
    return true;
  }

  /** The live site's files that are neither kept nor among `written` (the staging folder's files): those to remove. */
  async toRemove(written: ReadonlySet<string>): Promise<string[]> {
    const there = await this.#listing;
    return [...there].filter((file) => !this.#kept.has(file) && !written.has(file)).sort();
  }

  /** Ends the listing thread, if still running. */
  async close(): Promise<void> {
    await this.#lister.close();
  }
}
