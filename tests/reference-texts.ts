import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..');

/**
 * Every reference text the extractor's speed paths are checked on: the extractor fixtures' inputs, the gold
 * corpus and the held-out sets' articles, and `content/`; each with its path from the project root.
 */
export function referenceTexts(): { name: string; text: string }[] {
  const files: string[] = [];
  const fixtures = join(root, 'tests/fixtures/extract');
  for (const dir of readdirSync(fixtures)) if (existsSync(join(fixtures, dir, 'input.txt'))) files.push(join(fixtures, dir, 'input.txt'));
  for (const set of readdirSync(join(root, 'tests')).filter((d) => d === 'corpus' || d.startsWith('holdout'))) {
    for (const dir of readdirSync(join(root, 'tests', set))) {
      const file = join(root, 'tests', set, dir, 'article.txt');
      if (existsSync(file)) files.push(file);
    }
  }
  if (existsSync(join(root, 'content'))) for (const name of readdirSync(join(root, 'content'))) files.push(join(root, 'content', name));
  return files.map((file) => ({ name: relative(root, file), text: readFileSync(file, 'utf8') }));
}
