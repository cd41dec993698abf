import type { EleventyUserConfig } from '@11ty/eleventy';
import { siteFilters } from './filters.js';
import type { SiteData } from './site-data.js';

/**
 * Eleventy's configuration for the archive, shared by builds and the dev server: Nunjucks
 * templates only (autoescape on), the archive as global data `site`, our filters. The caller names
 * `templates/` as the input folder; `public/` is copied by the caller.
 */
export function configureEleventy(config: EleventyUserConfig, data: SiteData): void {
  config.setTemplateFormats(['njk']);
  config.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true });
  config.setUseGitIgnore(false);
  config.setQuietMode(true);
  // Slow-filter warnings ("[11ty] Benchmark …") would otherwise reach the build's output on a busy machine.
  config.benchmarks?.config?.setIsVerbose(false);
  config.addGlobalData('site', data);
  for (const [name, filter] of Object.entries(siteFilters(data.basePath, data.root))) config.addFilter(name, filter);
}
