import type { EleventyUserConfig } from '@11ty/eleventy';

/**
 * Nunjucks environments kept across Eleventy runs in one thread. Eleventy makes a new environment
 * (and so compiles `layout.njk` and the includes again) on every run; a build makes dozens of runs
 * over the same templates, so the first run's environment, with its compiled templates, is handed
 * to the later ones. The key must change whenever a compiled template or a filter could: callers
 * put the templates' digest and the site's options in it.
 */
const environments = new Map<string, NunjucksEnvironment>();

/** The part of a Nunjucks environment used here. */
interface NunjucksEnvironment {
  extensions: Record<string, unknown>;
  removeExtension(name: string): void;
}

/** At most this many environments are kept (one per templates version and site options in practice). */
const KEEP = 4;

/** Makes this Eleventy run use the environment kept under `key`, or keep the one it makes. */
export function shareNunjucksEnvironment(config: EleventyUserConfig, key: string): void {
  const kept = environments.get(key);
  if (kept !== undefined) {
    // Eleventy adds its shortcodes as extensions on every run, and Nunjucks keeps every one added
    // in a list (each holding its run): drop the last run's, so runs neither leak nor slow down.
    for (const name of Object.keys(kept.extensions)) kept.removeExtension(name);
    config.setLibrary('njk', kept);
    return;
  }
  config.on('eleventy.engine.njk', ({ environment }: { environment: NunjucksEnvironment }) => {
    if (environments.has(key)) return;
    if (environments.size >= KEEP) environments.delete(environments.keys().next().value!);
    environments.set(key, environment);
  });
}

/**
 * Forgets this thread's kept environments. A kept environment reaches, through Eleventy's loader and
 * configuration, the site data of the run that made it (hundreds of megabytes on a large archive):
 * the build calls this once the pages are written, so that data can be collected.
 */
export function releaseNunjucksEnvironments(): void {
  environments.clear();
}
