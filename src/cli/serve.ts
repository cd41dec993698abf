import { normaliseBasePath } from '../build/base-path.js';
import { checkContentDir } from '../load/content-dir.js';
import { serveSite } from '../render/serve.js';
import { UsageError } from '../report/errors.js';
import { checkOutputDir } from '../write/output-dir.js';
import type { CliOptions } from './options.js';

/**
 * `news-archive serve` (`npm start`): builds, serves the site under the base path and rebuilds when the content
 * changes (`serveSite`, from the render stage), until Ctrl-C. A wrong content folder, base path or `--out` stops
 * it before anything starts, with exit status 2, as for `build`.
 */
export async function serve(options: CliOptions): Promise<number> {
  const basePath = normaliseBasePath(options.basePath);
  if (basePath === null) throw new UsageError(`--base-path '${options.basePath}' is not a URL path; write it like /news/archive/`);
  await checkContentDir(options.contentDir);
  await checkOutputDir(options.outDir, options.contentDir);
  await serveSite({
    contentDir: options.contentDir,
    outDir: options.outDir,
    basePath,
    siteUrl: options.siteUrl,
    port: options.port,
    strict: options.strict,
    cache: options.cache,
    verbose: options.verbose,
  });
  return 0;
}
