import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { articleDigest } from '../archive/article-digest.js';
import { sha256Hex } from '../cache/digest.js';
import type { FeedPlan } from './feeds.js';
import type { LinkOptions } from './urls.js';

/**
 * What lets a rebuild keep the feeds whose entries did not change: each feed's digest, kept beside the site's
 * pages (`.news-archive-feeds.json` in the output folder, swapped in with the site it describes); a feed whose
 * digest is the previous build's is linked from there instead of being made and written again.
 */

/** Bump when a feed's XML changes for the same articles without the modules below changing. */
const FEEDS_VERSION = 1;

/** File in the output folder holding its feeds' digests. */
export const FEEDS_MANIFEST = '.news-archive-feeds.json';

interface FeedsManifest {
  version: number;
  /** Feed path in the site → digest of what it is made from. */
  feeds: Record<string, string>;
}

/** The modules a feed's XML is made by, beside this one (`.js` in `dist/`, `.ts` as source). */
const FEED_MODULES = ['./feeds', './urls', './xml', '../archive/sort', '../render/site-urls'];

/** Everything a feed depends on besides its own spec and entries: the code that makes it and the site's links. */
export async function feedsSalt(options: LinkOptions): Promise<string> {
  const extension = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  const hash = createHash('sha256').update(`${FEEDS_VERSION}\n${JSON.stringify({ basePath: options.basePath, siteUrl: options.siteUrl ?? null })}\n`);
  for (const module of FEED_MODULES) hash.update(await readFile(fileURLToPath(new URL(`${module}${extension}`, import.meta.url)))).update('\n');
  return hash.digest('hex');
}

/** The digest of one feed: the salt, its place, title and links, and each entry's article (`articleDigest`), in order. */
export function feedDigest(salt: string, plan: FeedPlan): string {
  const { key, title, selfPath, pagePath } = plan.spec;
  // Hashed as one string: the same bytes as an update per entry, without a hundred calls into the hash per feed.
  let text = `${salt}\n${JSON.stringify({ file: plan.file, key, title, selfPath, pagePath })}\n`;
  for (const article of plan.newest) text += `${articleDigest(article)}\n`;
  return sha256Hex(text);
}

/** The previous build's feed digests by feed path; none when there is no previous site or its list is unreadable. */
export async function previousFeedDigests(previousOutDir: string | null | undefined): Promise<Map<string, string>> {
  const digests = new Map<string, string>();
  if (!previousOutDir) return digests;
  try {
    const manifest = JSON.parse(await readFile(join(previousOutDir, FEEDS_MANIFEST), 'utf8')) as Partial<FeedsManifest>;
    if (manifest.version !== FEEDS_VERSION || !manifest.feeds || typeof manifest.feeds !== 'object') return digests;
    for (const [file, digest] of Object.entries(manifest.feeds)) if (typeof digest === 'string') digests.set(file, digest);
  } catch {
    // No previous list: every feed is made anew.
  }
  return digests;
}

/** The text of the feeds list for the output folder: feed paths sorted, so the file does not depend on the order of writing. */
export function feedsManifest(digests: ReadonlyMap<string, string>): string {
  const feeds: Record<string, string> = {};
  for (const file of [...digests.keys()].sort()) feeds[file] = digests.get(file) ?? '';
  return `${JSON.stringify({ version: FEEDS_VERSION, feeds } satisfies FeedsManifest, null, 1)}\n`;
}
