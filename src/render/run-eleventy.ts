import Eleventy from '@11ty/eleventy';
import { configureEleventy } from './eleventy-config.js';
import { compileTemplatesOnce, shareNunjucksEnvironment } from './nunjucks-cache.js';
import type { SiteData } from './site-data.js';

/**
 * One Eleventy run over `input` (the templates folder, one template in it, or a glob of templates)
 * with `data` as `site`. With a `cacheKey`, the run shares its Nunjucks environment (compiled layout
 * and includes) with earlier runs of this thread under the same key; either way a paginated template is compiled
 * once per run, not once per page (see `nunjucks-cache.ts`).
 * Resolves with the number of HTML pages written.
 */
export async function runEleventy(input: string, outDir: string, data: SiteData, cacheKey?: string): Promise<number> {
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
  return htmlWritten(await eleventy.write());
}

/** How many HTML files a run's result names (Eleventy 3 resolves `write()` with nested lists of `{ outputPath }`). */
function htmlWritten(result: unknown): number {
  if (Array.isArray(result)) return result.reduce((n: number, entry: unknown) => n + htmlWritten(entry), 0);
  if (result === null || typeof result !== 'object') return 0;
  const { outputPath } = result as { outputPath?: unknown };
  return typeof outputPath === 'string' && outputPath.endsWith('.html') ? 1 : 0;
}
