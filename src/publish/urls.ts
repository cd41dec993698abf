/** Links written into feeds, the sitemap and robots.txt. */

export interface LinkOptions {
  /** URL prefix the site is served under, starting and ending with `/`. */
  basePath: string;
  /** Absolute site URL (`https://example.org` or `https://example.org/archive/`), or null. */
  siteUrl: string | null;
}

/**
 * Turns a site path (`/articles/x/`, already holding the base path) into the link to publish:
 * absolute against `siteUrl` when there is one, else the path itself.
 *
 * `siteUrl` names the host (and may repeat the base path): `https://example.org` with base path `/news/`
 * and `https://example.org/news/` both give `https://example.org/news/articles/x/`.
 */
export function publicLink(sitePath: string, options: LinkOptions): string {
  if (options.siteUrl === null || options.siteUrl === '') return sitePath;
  const site = new URL(options.siteUrl);
  const sitePrefix = site.pathname.endsWith('/') ? site.pathname : `${site.pathname}/`;
  // A siteUrl that already ends with the base path must not add it twice.
  const path = sitePrefix !== '/' && sitePath.startsWith(sitePrefix) ? sitePath : joinPaths(sitePrefix, sitePath);
  return new URL(path, site.origin).href;
}

function joinPaths(prefix: string, path: string): string {
  return `${prefix.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/** The site path of a file in the output folder (`topics/x/index.html` → `<base>topics/x/`), percent-encoded. */
export function pathOfOutputFile(relativeFile: string, basePath: string): string {
  const segments = relativeFile.split('/');
  const last = segments[segments.length - 1];
  if (last === 'index.html') segments[segments.length - 1] = '';
  return `${basePath}${segments.map((s) => encodeURIComponent(s)).join('/')}`;
}
