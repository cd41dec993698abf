/** Options of `npm run bench`. */
export interface BenchOptions {
  /** Articles to generate. Default 2000. */
  articles: number;
  /** Runs of each build; figures are medians. Default 1. */
  runs: number;
  /** Keep the work folder here instead of a temporary one that is removed. */
  keep: string | null;
  /** Seed of the synthetic archive. Default 1. */
  seed: number;
  /** Also profile one cold and one warm build (`node --cpu-prof`) and print where the time went. */
  cpuProf: boolean;
  /** Articles timed for the extraction rate (in-process, one core). Default: all, at most 1000. */
  extractSample: number;
}

export const USAGE = `usage: npm run bench -- [--articles N] [--runs R] [--keep DIR] [--seed S] [--cpu-prof] [--extract-sample K]

  --articles N        articles in the synthetic archive (default 2000)
  --runs R            builds of each kind; figures are medians (default 1)
  --keep DIR          work in DIR and keep it (generated content, both sites, logs)
  --seed S            seed of the generator (default 1)
  --cpu-prof          also profile one cold and one warm build and print where the time went
  --extract-sample K  articles timed for the extraction rate (default: min(N, 1000))`;

export function parseOptions(argv: string[]): BenchOptions {
  const options: BenchOptions = { articles: 2000, runs: 1, keep: null, seed: 1, cpuProf: false, extractSample: 0 };
  const count = (flag: string, value: string | undefined, min: number): number => {
    const n = Number(value);
    if (value === undefined || !Number.isInteger(n) || n < min) throw new Error(`${flag} needs a whole number ≥ ${min}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const [name, inline] = flag.includes('=') ? [flag.slice(0, flag.indexOf('=')), flag.slice(flag.indexOf('=') + 1)] : [flag, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    switch (name) {
      case '--articles':
        options.articles = count(name, value(), 1);
        break;
      case '--runs':
        options.runs = count(name, value(), 1);
        break;
      case '--seed':
        options.seed = count(name, value(), 0);
        break;
      case '--extract-sample':
        options.extractSample = count(name, value(), 1);
        break;
      case '--keep': {
        const dir = value();
        if (!dir) throw new Error('--keep needs a folder');
        options.keep = dir;
        break;
      }
      case '--cpu-prof':
        options.cpuProf = true;
        break;
      case '--help':
      case '-h':
        throw new Error(USAGE);
      default:
        throw new Error(`unknown option ${flag}\n${USAGE}`);
    }
  }
  if (options.extractSample === 0) options.extractSample = Math.min(options.articles, 1000);
  return options;
}
