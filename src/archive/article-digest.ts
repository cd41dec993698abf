import { createHash } from 'node:crypto';
import { bodyDigest } from './body-store.js';
import type { ArticleRecord } from './types.js';

const digests = new WeakMap<ArticleRecord, string>();

/**
 * A digest of everything in an article's record: each field as JSON, the body by its own digest
 * (`bodyDigest`), so a body kept on disk is not read back. Taken once per record and remembered; the
 * render stage (page digests) and the search index (shard digests) both use it.
 */
export function articleDigest(article: ArticleRecord): string {
  let digest = digests.get(article);
  if (digest === undefined) {
    const hash = createHash('sha256');
    for (const key of Object.keys(article) as Array<keyof ArticleRecord>) {
      // The body by its digest; every other field (read only once: the body may be a getter) as JSON.
      hash.update(key).update('\0').update(key === 'body' ? bodyDigest(article) : JSON.stringify(article[key])).update('\0');
    }
    digest = hash.digest('hex').slice(0, 32);
    digests.set(article, digest);
  }
  return digest;
}
