import { relative, resolve, sep } from 'node:path';
import type EleventyClass from '@11ty/eleventy';
import { configureEleventy } from './eleventy-config.js';
import { compileTemplatesOnce, shareNunjucksEnvironment } from './nunjucks-cache.js';
import type { SiteData } from './site-data.js';

let eleventyModule: Promise<typeof EleventyClass> | null = null;

/**
 * Eleventy, loaded the first time it is asked for (a few hundred milliseconds of modules): not when the command
 * starts, so that a rebuild's early work (staging, the previous pages linked, the cache read) does not wait for it.
 * A caller about to wait for something else may ask for it early (`preloadEleventy`).
 */
export function loadEleventy(): Promise<typeof EleventyClass> {
  if (eleventyModule === null) {
    // Eleventy registers a module resolver hook (for its --watch, to import changed JavaScript data files again) unless
    // told not to: Node then runs every later import of the thread through a thread of its own. The build gives
    // Eleventy its data and templates directly and imports nothing through it.
    process.env[SKIP_ESM_RESOLVER] ??= '1';
    eleventyModule = import('@11ty/eleventy').then((module) => module.default);
  }
  return eleventyModule;
}

/** Eleventy's switch for its module resolver hook (`src/Util/EsmResolverPortAdapter.js` in Eleventy 3). */
export const SKIP_ESM_RESOLVER = 'ELEVENTY_SKIP_ESM_RESOLVER';

/** Starts loading Eleventy, if it is not loaded yet, without waiting for it. */
export function preloadEleventy(): void {
  loadEleventy().catch(() => undefined);
}

/**
 * One Eleventy run over `input` (the templates folder, one template in it, or a glob of templates)
 * with `data` as `site`. With a `cacheKey`, the run shares its Nunjucks environment (compiled layout
 * and includes) with earlier runs of this thread under the same key; either way a paginated template is compiled
 * once per run, not once per page (see `nunjucks-cache.ts`).
 * Resolves with the HTML pages written: paths relative to `outDir`, forward slashes (as `listHtmlPages` names them).
 */
export async function runEleventy(input: string, outDir: string, data: SiteData, cacheKey?: string): Promise<string[]> {
  const Eleventy = await loadEleventy();
  const eleventy = new Eleventy(input, outDir, {
    quietMode: true,
    // No eleventy.config.* from the working folder: the site is configured here only.
    configPath: '',
    config: (config) => {
      configureEleventy(config, data);
      compileTemplatesOnce(config);
      if (cacheKey !== undefined) shareNunjucksEnvironment(config, cacheKey);
    },
  });
  eleventy.disableLogger();
  const written: string[] = [];
  htmlWritten(await eleventy.write(), resolve(outDir), written);
  return written;
}

/**
 * Adds to `written` the HTML files a run's result names (Eleventy 3 resolves `write()` with nested lists of
 * `{ outputPath }`, under the output folder as it was given), relative to `outDir`.
 */
function htmlWritten(result: unknown, outDir: string, written: string[]): void {
  if (Array.isArray(result)) {
    for (const entry of result as unknown[]) htmlWritten(entry, outDir, written);
    return;
  }
  if (result === null || typeof result !== 'object') return;
  const { outputPath } = result as { outputPath?: unknown };
  if (typeof outputPath !== 'string' || !outputPath.endsWith('.html')) return;
  const path = relative(outDir, resolve(outputPath));
  written.push(sep === '/' ? path : path.split(sep).join('/'));
}
