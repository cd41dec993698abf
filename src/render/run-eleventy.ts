import Eleventy from '@11ty/eleventy';
import { configureEleventy } from './eleventy-config.js';
import type { SiteData } from './site-data.js';

/** One Eleventy run over `input` (the templates folder, or one template in it) with `data` as `site`. */
export async function runEleventy(input: string, outDir: string, data: SiteData): Promise<void> {
  const eleventy = new Eleventy(input, outDir, {
    quietMode: true,
    // No eleventy.config.* from the working folder: the site is configured here only.
    configPath: '',
    config: (config) => configureEleventy(config, data),
  });
  eleventy.disableLogger();
  await eleventy.write();
}
