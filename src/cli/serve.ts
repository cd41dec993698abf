import { pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import type { CliOptions } from './options.js';
import { NewsArchiveError } from '../report/errors.js';

/** `news-archive serve`: hands over to the render stage's server (`src/render/serve.ts`) when it exists. */
export async function serve(options: CliOptions): Promise<number> {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = ['serve.js', 'serve.ts'].map((name) => join(here, '..', 'render', name));
  const module = candidates.find((file) => existsSync(file));
  if (module === undefined) {
    throw new NewsArchiveError('serve is not available in this version yet; run news-archive build and open the --out folder with any static file server', { exitCode: 2 });
  }
  const loaded = (await import(pathToFileURL(module).href)) as { serveSite?: unknown };
  if (typeof loaded.serveSite !== 'function') {
    throw new NewsArchiveError('serve is not available in this version yet; run news-archive build and open the --out folder with any static file server', { exitCode: 2 });
  }
  await (loaded.serveSite as (o: CliOptions) => Promise<void>)(options);
  return 0;
}
