import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The news-archive package folder: the nearest folder above this module with our package.json. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        const { name } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown };
        if (name === 'news-archive') return dir;
      } catch {
        // not ours; keep looking
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('news-archive: cannot find the package folder (templates/, public/)');
    dir = parent;
  }
}

/** Where the Nunjucks templates live. */
export const templatesDir = (): string => join(packageRoot(), 'templates');
/** Static assets copied as they are to the site root. */
export const publicDir = (): string => join(packageRoot(), 'public');
