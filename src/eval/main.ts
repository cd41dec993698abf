#!/usr/bin/env node
/** `npm run eval`: scores the extractor on the corpus (or a gold set) and fails below the targets. */
import { checkGold } from './check-gold.js';
import { evaluate } from './evaluate.js';
import { CorpusError, loadCorpus } from './load-corpus.js';
import { loadGoldWithContent } from './load-gold.js';
import { parseOptions, USAGE, UsageError } from './options.js';
import { formatResult } from './print.js';
import { loadRecordsFile } from './read-records.js';
import { CORPUS_TARGETS, missedTargets, SEED_TARGETS } from './targets.js';

function main(argv: readonly string[]): number {
  const options = parseOptions(argv);
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  const corpus = options.gold ? loadGoldWithContent(options.gold, options.content) : loadCorpus(options.corpus);
  for (const c of corpus.cases) for (const p of checkGold(c.gold, c.text, corpus.gold.topics_forbidden)) console.error(`gold ${c.file}: ${p}`);
  const records = options.records ? loadRecordsFile(options.records) : undefined;
  const { result, errors } = evaluate(corpus, records);
  for (const e of errors) console.error(e);
  for (const line of formatResult(result, options)) console.log(line);
  const missed = missedTargets(result.summary, options.targets === 'seeds' ? SEED_TARGETS : CORPUS_TARGETS);
  if (missed.length) {
    console.error(`below target (${options.targets}): ${missed.join(', ')}`);
    return 1;
  }
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError || error instanceof CorpusError) {
    console.error(`eval: ${error.message}`);
    process.exitCode = 2;
  } else throw error;
}
