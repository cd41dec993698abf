#!/usr/bin/env node
import { errorChain, NewsArchiveError, UsageError } from '../report/errors.js';
import { oneLine } from '../report/reporter.js';
import { helpText, parseArgs } from './options.js';
import { packageVersion } from './version.js';

/** Runs the command line; returns the exit status. */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    const options = parseArgs(argv);
    if (options.help) {
      process.stdout.write(helpText(packageVersion()));
      return 0;
    }
    if (options.version) {
      process.stdout.write(`${packageVersion()}\n`);
      return 0;
    }
    if (options.command === null) {
      process.stderr.write(helpText(packageVersion()));
      return 2;
    }
    if (options.command === 'serve') {
      const { serve } = await import('./serve.js');
      return await serve(options);
    }
    // Loaded only now, so that --help and a wrong option answer at once.
    const { build } = await import('../build/build.js');
    const result = await build({
      contentDir: options.contentDir,
      outDir: options.outDir,
      basePath: options.basePath,
      siteUrl: options.siteUrl,
      strict: options.strict,
      cache: options.cache,
      verbose: options.verbose,
    });
    return result.exitCode;
  } catch (error) {
    const chain = errorChain(error);
    process.stderr.write(`news-archive: error: ${oneLine(chain.join(': '))}\n`);
    if (process.env.NEWS_ARCHIVE_DEBUG) {
      let root: unknown = error;
      while (root instanceof Error && root.cause !== undefined) root = root.cause;
      if (root instanceof Error) process.stderr.write(`${root.stack ?? ''}\n`);
    }
    if (error instanceof UsageError || error instanceof NewsArchiveError) return error.exitCode;
    return 1;
  }
}

process.exit(await main(process.argv.slice(2)));
