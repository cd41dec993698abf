/**
 * Normalises `--base-path` to start and end with `/`: `blog` → `/blog/`, `/a/b` → `/a/b/`, `` → `/`.
 * Returns null for a value that cannot be a URL path (a scheme, `..`, a query or characters that need escaping).
 */
export function normaliseBasePath(value: string): string | null {
  const trimmed = value.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed) || trimmed.startsWith('//')) return null;
  const segments = trimmed.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '.' || s === '..' || !/^[A-Za-z0-9._~!$&'()*+,;=:@%-]+$/.test(s))) return null;
  return segments.length === 0 ? '/' : `/${segments.join('/')}/`;
}
