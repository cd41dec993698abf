import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Archive } from '../archive/types.js';
import type { RenderOptions } from '../render/render-site.js';
import { archiveFeeds } from './feeds.js';
import { writeSearchIndex, type SearchIndexResult } from './search-index.js';
import { isListedPage, listHtmlPages, robotsTxt, sitemapXml } from './sitemap.js';

export interface PublishResult {
  /** Files written by this stage (feeds, sitemap, robots.txt), not counting Pagefind's bundle. */
  files: number;
  /** The search index: pages indexed, shards, shards reused from the previous build. */
  search: SearchIndexResult;
}

/**
 * Writes what comes after the pages, into the folder they were rendered to:
 * `feed.xml`, `topics/<id>/feed.xml`, `speakers/<id>/feed.xml` (Atom), `sitemap.xml`, `robots.txt`,
 * and the Pagefind search index and UI in `pagefind/` (in shards on a large archive, see `search-index.ts`).
 */
export async function publishExtras(archive: Archive, options: RenderOptions, onProgress?: (shardsDone: number, shards: number) => void): Promise<PublishResult> {
  const { outDir } = options;
  const pages = await listHtmlPages(outDir);
  const files = [
    ...archiveFeeds(archive, options).map((feed) => ({ file: feed.file, text: feed.xml })),
    { file: 'sitemap.xml', text: sitemapXml(pages.filter(isListedPage), options, articleDates(archive)) },
    { file: 'robots.txt', text: robotsTxt(options) },
  ];
  for (const { file, text } of files) {
    const path = join(outDir, ...file.split('/'));
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
  }
  const search = await writeSearchIndex(archive, { ...options, pages, ...(onProgress === undefined ? {} : { onProgress }) });
  return { files: files.length, search };
}

/** Each dated article's page path and date, for the sitemap's `<lastmod>`. */
function articleDates(archive: Archive): Map<string, string> {
  return new Map(archive.articles.filter((a) => a.date !== null).map((a) => [a.url, a.date ?? '']));
}
