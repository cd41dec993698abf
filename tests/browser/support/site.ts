import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { Archive } from '../../../src/archive/types.js';
import { build } from '../../../src/build/build.js';

/** The project's seed articles. */
export const SEEDS = fileURLToPath(new URL('../../../content/', import.meta.url));

export interface BuiltSite {
  /** Temporary folder holding `content/` and `site/`. */
  dir: string;
  outDir: string;
  basePath: string;
  archive: Archive;
  remove(): Promise<void>;
}

/**
 * Builds the seeds, plus `extra` articles (file name → text), into a temporary folder with `build()`.
 */
export async function buildSite(options: { basePath?: string; siteUrl?: string | null; extra?: Record<string, string> } = {}): Promise<BuiltSite> {
  const basePath = options.basePath ?? '/';
  const dir = await mkdtemp(join(tmpdir(), 'news-archive-browser-'));
  const contentDir = join(dir, 'content');
  const outDir = join(dir, 'site');
  await mkdir(contentDir, { recursive: true });
  await cp(SEEDS, contentDir, { recursive: true });
  for (const [file, text] of Object.entries(options.extra ?? {})) await writeFile(join(contentDir, file), text);
  const quiet = new Writable({ write: (_chunk, _encoding, done) => done() });
  await build({ contentDir, outDir, basePath, siteUrl: options.siteUrl ?? null, cache: false, stdout: quiet, stderr: quiet });
  const archive = JSON.parse(await readFile(join(outDir, 'records.json'), 'utf8')) as Archive;
  return { dir, outDir, basePath, archive, remove: () => rm(dir, { recursive: true, force: true }) };
}
