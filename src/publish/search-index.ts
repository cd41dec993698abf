import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { pathOfOutputFile } from './urls.js';

/** Pagefind runs as one service process per Node process; builds in the same process take turns. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Writes the Pagefind search index and its UI into `<outDir>/pagefind/`.
 *
 * Pages are added one by one in sorted order, so the index does not depend on the order files are found on
 * disk. Their URLs are relative to the site root, without the base path: Pagefind's script puts back whatever
 * comes before `pagefind/` in its own URL, so the search page needs no `baseUrl` option under any base path.
 * Pagefind runs its binary from the npm package and makes no request.
 */
export function writeSearchIndex(outDir: string, pages: readonly string[]): Promise<void> {
  const run = queue.then(() => indexPages(outDir, pages));
  queue = run.catch(() => undefined);
  return run;
}

async function indexPages(outDir: string, pages: readonly string[]): Promise<void> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (index === undefined) throw new SearchIndexError(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    for (const file of [...pages].sort()) {
      const content = await readFile(join(outDir, ...file.split('/')), 'utf8');
      const added = await index.addHTMLFile({ url: pathOfOutputFile(file, '/'), content });
      if (added.errors.length > 0) throw new SearchIndexError(`Pagefind could not index ${file}: ${added.errors.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
    if (written.errors.length > 0) throw new SearchIndexError(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  } finally {
    await index.deleteIndex();
    await pagefind.close();
  }
}

export class SearchIndexError extends Error {
  override name = 'SearchIndexError';
}
