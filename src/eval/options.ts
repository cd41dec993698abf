/** Command-line options of `npm run eval`. */

export interface EvalOptions {
  /** Corpus folder of `<case>/article.txt` + `gold.json`. Default `tests/corpus`. */
  corpus: string;
  /** A gold set in the format of ../shared/gold/seeds.json, used instead of the corpus. Default none. */
  gold: string | null;
  /** Where the texts of `--gold` articles are read. Default `content`. */
  content: string;
  /** A records.json to score instead of running the extractor. Default none. */
  records: string | null;
  /** Which targets decide the exit status: `corpus` (issue 3) or `seeds` (issue 2). Default `corpus`, `seeds` with `--gold`. */
  targets: 'corpus' | 'seeds';
  /** Print the summary as JSON on the last line. Default false. */
  json: boolean;
  /** Print every article's row, also the correct ones. Default false. */
  verbose: boolean;
  help: boolean;
}

export const USAGE = `usage: npm run eval -- [options]

Runs the extractor on a corpus and scores it field by field against its gold.

  --corpus DIR     corpus of <case>/article.txt + gold.json (default tests/corpus)
  --gold FILE      score against a gold set like ../shared/gold/seeds.json instead
  --content DIR    where --gold's article files are read (default content)
  --records FILE   score this records.json instead of running the extractor
  --targets NAME   corpus (issue 3) or seeds (issue 2); default corpus, seeds with --gold
  --json           print the summary as JSON on the last line
  --verbose        print every article's row, also the correct ones
  --help           this text

Exit status: 0 when every target holds, 1 when one is missed, 2 on a usage or input error.`;

export class UsageError extends Error {
  override name = 'UsageError';
}

export function parseOptions(argv: readonly string[]): EvalOptions {
  const o: EvalOptions = {
    corpus: 'tests/corpus', gold: null, content: 'content', records: null,
    targets: 'corpus', json: false, verbose: false, help: false,
  };
  let targetsGiven = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    const value = (): string => {
      const v = argv[i + 1];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${arg} needs a value`);
      i += 1;
      return v;
    };
    switch (arg) {
      case '--corpus': o.corpus = value(); break;
      case '--gold': o.gold = value(); break;
      case '--content': o.content = value(); break;
      case '--records': o.records = value(); break;
      case '--targets': {
        const v = value();
        if (v !== 'corpus' && v !== 'seeds') throw new UsageError(`--targets takes corpus or seeds, not ${v}`);
        o.targets = v;
        targetsGiven = true;
        break;
      }
      case '--json': o.json = true; break;
      case '--verbose': o.verbose = true; break;
      case '--help': case '-h': o.help = true; break;
      default: throw new UsageError(`unknown option ${arg}`);
    }
  }
  if (o.gold && !targetsGiven) o.targets = 'seeds';
  return o;
}
