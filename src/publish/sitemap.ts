import { listFilesSync } from '../write/list-files.js';
import { pathOfOutputFile, publicLink, type LinkOptions } from './urls.js';
import { escapeXml } from './xml.js';

/**
 * Every HTML page in the output folder, as paths relative to it with forward slashes, sorted.
 * Pagefind's own folder is left out (it holds no pages unless its playground is written).
 * The folders are read synchronously, one after another: a large site has one folder per page, and for
 * tens of thousands of small reads the thread pool's round trips cost more than the reads.
 */
export async function listHtmlPages(outDir: string): Promise<string[]> {
  return Promise.resolve(listHtmlPagesSync(outDir));
}

/** `listHtmlPages`, at once. */
export function listHtmlPagesSync(outDir: string): string[] {
  return listFilesSync(outDir, (folder) => folder === 'pagefind')
    .filter((path) => path.endsWith('.html'))
    .sort();
}

/** Pages a search engine should not list: the not-found page is served for any missing URL. */
export function isListedPage(file: string): boolean {
  return file !== '404.html';
}

/**
 * A sitemap (sitemaps.org 0.9) of the given pages, in the order given. `dates` maps a page's site path
 * (`/news/articles/x/`) to its `YYYY-MM-DD` date, given as `<lastmod>`: an article's own date, never the build's.
 */
export function sitemapXml(pages: readonly string[], options: LinkOptions, dates: ReadonlyMap<string, string> = new Map()): string {
  const url = (file: string): string => {
    const path = pathOfOutputFile(file, options.basePath);
    const date = dates.get(path);
    const lastmod = date !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(date) ? `<lastmod>${date}</lastmod>` : '';
    return `  <url><loc>${escapeXml(publicLink(path, options))}</loc>${lastmod}</url>`;
  };
  return ['<?xml version="1.0" encoding="utf-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', ...pages.map(url), '</urlset>', ''].join('\n');
}

/** robots.txt: everything may be crawled; the sitemap is named. */
export function robotsTxt(options: LinkOptions): string {
  return ['User-agent: *', 'Allow: /', `Sitemap: ${publicLink(`${options.basePath}sitemap.xml`, options)}`, ''].join('\n');
}
