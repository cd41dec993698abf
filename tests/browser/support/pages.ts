import { listHtmlPages } from '../../../src/publish/sitemap.js';

/** A kind of page and one page of that kind, as a path under the base path (`topics/war/`). */
export interface PageKind {
  kind: string;
  path: string;
}

/**
 * One page of every kind the site has: the home page, each index (`topics/`, `speakers/` …), one page under each
 * index (`topics/*`), deeper ones (`timeline/*\/*`), the 404 page. Found from the files written, so a new
 * kind of page is checked without editing the tests.
 */
export async function pageKinds(outDir: string): Promise<PageKind[]> {
  const kinds = new Map<string, string>();
  for (const file of await listHtmlPages(outDir)) {
    const path = file.replace(/(^|\/)index\.html$/, '$1');
    const segments = path.split('/').filter(Boolean);
    const kind = segments.length === 0 ? 'home' : [segments[0], ...segments.slice(1).map(() => '*')].join('/') + (path.endsWith('/') ? '/' : '');
    if (!kinds.has(kind)) kinds.set(kind, path);
  }
  return [...kinds].map(([kind, path]) => ({ kind, path }));
}

/** Every page written, as paths under the base path. */
export async function allPages(outDir: string): Promise<string[]> {
  return (await listHtmlPages(outDir)).map((file) => file.replace(/(^|\/)index\.html$/, '$1'));
}
