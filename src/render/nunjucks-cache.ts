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

/** The part of a Nunjucks `Template` used here (its fields as nunjucks 3 sets them in `init` and `_compile`). */
interface NunjucksTemplate {
  env: NunjucksEnvironment;
  path: string | null | undefined;
  tmplStr?: string;
  blocks: unknown;
  rootRenderFunc: unknown;
  compiled: boolean;
  _compile(): void;
}

/** What `eleventy.engine.njk` hands over: the Nunjucks library Eleventy uses, and the run's environment. */
interface NunjucksEngineEvent {
  nunjucks: { Template: { prototype: NunjucksTemplate } };
  environment: NunjucksEnvironment;
}

/** A compiled template: what `Template#_compile` sets, by the template's path and source. */
interface Compiled {
  blocks: unknown;
  rootRenderFunc: unknown;
}

/**
 * Compiled templates by path and source, for each environment of a run (`compileTemplatesOnce`). Eleventy 3.1 makes a
 * new Nunjucks `Template` from a paginated template's source for every page, and Nunjucks compiles it again on its
 * first render (lexer, parser, code generation, `new Function`): for article pages, about a tenth of their CPU. A
 * compiled template is functions of (environment, context, frame), holding nothing of the page it was first rendered
 * for, so the pages of one environment share it, as the templates Nunjucks' own loader caches are shared. The map
 * goes with its environment (a kept one lives until `releaseNunjucksEnvironments`).
 */
const compiledTemplates = new WeakMap<NunjucksEnvironment, Map<string, Compiled>>();
const patched = new WeakSet<object>();

/** Makes `Template#_compile` of this Nunjucks library reuse what it compiled before for an environment in `compiledTemplates`. */
function reuseCompiledTemplates(template: { prototype: NunjucksTemplate }): void {
  const proto = template.prototype;
  if (patched.has(proto)) return;
  patched.add(proto);
  const compile = proto._compile;
  proto._compile = function (this: NunjucksTemplate): void {
    const memo = compiledTemplates.get(this.env);
    if (memo === undefined || typeof this.tmplStr !== 'string') {
      compile.call(this);
      return;
    }
    const key = `${this.path ?? ''}\0${this.tmplStr}`;
    const known = memo.get(key);
    if (known === undefined) {
      compile.call(this);
      memo.set(key, { blocks: this.blocks, rootRenderFunc: this.rootRenderFunc });
      return;
    }
    this.blocks = known.blocks;
    this.rootRenderFunc = known.rootRenderFunc;
    this.compiled = true;
  };
}

/** Makes this Eleventy run's Nunjucks environment compile each page template once (see `compiledTemplates`). */
export function compileTemplatesOnce(config: EleventyUserConfig): void {
  config.on('eleventy.engine.njk', ({ nunjucks, environment }: NunjucksEngineEvent) => {
    reuseCompiledTemplates(nunjucks.Template);
    if (!compiledTemplates.has(environment)) compiledTemplates.set(environment, new Map());
  });
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
