import { createHash } from 'node:crypto';
import { copyFile, link, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Reusing the pages of the previous build whose inputs did not change: each page rendered one per
 * item (article, speaker, topic) gets a digest of everything it is rendered from (its data, the
 * templates, the options); the digests are written beside the pages (`.news-archive-pages.json` in
 * the output folder, so they are swapped in with the site they describe), and a page whose digest is
 * unchanged is linked (or copied) from the previous output instead of being rendered.
 */

/** Bump when the render code changes what a page looks like without a template changing. */
const RENDER_CODE_VERSION = 1;
/** Pages linked at the same time: the links are made on libuv's threads, so several at once keep them busy. */
const LINKS_AT_ONCE = 16;
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

export class PageReuse {
  readonly #previous: Manifest;
  readonly #next: Manifest = { version: RENDER_CODE_VERSION, pages: {} };
  reused = 0;

  /** How many pages the previous build's digests name (0 when there is no previous build). */
  get previousPages(): number {
    return Object.keys(this.#previous.pages).length;
  }

  private constructor(
    previous: Manifest,
    readonly previousOutDir: string | null,
  ) {
    this.#previous = previous;
  }

  /** Reads the digests of the site in `previousOutDir` (none when there is no such site). */
  static async open(previousOutDir: string | null): Promise<PageReuse> {
    let previous: Manifest = { version: RENDER_CODE_VERSION, pages: {} };
    if (previousOutDir) {
      try {
        const read = JSON.parse(await readFile(join(previousOutDir, PAGES_MANIFEST), 'utf8')) as Partial<Manifest>;
        if (read.version === RENDER_CODE_VERSION && read.pages && typeof read.pages === 'object') previous = { version: RENDER_CODE_VERSION, pages: read.pages };
      } catch {
        // no manifest yet
      }
    }
    return new PageReuse(previous, previousOutDir);
  }

  /**
   * Records `page`'s digest for the next build; true when the previous build wrote the same page
   * from the same inputs, so it need not be rendered but can be linked (`linkAll`).
   */
  unchanged(page: string, digest: string): boolean {
    this.#next.pages[page] = digest;
    return this.previousOutDir !== null && this.#previous.pages[page] === digest;
  }

  /**
   * Puts each page's file from the previous build into `outDir` (a hard link, or a copy where links
   * are not possible), `LINKS_AT_ONCE` at a time; calls `failed` for each page it could not, which
   * must then be rendered.
   */
  async linkAll(pages: readonly { page: string; failed: () => void }[], outDir: string): Promise<void> {
    const from = this.previousOutDir;
    let next = 0;
    const one = async (): Promise<void> => {
      for (let i = next++; i < pages.length; i = next++) {
        const { page, failed } = pages[i]!;
        const to = join(outDir, page);
        try {
          if (from === null) throw new Error('no previous build');
          await mkdir(dirname(to), { recursive: true });
          try {
            await link(join(from, page), to);
          } catch {
            await copyFile(join(from, page), to);
          }
          this.reused += 1;
        } catch {
          failed();
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(LINKS_AT_ONCE, pages.length) }, one));
  }

  /** Writes this build's digests into its output folder, for the next build. */
  async save(outDir: string): Promise<void> {
    const sorted: Record<string, string> = {};
    for (const key of Object.keys(this.#next.pages).sort()) sorted[key] = this.#next.pages[key]!;
    await writeFile(join(outDir, PAGES_MANIFEST), `${JSON.stringify({ version: this.#next.version, pages: sorted })}\n`);
  }
}
