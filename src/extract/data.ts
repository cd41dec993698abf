import type { Block } from './blocks.js';
import type { PersonRegistry } from './people/registry.js';
import type { ExtractedArticle } from './types.js';

/** What the extractor's plugins leave on the file as they go, typed once (see vfile's DataMap). */
declare module 'vfile' {
  interface DataMap {
    /** The article cut into paragraph-sized blocks, with each block's role. */
    blocks: Block[];
    /** The record being filled, one field per plugin. */
    article: ExtractedArticle;
    /** Hashtags found in a hashtag line, as topic hints. */
    hashtags: string[];
    /** Site name taken from a title suffix ("Headline | World | site.com"). */
    titleSite: string | null;
    /** Everyone named in the article. */
    people: PersonRegistry;
  }
}

export {};
