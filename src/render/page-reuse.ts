import { createHash } from 'node:crypto';
import { rmdirSync, unlinkSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sha256Hex } from '../cache/digest.js';
import { FileLinker } from '../write/file-linker.js';

/**
 * Reusing the pages of the previous build whose inputs did not change: each page rendered one per
 * item (article, speaker, topic) gets a digest of everything it is rendered from (its data, the
 * templates, the options); the digests are written beside the pages (`.news-archive-pages.json` in
 * the output folder, so they are swapped in with the site they describe), and a page whose digest is
 * unchanged is linked (or copied) from the previous output instead of being rendered.
 */

/** Bump when the render code changes what a page looks like without a template changing. */
const RENDER_CODE_VERSION = 1;
/** File in the output folder holding its pages' digests. */
export const PAGES_MANIFEST = '.news-archive-pages.json';

interface Manifest {
  version: number;
  /** A digest of the salt every page's digest begins with (`saltDigest`): the templates, the code, the site options. */
  salt?: string;
  /** Page path in the site → digest of its inputs. */
  pages: Record<string, string>;
}

/** What the manifest notes of the salt the pages' digests were made with. */
export const saltDigest = (salt: string): string => sha256Hex(salt).slice(0, 32);

/**
 * A digest of the templates, of the render code itself (this module's folder) and of the archive's
 * code (which derives the pages' data from the articles), so a change to any renders everything again.
 */
export async function templatesDigest(templates: string): Promise<string> {
  const hash = createHash('sha256').update(`render:${RENDER_CODE_VERSION}\n`);
  const here = dirname(fileURLToPath(import.meta.url));
  for (const folder of [templates, here, join(here, '..', 'archive')]) {
    const files = (await readdir(folder, { recursive: true })).map(String).sort();
    for (const file of files) {
      try {
        const bytes = await readFile(join(folder, file));
        hash.update(`${file}\n`).update(bytes);
      } catch {
        // a folder
      }
    }
  }
  return hash.digest('hex');
}

/** Whether the pages of the site in `dir` were made with `salt` (its manifest notes the salt's digest); false when there is none. */
export async function pagesMadeWith(dir: string, salt: string): Promise<boolean> {
  return (await readManifest(dir)).salt === saltDigest(salt);
}

/** Where a page whose inputs did not change comes from: already in the output folder, or from the previous build's. */
export type PageSource = 'here' | 'previous';

async function readManifest(dir: string | null): Promise<Manifest> {
  if (dir) {
    try {
      const read = JSON.parse(await readFile(join(dir, PAGES_MANIFEST), 'utf8')) as Partial<Manifest>;
      if (read.version === RENDER_CODE_VERSION && read.pages && typeof read.pages === 'object') {
        return { version: RENDER_CODE_VERSION, ...(typeof read.salt === 'string' ? { salt: read.salt } : {}), pages: read.pages };
      }
    } catch {
      // no manifest yet
    }
  }
  return { version: RENDER_CODE_VERSION, pages: {} };
}

export class PageReuse {
  readonly #previous: Manifest;
  /** The digests of the pages already in the output folder, when it is an earlier build's being updated in place. */
  readonly #here: Manifest;
  readonly #next: Manifest = { version: RENDER_CODE_VERSION, pages: {} };
  readonly #linker = new FileLinker();
  /** Pages taken unchanged: kept where they were, or linked from the previous build. */
  reused = 0;

  /** How many pages the previous build's digests name (0 when there is no previous build). */
  get previousPages(): number {
    return Object.keys(this.#previous.pages).length;
  }

  private constructor(
    previous: Manifest,
    here: Manifest,
    readonly previousOutDir: string | null,
  ) {
    this.#previous = previous;
    this.#here = here;
  }

  /**
   * Reads the digests of the site in `previousOutDir` (none when there is no such site), and those of the
   * pages in `recycledOutDir`: the output folder, when it holds an earlier build's site to update in place.
   */
  static async open(previousOutDir: string | null, recycledOutDir: string | null = null): Promise<PageReuse> {
    const [previous, here] = await Promise.all([readManifest(previousOutDir), readManifest(recycledOutDir)]);
    return new PageReuse(previous, here, previousOutDir);
  }

  /**
   * The pages of the previous build that `prelink` is putting into the output folder are there already (`'here'`),
   * should their digests be the same; the caller removes the others (`Prelink.keepOnly`) before writing anything.
   */
  static async prelinked(prelink: Prelink): Promise<PageReuse> {
    const manifest = await prelink.manifest;
    return new PageReuse(manifest, manifest, prelink.previousOutDir);
  }

  /**
   * Every page given to `source`, sorted (as `Array#sort` sorts strings), once `save` has written them: each is in the
   * output folder once the render is done (kept, linked, or rendered should it be neither).
   */
  pages: string[] = [];

  /** Notes the salt of this build's digests in its manifest (see `Prelink`). */
  noteSalt(salt: string): void {
    this.#next.salt = saltDigest(salt);
  }

  /**
   * Records `page`'s digest for the next build. When a build wrote the same page from the same inputs, it
   * need not be rendered: `'here'` when it is in the output folder already (to keep, see `clearExcept`),
   * `'previous'` when it is in the previous build's (to link, `linkAll`); null when it must be rendered.
   */
  source(page: string, digest: string): PageSource | null {
    this.#next.pages[page] = digest;
    if (this.#here.pages[page] === digest) return 'here';
    return this.previousOutDir !== null && this.#previous.pages[page] === digest ? 'previous' : null;
  }

  /**
   * Puts each page's file from the previous build into `outDir` (a hard link, or a copy where links
   * are not possible), on a thread of its own for many pages (`FileLinker`), so that this thread may
   * go on meanwhile; calls `failed` for each page it could not, which must then be rendered. Resolves
   * with how many it linked. Calls may overlap; `close` ends the thread.
   */
  async linkAll(pages: readonly { page: string; failed: () => void }[], outDir: string): Promise<number> {
    if (pages.length === 0) return 0;
    if (this.previousOutDir === null) {
      for (const { failed } of pages) failed();
      return 0;
    }
    const missing = new Set(await this.#linker.link(this.previousOutDir, outDir, pages.map((p) => p.page)));
    for (const { page, failed } of pages) if (missing.has(page)) failed();
    const linked = pages.length - missing.size;
    this.reused += linked;
    return linked;
  }

  /** Ends the linking thread, if one was started; once resolved, nothing more is linked into the output folder. */
  async close(): Promise<void> {
    await this.#linker.close();
  }

  /** Writes this build's digests into its output folder, for the next build. */
  async save(outDir: string): Promise<void> {
    const sorted: Record<string, string> = {};
    this.pages = Object.keys(this.#next.pages).sort();
    for (const key of this.pages) sorted[key] = this.#next.pages[key]!;
    const salt = this.#next.salt === undefined ? {} : { salt: this.#next.salt };
    await writeFile(join(outDir, PAGES_MANIFEST), `${JSON.stringify({ version: this.#next.version, ...salt, pages: sorted })}\n`);
  }
}

/**
 * The previous build's pages linked into a new staging folder from the moment the build begins, on a thread of their
 * own (`FileLinker`), while this thread reads, extracts and assembles the articles and computes the pages' digests:
 * a rebuild's tens of thousands of folders and links are then made on the second core, before the render needs them,
 * instead of after it knows which pages did not change. Only when the previous build's pages were made with the same
 * salt (templates, render and archive code, site options: `saltDigest` in its manifest); otherwise none could be kept.
 * Once the digests are known, `keepOnly` removes the pages linked that are not kept (before anything is written: the
 * pages linked are the live site's files). The staging folder is then as a recycled one after `clearExcept`.
 */
export class Prelink {
  readonly #linker = new FileLinker();
  /** The previous build's digests. */
  readonly manifest: Promise<Manifest>;
  /** Whether the previous build's pages were made with this build's salt (else none is linked: none could be kept). */
  readonly sameSalt: Promise<boolean>;
  /** The pages put in place. */
  readonly #linked: Promise<Set<string>>;

  private constructor(
    readonly previousOutDir: string,
    readonly outDir: string,
    salt: Promise<string>,
  ) {
    this.manifest = readManifest(previousOutDir);
    this.sameSalt = Promise.all([this.manifest, salt]).then(([manifest, current]) => manifest.salt === saltDigest(current));
    this.sameSalt.catch(() => undefined);
    this.#linked = Promise.all([this.manifest, this.sameSalt]).then(async ([manifest, same]) => {
      const pages = same ? Object.keys(manifest.pages) : [];
      const missing = new Set(await this.#linker.link(previousOutDir, outDir, pages));
      return new Set(pages.filter((page) => !missing.has(page)));
    });
    this.#linked.catch(() => undefined);
  }

  /** Starts linking the pages of the site in `previousOutDir` into `outDir`, a new and empty staging folder, if they were made with `salt`. */
  static start(previousOutDir: string, outDir: string, salt: Promise<string>): Prelink {
    return new Prelink(previousOutDir, outDir, salt);
  }

  /**
   * Once every page is linked, removes those not in `keep` (and the folders they leave empty); resolves with the pages
   * of `keep` that are in place.
   */
  async keepOnly(keep: ReadonlySet<string>): Promise<Set<string>> {
    const linked = await this.#linked;
    const kept = new Set<string>();
    for (const page of linked) {
      if (keep.has(page)) {
        kept.add(page);
        continue;
      }
      try {
        unlinkSync(join(this.outDir, page));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
      for (let dir = dirname(page); dir !== '.' && dir !== ''; dir = dirname(dir)) {
        try {
          rmdirSync(join(this.outDir, dir));
        } catch {
          break;
        }
      }
    }
    return kept;
  }

  /** Ends the linking thread: once resolved, nothing more is linked. */
  async close(): Promise<void> {
    await this.#linker.close();
  }
}
