import type { Archive } from '../archive/types.js';
import type { RenderOptions } from '../render/render-site.js';

/** Writes what comes after the pages: feeds, sitemap, robots.txt, the search index. */
export async function publishExtras(_archive: Archive, _options: RenderOptions): Promise<void> {
  // Placeholder: the publish stage replaces this.
}
