import { UsageError } from '../report/errors.js';

export type Command = 'build' | 'serve';

export interface CliOptions {
  command: Command | null;
  help: boolean;
  version: boolean;
  contentDir: string;
  outDir: string;
  basePath: string;
  siteUrl: string | null;
  strict: boolean;
  cache: boolean;
  verbose: boolean;
  port: number;
}

interface OptionSpec {
  name: string;
  short?: string;
  /** Name of the value, for options that take one. */
  value?: string;
  default: string;
  help: string;
  commands: readonly Command[];
}

/** Every option, as `--help` documents it. */
export const OPTIONS: readonly OptionSpec[] = [
  { name: 'content', value: 'DIR', default: 'content', help: 'folder of articles (.txt and .md, read recursively)', commands: ['build', 'serve'] },
  { name: 'out', value: 'DIR', default: '_site', help: 'site folder; replaced whole, so it must be empty or built by news-archive', commands: ['build', 'serve'] },
  { name: 'base-path', value: 'PATH', default: '/', help: 'URL path the site is hosted under, e.g. /news/archive/', commands: ['build', 'serve'] },
  { name: 'site-url', value: 'URL', default: 'none', help: 'absolute URL of the site, for feeds and sitemap, e.g. https://example.org/', commands: ['build', 'serve'] },
  { name: 'strict', default: 'off', help: 'warnings fail the build (exit status 1)', commands: ['build', 'serve'] },
  { name: 'no-cache', default: 'cache on', help: 'extract and render everything anew (ignore .cache/ and the previous site)', commands: ['build', 'serve'] },
  { name: 'verbose', default: 'off', help: 'list every warning, not only the first 200, and the extractor\'s notes', commands: ['build', 'serve'] },
  { name: 'port', value: 'N', default: '8080', help: 'port of the local server', commands: ['serve'] },
  { name: 'help', short: 'h', default: '', help: 'show this help', commands: ['build', 'serve'] },
  { name: 'version', short: 'V', default: '', help: 'show the version', commands: ['build', 'serve'] },
];

const COMMANDS: readonly Command[] = ['build', 'serve'];

/** Parses the command line (without `node` and the script). Throws a `UsageError` naming the mistake. */
export function parseArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = {
    command: null,
    help: false,
    version: false,
    contentDir: 'content',
    outDir: '_site',
    basePath: '/',
    siteUrl: null,
    strict: false,
    cache: true,
    verbose: false,
    port: 8080,
  };
  const args = [...argv];
  while (args.length > 0) {
    const arg = args.shift()!;
    if (!arg.startsWith('-') || arg === '-') {
      if (options.command === null && (COMMANDS as readonly string[]).includes(arg)) {
        options.command = arg as Command;
        continue;
      }
      throw new UsageError(
        options.command === null ? `unknown command '${arg}'; the commands are build and serve (see news-archive --help)` : `unexpected argument '${arg}'; options are written --name value (see news-archive --help)`,
      );
    }
    const eq = arg.indexOf('=');
    const flag = eq >= 0 ? arg.slice(0, eq) : arg;
    const inline = eq >= 0 ? arg.slice(eq + 1) : null;
    const spec = OPTIONS.find((o) => `--${o.name}` === flag || (o.short !== undefined && `-${o.short}` === flag));
    if (spec === undefined) throw new UsageError(`unknown option '${flag}' (see news-archive --help)`);
    let value: string | null = null;
    if (spec.value !== undefined) {
      value = inline ?? args.shift() ?? null;
      if (value === null || (inline === null && value.startsWith('--'))) throw new UsageError(`option --${spec.name} needs a value: --${spec.name} ${spec.value}`);
    } else if (inline !== null) {
      throw new UsageError(`option --${spec.name} takes no value`);
    }
    switch (spec.name) {
      case 'content':
        options.contentDir = value!;
        break;
      case 'out':
        options.outDir = value!;
        break;
      case 'base-path':
        options.basePath = value!;
        break;
      case 'site-url': {
        let url: URL | null = null;
        try {
          url = new URL(value!);
        } catch {
          url = null;
        }
        if (url === null || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
          throw new UsageError(`--site-url '${value}' is not an absolute http(s) URL; write it like https://example.org/news/`);
        }
        options.siteUrl = value!;
        break;
      }
      case 'port': {
        const port = Number(value);
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port '${value}' is not a port number (0–65535)`);
        options.port = port;
        break;
      }
      case 'strict':
        options.strict = true;
        break;
      case 'no-cache':
        options.cache = false;
        break;
      case 'verbose':
        options.verbose = true;
        break;
      case 'help':
        options.help = true;
        break;
      case 'version':
        options.version = true;
        break;
    }
  }
  if (options.command !== null) {
    for (const arg of argv) {
      const spec = OPTIONS.find((o) => arg === `--${o.name}` || arg.startsWith(`--${o.name}=`));
      if (spec && !spec.commands.includes(options.command)) throw new UsageError(`option --${spec.name} is not an option of ${options.command} (see news-archive --help)`);
    }
  }
  return options;
}

/** The text of `--help`: every command and option, with its default. */
export function helpText(version: string): string {
  const rows = OPTIONS.map((o) => {
    const left = `${o.short ? `-${o.short}, ` : '    '}--${o.name}${o.value ? ` ${o.value}` : ''}`;
    const only = o.commands.length === 1 ? ` (${o.commands[0]} only)` : '';
    const def = o.default === '' ? '' : ` [default: ${o.default}]`;
    return `  ${left.padEnd(22)} ${o.help}${only}${def}`;
  });
  return [
    `news-archive ${version}: a static-site generator for news archives that knows who said what`,
    '',
    'Usage:',
    '  news-archive build [options]   build the site from the content folder into --out',
    '  news-archive serve [options]   build, serve the site locally and rebuild when content changes',
    '',
    'Options:',
    ...rows,
    '',
    'Exit status: 0 built (maybe with warnings); 1 a file was left out, a warning under --strict, or the build failed;',
    '2 a wrong option, a missing content folder or an --out it must not replace.',
    '',
  ].join('\n');
}
