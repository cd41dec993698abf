import { open } from 'node:fs/promises';
import { join } from 'node:path';
import type { Archive } from '../archive/types.js';

/** Text gathered before each write. */
const WRITE_BYTES = 1 << 20;

/**
 * Writes records.json, the archive's data export, at the site root: the same bytes as
 * `JSON.stringify(archive, null, 2)` and a newline, but written article by article, so that a large
 * archive (hundreds of megabytes of JSON, more than one string may hold) never has to be one string.
 */
export async function writeRecords(archive: Archive, outDir: string): Promise<void> {
  const file = await open(join(outDir, 'records.json'), 'w');
  try {
    let pending = '';
    const write = async (text: string, force = false): Promise<void> => {
      pending += text;
      if (force || pending.length >= WRITE_BYTES) {
        await file.write(pending);
        pending = '';
      }
    };
    const { articles, ...rest } = archive;
    if (Object.keys(rest).length > 0) throw new Error('writeRecords: the archive has fields it does not know how to write');
    if (articles.length === 0) {
      await write(`${JSON.stringify({ articles: [] }, null, 2)}\n`, true);
      return;
    }
    await write('{\n  "articles": [\n');
    for (const [i, article] of articles.entries()) {
      const json = JSON.stringify(article, null, 2).replace(/\n/g, '\n    ');
      await write(`${i === 0 ? '' : ',\n'}    ${json}`);
    }
    await write('\n  ]\n}\n', true);
  } finally {
    await file.close();
  }
}
