import type { EleventyUserConfig } from '@11ty/eleventy';
import { siteFilters } from './filters.js';
import type { SiteData } from './site-data.js';

/**
 * Eleventy's configuration for the archive, shared by builds and the dev server: Nunjucks
 * templates only (autoescape on), the archive as global data `site`, our filters (on the Nunjucks environment). The caller names
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
  // Our filters go on the Nunjucks environment itself, not through `config.addFilter`: Eleventy would wrap each
  // in a benchmark and a copy of `page` and `eleventy` onto `this` on every call — hundreds of thousands of
  // calls in the loops of a large site's speaker, topic and quotes pages, for filters that read neither.
  const filters = Object.entries(siteFilters(data.basePath, data.root));
  config.on('eleventy.engine.njk', ({ environment }: { environment: { addFilter(name: string, filter: (...args: never[]) => unknown): void } }) => {
    for (const [name, filter] of filters) environment.addFilter(name, filter);
  });
}
