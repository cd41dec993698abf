/**
 * Reads a gold set in the format of ../shared/gold/seeds.json, and the
 * article texts it annotates from a content folder (by each gold `file`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GoldSet } from './gold-types.js';
import { CorpusError, type Corpus } from './load-corpus.js';

export function loadGoldFile(path: string): GoldSet {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (error) {
    throw new CorpusError(`cannot read gold ${path}: ${(error as Error).message}`, { cause: error });
  }
  const gold = parsed as GoldSet;
  if (!Array.isArray(gold.articles)) throw new CorpusError(`gold ${path} has no "articles" array`);
  return gold;
}

/** The gold set with its texts read from `contentDir`; a text that is missing is an error. */
export function loadGoldWithContent(goldPath: string, contentDir: string): Corpus {
  const gold = loadGoldFile(goldPath);
  const cases = gold.articles.map((g) => {
    const path = join(contentDir, g.file);
    if (!existsSync(path)) throw new CorpusError(`gold names ${g.file}, not found in ${contentDir}`);
    return { file: g.file, name: g.file, text: readFileSync(path, 'utf8'), gold: g };
  });
  return { gold, cases };
}
