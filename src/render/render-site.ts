import { cp, readdir } from 'node:fs/promises';

import Eleventy from '@11ty/eleventy';
import type { Archive } from '../archive/types.js';
import { configureEleventy } from './eleventy-config.js';
import { publicDir, templatesDir } from './paths.js';
import { siteData } from './site-data.js';

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

/** Counts the HTML files under `dir`. */
async function countPages(dir: string): Promise<number> {
  const files = await readdir(dir, { recursive: true });
  return files.filter((f) => f.endsWith('.html')).length;
}

/**
 * Renders the browsable site with Eleventy 3 (programmatic API) from `templates/`, assets copied
 * from `public/`. Bodies are turned into sanitized HTML in TypeScript first (`site-data.ts`); the
 * templates only lay out precomputed data. Writes nothing outside `outDir`.
 */
export async function renderSite(archive: Archive, options: RenderOptions): Promise<RenderResult> {
  const data = siteData(archive, { basePath: options.basePath, siteUrl: options.siteUrl });
  const eleventy = new Eleventy(templatesDir(), options.outDir, {
    quietMode: true,
    config: (config) => configureEleventy(config, data),
  });
  eleventy.disableLogger();
  await eleventy.write();
  await cp(publicDir(), options.outDir, { recursive: true });
  return { pages: await countPages(options.outDir) };
}

