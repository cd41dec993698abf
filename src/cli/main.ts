#!/usr/bin/env node
import { build } from '../build/build.js';

// Placeholder CLI: the cli stage replaces it with full option parsing and help.
const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
if (args[0] === 'build') {
  await build({
    contentDir: option('--content', 'content'),
    outDir: option('--out', '_site'),
    basePath: option('--base-path', '/'),
    siteUrl: null,
  });
} else {
  console.error('usage: news-archive build [--content DIR] [--out DIR] [--base-path /sub/path/]');
  process.exit(2);
}
