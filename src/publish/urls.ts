import { absoluteUrl, siteRoot } from '../render/site-urls.js';

/** Links written into feeds, the sitemap and robots.txt. */

export interface LinkOptions {
  /** URL prefix the site is served under, starting and ending with `/`. */
  basePath: string;
  /** Absolute site URL (`https://example.org` or `https://example.org/archive/`), or null. */
  siteUrl: string | null;
}

/**
 * Turns a site path (`/news/articles/x/`, already holding the base path) into the link to publish: absolute
 * under the site's root when `siteUrl` is given, else the path itself. The root is the one the pages use for
 * their canonical links (`siteRoot` in `src/render/site-urls.ts`), so feeds, sitemap and pages agree.
 */
export function publicLink(sitePath: string, options: LinkOptions): string {
  return absoluteUrl(siteRoot(options.siteUrl, options.basePath), options.basePath, sitePath);
}

/** The site path of a file in the output folder (`topics/x/index.html` → `<base>topics/x/`), percent-encoded. */
export function pathOfOutputFile(relativeFile: string, basePath: string): string {
  const segments = relativeFile.split('/');
  const last = segments[segments.length - 1];
  if (last === 'index.html') segments[segments.length - 1] = '';
  return `${basePath}${segments.map((s) => encodeURIComponent(s)).join('/')}`;
}
