/**
 * Reads a corpus folder: one sub-folder per case with `article.txt` and
 * `gold.json` (one gold article, in the format of ../shared/gold/seeds.json),
 * plus an optional `names.json` at the top with the set-wide
 * `canonical_names` and `topics_forbidden`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { GoldArticle, GoldSet } from './gold-types.js';

export interface CorpusCase {
  /** The case's key, `<case>/article.txt`, matched against records' `file`. */
  file: string;
  /** The case folder's name. */
  name: string;
  text: string;
  gold: GoldArticle;
}

export interface Corpus {
  gold: GoldSet;
  cases: CorpusCase[];
}

export class CorpusError extends Error {
  override name = 'CorpusError';
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (error) {
    throw new CorpusError(`cannot read ${path}: ${(error as Error).message}`, { cause: error });
  }
}

interface NamesFile {
  canonical_names?: Record<string, string[]>;
  topics_forbidden?: string[];
}

export function loadCorpus(dir: string): Corpus {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new CorpusError(`no corpus folder at ${dir}`);
  const names = readdirSync(dir)
    .filter((n) => statSync(join(dir, n)).isDirectory() && existsSync(join(dir, n, 'article.txt')))
    .sort();
  const cases: CorpusCase[] = names.map((name) => {
    const goldPath = join(dir, name, 'gold.json');
    if (!existsSync(goldPath)) throw new CorpusError(`${join(dir, name)} has article.txt but no gold.json`);
    const file = `${name}/article.txt`;
    const gold = { ...(readJson(goldPath) as GoldArticle), file };
    return { file, name, text: readFileSync(join(dir, name, 'article.txt'), 'utf8'), gold };
  });
  const namesPath = join(dir, 'names.json');
  const shared: NamesFile = existsSync(namesPath) ? (readJson(namesPath) as NamesFile) : {};
  const gold: GoldSet = { articles: cases.map((c) => c.gold) };
  if (shared.canonical_names) gold.canonical_names = shared.canonical_names;
  if (shared.topics_forbidden) gold.topics_forbidden = shared.topics_forbidden;
  return { gold, cases };
}
