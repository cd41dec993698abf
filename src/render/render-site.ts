import type { Archive } from '../archive/types.js';

export interface RenderOptions {
  /** Folder the pages are written to (a temporary folder that is swapped in later). */
  outDir: string;
  /** URL prefix, starting and ending with `/`. */
  basePath: string;
  /** Absolute site URL for canonical links, or null. */
  siteUrl: string | null;
}

export interface RenderResult {
  pages: number;
}

/** Renders the browsable site with Eleventy from `templates/`, assets from `public/`. */
export async function renderSite(_archive: Archive, _options: RenderOptions): Promise<RenderResult> {
  // Placeholder: the render stage replaces this.
  return { pages: 0 };
}
