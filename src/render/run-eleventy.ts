import Eleventy from '@11ty/eleventy';
import { configureEleventy } from './eleventy-config.js';
import { shareNunjucksEnvironment } from './nunjucks-cache.js';
import type { SiteData } from './site-data.js';

/**
 * One Eleventy run over `input` (the templates folder, one template in it, or a glob of templates)
 * with `data` as `site`. With a `cacheKey`, the run shares its Nunjucks environment (compiled layout
 * and includes) with earlier runs of this thread under the same key (see `nunjucks-cache.ts`).
 */
export async function runEleventy(input: string, outDir: string, data: SiteData, cacheKey?: string): Promise<void> {
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
  await eleventy.write();
}
