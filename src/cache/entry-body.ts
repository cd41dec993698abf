import { isUtf8 } from 'node:buffer';

/** An extraction cache entry with its body kept as bytes: the entry's JSON text with `"body":""`, and the body's UTF-8 bytes. */
export interface SplitEntry {
  json: string;
  body: Buffer;
}

/** `,"body":"`: where the body's string starts. Inside a JSON string a `"` is always escaped, so the first match is a key. */
const BODY_KEY = Buffer.from(',"body":"', 'utf8');
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** The byte each one-letter JSON escape stands for (`\n` → 0x0a …); 0 for `\u` and anything else. */
const UNESCAPED = new Uint8Array(128);
for (const [letter, byte] of [
  ['"', 0x22],
  ['\\', 0x5c],
  ['/', 0x2f],
  ['b', 0x08],
  ['f', 0x0c],
  ['n', 0x0a],
  ['r', 0x0d],
  ['t', 0x09],
] as const) {
  UNESCAPED[letter.charCodeAt(0)] = byte;
}

/** Bodies are unescaped into slabs of this many bytes, a slab shared by many bodies (one allocation each, not one a body). */
const SLAB_BYTES = 1 << 20;
let slab = Buffer.allocUnsafe(0);
let slabUsed = 0;

/** Room for at least `size` bytes in the current slab (a new slab when it is full); `slabUsed` moves once the bytes are kept. */
function room(size: number): Buffer {
  if (slab.length - slabUsed < size) {
    slab = Buffer.allocUnsafe(Math.max(SLAB_BYTES, size));
    slabUsed = 0;
  }
  return slab.subarray(slabUsed);
}

/**
 * Splits the JSON text of one cached `ExtractedArticle` (as `JSON.stringify` wrote it, UTF-8) into the text without
 * its body and the body's UTF-8 bytes — the bytes `Buffer.from(JSON.parse(text).body)` would give — unescaped
 * straight from `raw`, so a rebuild neither decodes nor parses the body (two-thirds of an entry) only to encode it
 * again for the body store. Null when the entry is not as expected: no top-level `body` string found, a `\u` escape
 * in the body (a control character or a lone surrogate: rare, left to `JSON.parse`), or bytes that are not UTF-8;
 * the caller then parses the whole entry. The caller checks that the text left parses with `body` empty (which
 * proves the key found was the top-level one).
 */
export function splitEntryBody(raw: Buffer): SplitEntry | null {
  const key = raw.indexOf(BODY_KEY);
  if (key < 0) return null;
  const start = key + BODY_KEY.length;
  // The body is copied between escapes; an escape is replaced by its byte. The closing quote is the first one not escaped.
  const out = room(raw.length - start);
  let written = 0;
  let from = start;
  let quote = raw.indexOf(QUOTE, from);
  let slash = raw.indexOf(BACKSLASH, from);
  for (;;) {
    if (quote < 0) return null;
    if (slash < 0 || slash > quote) {
      written += raw.copy(out, written, from, quote);
      break;
    }
    written += raw.copy(out, written, from, slash);
    const letter = raw[slash + 1] ?? 0;
    const byte = letter < 128 ? UNESCAPED[letter]! : 0;
    if (byte === 0) return null;
    out[written++] = byte;
    from = slash + 2;
    if (quote < from) quote = raw.indexOf(QUOTE, from);
    slash = raw.indexOf(BACKSLASH, from);
  }
  const body = out.subarray(0, written);
  if (!isUtf8(body)) return null;
  slabUsed += written;
  return { json: raw.toString('utf8', 0, start) + raw.toString('utf8', quote), body };
}
