import { stat } from 'node:fs/promises';
import { UsageError } from '../report/errors.js';

/** Checks that the content folder exists and is a folder; a `UsageError` (exit status 2) says what to do. */
export async function checkContentDir(contentDir: string): Promise<void> {
  let isDir = false;
  try {
    isDir = (await stat(contentDir)).isDirectory();
  } catch {
    throw new UsageError(`content folder '${contentDir}' does not exist; create it or name another with --content DIR`);
  }
  if (!isDir) throw new UsageError(`content folder '${contentDir}' is not a folder; name a folder with --content DIR`);
}
