import { describe, expect, it } from 'vitest';
import { helpText, OPTIONS, parseArgs } from '../src/cli/options.js';
import { normaliseBasePath } from '../src/build/base-path.js';
import { UsageError } from '../src/report/errors.js';

describe('parseArgs', () => {
  it('has the documented defaults', () => {
    expect(parseArgs(['build'])).toMatchObject({
      command: 'build',
      contentDir: 'content',
      outDir: '_site',
      basePath: '/',
      siteUrl: null,
      strict: false,
      cache: true,
    });
  });

  it('reads every option, as `--name value` and `--name=value`', () => {
    const options = parseArgs(['build', '--content', 'in', '--out=out', '--base-path', 'news', '--site-url', 'https://example.org/', '--strict', '--no-cache', '--verbose']);
    expect(options).toMatchObject({ contentDir: 'in', outDir: 'out', basePath: 'news', siteUrl: 'https://example.org/', strict: true, cache: false, verbose: true });
  });

  it.each([
    [['build', '--foo'], /unknown option '--foo'/],
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['build', '--out'], /--out needs a value/],
    [['build', '--out', '--strict'], /--out needs a value/],
    [['build', '--strict=yes'], /takes no value/],
    [['build', '--site-url', 'example.org'], /not an absolute http/],
    [['build', '--port', '80'], /not an option of build/],
    [['serve', '--port', 'x'], /not a port/],
    [['build', 'extra'], /unexpected argument 'extra'/],
  ])('refuses %j with a UsageError', (argv, message) => {
    expect(() => parseArgs(argv)).toThrowError(message);
    try {
      parseArgs(argv);
    } catch (error) {
      expect(error).toBeInstanceOf(UsageError);
      expect((error as UsageError).exitCode).toBe(2);
      expect((error as Error).message).not.toContain('\n');
    }
  });

  it('knows -h and -V', () => {
    expect(parseArgs(['-h']).help).toBe(true);
    expect(parseArgs(['build', '--help']).help).toBe(true);
    expect(parseArgs(['-V']).version).toBe(true);
  });
});

describe('helpText', () => {
  it('documents every option with its default', () => {
    const help = helpText('1.2.3');
    for (const option of OPTIONS) {
      expect(help).toContain(`--${option.name}`);
      if (option.default !== '') expect(help).toContain(`[default: ${option.default}]`);
    }
    expect(help).toContain('news-archive build');
    expect(help).toContain('news-archive serve');
  });
});

describe('normaliseBasePath', () => {
  it.each([
    ['/', '/'],
    ['', '/'],
    ['news', '/news/'],
    ['/news', '/news/'],
    ['news/archive/', '/news/archive/'],
    ['/news//archive', '/news/archive/'],
  ])('%j → %j', (input, expected) => {
    expect(normaliseBasePath(input)).toBe(expected);
  });

  it.each(['https://example.org/news/', '//example.org/news/', '/a/../b', '/a b/', '/a?x=1', '/a#b'])('refuses %j', (input) => {
    expect(normaliseBasePath(input)).toBeNull();
  });
});
