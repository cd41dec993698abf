import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Archive } from '../archive/types.js';

/** Writes records.json, the archive's data export, at the site root. */
export async function writeRecords(archive: Archive, outDir: string): Promise<void> {
  await writeFile(join(outDir, 'records.json'), `${JSON.stringify(archive, null, 2)}\n`);
}
