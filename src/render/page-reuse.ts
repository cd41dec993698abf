import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sha256Hex } from '../cache/digest.js';
import { FileLinker } from '../write/file-linker.js';
import type { KeptFiles } from '../write/kept-files.js';

/**
 * Reusing the pages of the previous build whose inputs did not change: each page rendered one per
 * item (article, speaker, topic) gets a digest of everything it is rendered from (its data, the
 * templates, the options); the digests are written beside the pages (`.news-archive-pages.json` in
 * the output folder, so they are swapped in with the site they describe), and a page whose digest is
 * unchanged is not rendered: kept in the live site, which the build updates in place (`KeptFiles`), or
 * linked (or copied) from the previous output into a new one.
 */

/** Bump when the render code changes what a page looks like without a template changing. */
const RENDER_CODE_VERSION = 1;
/** File in the output folder holding its pages' digests. */
export const PAGES_MANIFEST = '.news-archive-pages.json';

/** A site's page digests, as `.news-archive-pages.json` holds them. */
export interface PagesManifest {
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

/** Whether the pages `previous` describes were made with `salt` (it notes the salt's digest); false when it notes none. */
export function pagesMadeWith(previous: PagesManifest, salt: string): boolean {
  return previous.salt === saltDigest(salt);
}

/** The page digests of the site in `dir`; none when there is no such site or it has no readable digests. */
export async function readPagesManifest(dir: string | null): Promise<PagesManifest> {
  if (dir) {
    try {
      const read = JSON.parse(await readFile(join(dir, PAGES_MANIFEST), 'utf8')) as Partial<PagesManifest>;
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
  readonly #previous: PagesManifest;
  readonly #next: PagesManifest = { version: RENDER_CODE_VERSION, pages: {} };
  readonly #linker = new FileLinker();
  /** Pages taken unchanged: kept in the live site, or linked from the previous build. */
  reused = 0;

  /** How many pages the previous build's digests name (0 when there is no previous build). */
  get previousPages(): number {
    return Object.keys(this.#previous.pages).length;
  }

  private constructor(
    previous: PagesManifest,
    readonly previousOutDir: string | null,
    readonly kept: KeptFiles | null,
  ) {
    this.#previous = previous;
  }

  /**
   * Takes the digests of the site in `previousOutDir` (`previousPages` when the caller has read them already; none when
   * there is no such site). With `kept`, the unchanged pages are kept in that site (the live one, updated in place once
   * the build is done); without, linked from it.
   */
  static async open(previousOutDir: string | null, kept: KeptFiles | null = null, previousPages: Promise<PagesManifest> | null = null): Promise<PageReuse> {
    return new PageReuse(await (previousPages ?? readPagesManifest(previousOutDir)), previousOutDir, kept);
  }

  /**
   * Every page given to `source`, sorted (as `Array#sort` sorts strings), once `save` has written them: each is in the
   * output folder once the render is done (kept, linked, or rendered should it be neither).
   */
  pages: string[] = [];

  /** Notes the salt of this build's digests in its manifest (for `pagesMadeWith`). */
  noteSalt(salt: string): void {
    this.#next.salt = saltDigest(salt);
  }

  /**
   * Records `page`'s digest for the next build; true when the previous build wrote the same page from the same inputs:
   * it need not be rendered, but taken from the previous build (`takeAll`).
   */
  unchanged(page: string, digest: string): boolean {
    this.#next.pages[page] = digest;
    return this.previousOutDir !== null && this.#previous.pages[page] === digest;
  }

  /**
   * Takes each page from the previous build: kept where it is (`KeptFiles`), or its file put into `outDir` (a hard link,
   * or a copy where links are not possible) on a thread of its own for many pages (`FileLinker`), so that this thread
   * may go on meanwhile; calls `failed` for each page it could not, which must then be rendered. Resolves with how many
   * it took. Calls may overlap; `close` ends the thread.
   */
  async takeAll(pages: readonly { page: string; failed: () => void }[], outDir: string): Promise<number> {
    if (pages.length === 0) return 0;
    if (this.previousOutDir === null) {
      for (const { failed } of pages) failed();
      return 0;
    }
    const paths = pages.map((p) => p.page);
    const missing = new Set(this.kept !== null ? await this.kept.keep(paths) : await this.#linker.link(this.previousOutDir, outDir, paths));
    for (const { page, failed } of pages) if (missing.has(page)) failed();
    const taken = pages.length - missing.size;
    this.reused += taken;
    return taken;
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
