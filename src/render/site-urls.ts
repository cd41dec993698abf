/** URLs of the site: the base path in front of every internal link, full URLs when the site URL is known. */

/** Normalises a base path to start and end with `/` ("sub/path" → "/sub/path/", "" → "/"). */
export function normaliseBasePath(basePath: string): string {
  const inner = basePath.split('/').filter(Boolean).join('/');
  return inner ? `/${inner}/` : '/';
}

/** A site path ("topics/", "/style.css") with the base path in front: "/sub/path/topics/". */
export function withBase(basePath: string, path: string): string {
  return `${normaliseBasePath(basePath)}${path.replace(/^\/+/, '')}`;
}

/**
 * The site's root as a full URL ending in `/`, or null. A site URL that already ends with the base
 * path ("https://example.org/sub/path") is taken as the root itself.
 */
export function siteRoot(siteUrl: string | null, basePath: string): string | null {
  if (!siteUrl) return null;
  const base = normaliseBasePath(basePath);
  const trimmed = siteUrl.replace(/\/+$/, '');
  if (base !== '/' && `${trimmed}/`.endsWith(base)) return `${trimmed}/`;
  return `${trimmed}${base}`;
}

/** A path that already carries the base path, as a full URL under the site root (or unchanged). */
export function absoluteUrl(root: string | null, basePath: string, pathWithBase: string): string {
  if (!root) return pathWithBase;
  const base = normaliseBasePath(basePath);
  const rest = pathWithBase.startsWith(base) ? pathWithBase.slice(base.length) : pathWithBase.replace(/^\/+/, '');
  return `${root}${rest}`;
}
