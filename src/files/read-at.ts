import { readSync } from 'node:fs';

/**
 * Reads `length` bytes of an open file from `position`, looping until they are all read (one `readSync` may
 * return fewer). Throws `Error(short)` when the file ends first.
 */
export function readAt(fd: number, position: number, length: number, short = 'the file is shorter than expected'): Buffer {
  const bytes = Buffer.allocUnsafe(length);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, bytes, done, length - done, position + done);
    if (n === 0) throw new Error(short);
    done += n;
  }
  return bytes;
}
