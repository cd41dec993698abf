import { sha256Hex } from '../cache/digest.js';
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
    // The body by its digest; every other field (read only once: the body may be a getter) as JSON. One
    // string hashed at once: the same bytes as an update per part, without some fifty calls into the hash per record.
    let text = '';
    for (const key of Object.keys(article) as Array<keyof ArticleRecord>) {
      text += `${key}\0${key === 'body' ? bodyDigest(article) : JSON.stringify(article[key])}\0`;
    }
    digest = sha256Hex(text).slice(0, 32);
    digests.set(article, digest);
  }
  return digest;
}
