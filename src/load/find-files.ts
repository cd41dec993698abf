import { readdir, realpath, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import type { Diagnostic } from '../report/diagnostics.js';
import { NewsArchiveError } from '../report/errors.js';

/** Extensions read as articles. */
export const ARTICLE_EXTENSIONS = ['.txt', '.md'] as const;

export function isArticleName(name: string): boolean {
  const lower = name.toLowerCase();
  return ARTICLE_EXTENSIONS.some((ext) => lower.endsWith(ext) && lower.length > ext.length);
}

export interface FoundFiles {
  /** Paths relative to the content folder, forward slashes, sorted by code point. */
  files: string[];
  diagnostics: Diagnostic[];
}

const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Every `.txt` and `.md` file under `root`, recursively, in a stable order whatever the order on disk.
 * Hidden files and folders (a name starting with `.`) are skipped. A symbolic link is followed only when it
 * points inside the content folder to a file; one pointing outside is reported and not followed.
 */
export async function findArticleFiles(root: string): Promise<FoundFiles> {
  const realRoot = await realpath(root);
  const files: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const inside = (target: string): boolean => target === realRoot || target.startsWith(realRoot.endsWith(sep) ? realRoot : realRoot + sep);

  const walk = async (dir: string, prefix: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (cause) {
      if (prefix === '') throw new NewsArchiveError(`cannot read the content folder '${root}'; check its permissions`, { cause, exitCode: 2 });
      const code = (cause as NodeJS.ErrnoException).code ?? 'error';
      diagnostics.push({ file: prefix.slice(0, -1), line: null, severity: 'error', ruleId: 'load:unreadable', reason: `folder cannot be read (${code}); its articles are left out: check its permissions` });
      return;
    }
    entries.sort((a, b) => byCodePoint(a.name, b.name));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const rel = prefix + entry.name;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        await walk(full, `${rel}/`);
      } else if (entry.isFile()) {
        if (isArticleName(entry.name)) files.push(rel);
      } else if (entry.isSymbolicLink()) {
        let target: string;
        try {
          target = await realpath(full);
        } catch {
          if (isArticleName(entry.name)) {
            diagnostics.push({ file: rel, line: null, severity: 'warning', ruleId: 'load:broken-link', reason: 'is a symbolic link to a file that does not exist; it is skipped (remove the link or restore its target)' });
          }
          continue;
        }
        let info;
        try {
          info = await stat(target);
        } catch {
          continue;
        }
        if (!inside(target)) {
          if (isArticleName(entry.name) || info.isDirectory()) {
            diagnostics.push({ file: rel, line: null, severity: 'warning', ruleId: 'load:link-outside', reason: 'is a symbolic link to a place outside the content folder and is not followed; copy the file into the content folder instead' });
          }
        } else if (info.isFile() && isArticleName(entry.name)) {
          files.push(rel);
        }
        // A link to a folder inside the content folder is skipped: that folder is read where it is.
      } else if (isArticleName(entry.name)) {
        diagnostics.push({ file: rel, line: null, severity: 'warning', ruleId: 'load:not-a-file', reason: 'is not a regular file (a pipe, socket or device); it is skipped' });
      }
    }
  };
  await walk(realRoot, '');
  // Entries are visited sorted per folder; sort the whole list too so that `a/b.txt` vs `a-b.txt` is stable.
  files.sort(byCodePoint);
  return { files, diagnostics };
}
