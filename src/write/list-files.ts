import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every file in `root` that is not a folder (a file, a link, anything else), as paths relative to it with forward
 * slashes, in no particular order; the folders `skip` names (by their relative path) are not read. Read synchronously, one folder after another: a large site has one folder per
 * page, and for tens of thousands of small reads the thread pool's round trips cost more than the reads.
 */
export function listFilesSync(root: string, skip: (folder: string) => boolean = () => false): string[] {
  const files: string[] = [];
  const folders = [''];
  for (let folder = folders.pop(); folder !== undefined; folder = folders.pop()) {
    for (const entry of readdirSync(folder === '' ? root : join(root, folder), { withFileTypes: true })) {
      const path = folder === '' ? entry.name : `${folder}/${entry.name}`;
      if (!entry.isDirectory()) files.push(path);
      else if (!skip(path)) folders.push(path);
    }
  }
  return files;
}
