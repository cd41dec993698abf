import Eleventy from '@11ty/eleventy';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { configureEleventy } from './eleventy-config.js';
import { shareNunjucksEnvironment } from './nunjucks-cache.js';
import type { SiteData } from './site-data.js';

/** The part of Eleventy's layout cache used here. */
interface LayoutCache {
  clear(): void;
}

/**
 * Eleventy's cache of compiled layouts (`src/LayoutCache.js`, not among the package's exports). It is one per thread,
 * not per run, and keyed by the layout's path alone: a layout compiled by one run (with its Nunjucks environment, so
 * its filters, and through its configuration that run's data) would serve every later run. So each run here starts
 * and ends with it empty, and runs of one thread follow one another (`runEleventy`). The paginated templates are
 * layouts because Eleventy compiles a template's own text once per page, a layout once per run.
 */
const layoutCache: Promise<LayoutCache> = import(
  pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('@11ty/eleventy')), 'LayoutCache.js')).href
).then((module: { default: LayoutCache }) => module.default);

/** The run in progress in this thread, if any: the next waits for it (see `layoutCache`). */
let previousRun: Promise<unknown> = Promise.resolve();

/**
 * One Eleventy run over `input` (the templates folder, one template in it, or a glob of templates)
 * with `data` as `site`. With a `cacheKey`, the run shares its Nunjucks environment (compiled layout
 * and includes) with earlier runs of this thread under the same key (see `nunjucks-cache.ts`).
 * Resolves with the number of HTML pages written.
 */
export function runEleventy(input: string, outDir: string, data: SiteData, cacheKey?: string): Promise<number> {
  const run = previousRun.then(
    () => runAlone(input, outDir, data, cacheKey),
    () => runAlone(input, outDir, data, cacheKey),
  );
  previousRun = run.catch(() => undefined);
  return run;
}

async function runAlone(input: string, outDir: string, data: SiteData, cacheKey?: string): Promise<number> {
  const layouts = await layoutCache;
  layouts.clear();
  try {
    return await write(input, outDir, data, cacheKey);
  } finally {
    layouts.clear();
  }
}

async function write(input: string, outDir: string, data: SiteData, cacheKey?: string): Promise<number> {
  const eleventy = new Eleventy(input, outDir, {
    quietMode: true,
    // No eleventy.config.* from the working folder: the site is configured here only.
    configPath: '',
    config: (config) => {
      configureEleventy(config, data);
      if (cacheKey !== undefined) shareNunjucksEnvironment(config, cacheKey);
    },
  });
  eleventy.disableLogger();
  return htmlWritten(await eleventy.write());
}

/** How many HTML files a run's result names (Eleventy 3 resolves `write()` with nested lists of `{ outputPath }`). */
function htmlWritten(result: unknown): number {
  if (Array.isArray(result)) return result.reduce((n: number, entry: unknown) => n + htmlWritten(entry), 0);
  if (result === null || typeof result !== 'object') return 0;
  const { outputPath } = result as { outputPath?: unknown };
  return typeof outputPath === 'string' && outputPath.endsWith('.html') ? 1 : 0;
}
