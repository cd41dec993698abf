import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { assembleArchive } from '../archive/assemble.js';
import { publishExtras } from '../publish/publish-extras.js';
import { renderSite } from '../render/render-site.js';
import { writeRecords } from '../write/write-records.js';
import { extractAll } from './extract-all.js';

export interface BuildOptions {
  contentDir: string;
  outDir: string;
  basePath: string;
  siteUrl: string | null;
}

/** load → extract → assemble → render → publish → write. Placeholder orchestration; the build stage replaces it. */
export async function build(options: BuildOptions): Promise<void> {
  const contentDir = resolve(options.contentDir);
  const files = (await readdir(contentDir, { recursive: true }))
    .filter((f) => /\.(txt|md)$/i.test(f))
    .sort();
  const jobs = await Promise.all(
    files.map(async (f) => ({ file: relative(contentDir, join(contentDir, f)).split(sep).join('/'), text: await readFile(join(contentDir, f), 'utf8') })),
  );
  const extracted = await extractAll(jobs, { cacheDir: null });
  const archive = assembleArchive(
    jobs.map((job, i) => ({ file: job.file, article: extracted[i]! })),
    { basePath: options.basePath },
  );
  const outDir = resolve(options.outDir);
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const renderOptions = { outDir, basePath: options.basePath, siteUrl: options.siteUrl };
  await renderSite(archive, renderOptions);
  await publishExtras(archive, renderOptions);
  await writeRecords(archive, outDir);
}
