import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
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
  /** Page path in the site → digest of its inputs. */
  pages: Record<string, string>;
}

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

/** Where a page whose inputs did not change comes from: already in the output folder, or from the previous build's. */
export type PageSource = 'here' | 'previous';

async function readManifest(dir: string | null): Promise<Manifest> {
  if (dir) {
    try {
      const read = JSON.parse(await readFile(join(dir, PAGES_MANIFEST), 'utf8')) as Partial<Manifest>;
      if (read.version === RENDER_CODE_VERSION && read.pages && typeof read.pages === 'object') return { version: RENDER_CODE_VERSION, pages: read.pages };
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
    for (const key of Object.keys(this.#next.pages).sort()) sorted[key] = this.#next.pages[key]!;
    await writeFile(join(outDir, PAGES_MANIFEST), `${JSON.stringify({ version: this.#next.version, pages: sorted })}\n`);
  }
}
