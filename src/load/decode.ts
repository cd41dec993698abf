/** Bytes of a file → text, whatever encoding an editor's tool saved it in, or a reason it is not text. */

export type DecodeResult =
  | { ok: true; text: string; encoding: string; warnings: DecodeWarning[] }
  | { ok: false; reason: string; ruleId: string };

export interface DecodeWarning {
  /** 1-based line in the decoded text, when the warning is about one place. */
  line: number | null;
  reason: string;
  ruleId: string;
}

const SIGNATURES: Array<[string, number[]]> = [
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['a ZIP archive or Word/OpenDocument file', [0x50, 0x4b, 0x03, 0x04]],
  ['a WebP image or RIFF file', [0x52, 0x49, 0x46, 0x46]],
  ['a gzip archive', [0x1f, 0x8b]],
];

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.length <= bytes.length && signature.every((b, i) => bytes[i] === b);
}

function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line += 1;
  return line;
}

/** UTF-16 without a byte-order mark shows as a zero byte in every other position of ASCII text. */
function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero += 1;
    if (bytes[i + 1] === 0) oddZero += 1;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return 'utf-16be';
  return null;
}

interface Utf8Scan {
  /** Well-formed sequences of two or more bytes. */
  multibyte: number;
  invalid: number;
  firstInvalid: number;
}

/** Counts well-formed multi-byte sequences and invalid bytes, to tell broken UTF-8 from an 8-bit encoding. */
function scanUtf8(bytes: Uint8Array): Utf8Scan {
  let multibyte = 0;
  let invalid = 0;
  let firstInvalid = -1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    let need = 0;
    let min = 0;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    let ok = need > 0;
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; ok && k <= need; k += 1) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) ok = false;
      else cp = (cp << 6) | (c & 0x3f);
    }
    if (ok && (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))) ok = false;
    if (ok) {
      multibyte += 1;
      i += need + 1;
    } else {
      invalid += 1;
      if (firstInvalid < 0) firstInvalid = i;
      i += 1;
    }
  }
  return { multibyte, invalid, firstInvalid };
}

/**
 * Windows-1251 (Cyrillic) or Windows-1252 (Western, a superset of Latin-1)? In Cyrillic text nearly every
 * letter is a byte above 0xC0, so such bytes stand next to each other; in Western text an accented letter
 * stands among ASCII letters.
 */
function guessSingleByte(bytes: Uint8Array): 'windows-1251' | 'windows-1252' {
  let letters = 0;
  let adjacent = 0;
  for (let i = 0; i < bytes.length; i += 1) {
    if (bytes[i]! < 0xc0) continue;
    letters += 1;
    if ((bytes[i - 1] ?? 0) >= 0xc0 || (bytes[i + 1] ?? 0) >= 0xc0) adjacent += 1;
  }
  return letters > 0 && adjacent / letters > 0.5 ? 'windows-1251' : 'windows-1252';
}

const ENCODING_NAMES: Record<string, string> = {
  'windows-1251': 'Windows-1251 (Cyrillic)',
  'windows-1252': 'Latin-1 / Windows-1252',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
};

/** Removes control characters that have no place in an article; a form feed becomes a line break. */
function cleanControls(text: string): string {
  if (!/[\u0000-\u0008\u000b-\u000c\u000e-\u001f\u007f]/.test(text)) return text;
  return text.replace(/\f/g, '\n').replace(/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g, '');
}

/** Normalises CRLF and lone CR to LF and drops a leading byte-order mark. */
export function normaliseLineEndings(text: string): string {
  const unmarked = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return unmarked.includes('\r') ? unmarked.replace(/\r\n?/g, '\n') : unmarked;
}

/** UTF-8 read as Windows-1252 and saved again as UTF-8: `Ã©` for é, `â€™` for ’, `Ð¿` for п. */
const MOJIBAKE = /[ÃÂÐÑ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]|â€/g;

/** Windows-1252's characters in 0x80–0x9F, by code point, to undo a wrong decoding. */
const CP1252_HIGH = new Map<number, number>(
  [...new TextDecoder('windows-1252').decode(Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i))].map((c, i) => [c.codePointAt(0)!, 0x80 + i]),
);

/**
 * Repairs text that went through UTF-8 → Windows-1252 → UTF-8 on its way here (a copy from a mis-declared web
 * page). Only when the whole text maps back to bytes that are valid UTF-8 and the repair removes the telltale
 * sequences; otherwise the text is left as it is.
 */
function repairMojibake(text: string): string | null {
  // The lead bytes of the telltale sequences; indexOf is much faster than a regular expression here.
  if (!['Ã', 'Â', 'Ð', 'Ñ', 'â'].some((c) => text.includes(c))) return null;
  const telltales = text.match(MOJIBAKE)?.length ?? 0;
  if (telltales < 2) return null;
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    const byte = code < 0x100 ? code : CP1252_HIGH.get(code);
    if (byte === undefined) return null;
    bytes[i] = byte;
  }
  try {
    const repaired = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return (repaired.match(MOJIBAKE)?.length ?? 0) < telltales ? repaired : null;
  } catch {
    return null;
  }
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function finish(raw: string, encoding: string, warnings: DecodeWarning[], mayHaveControls = true): DecodeResult {
  const normalised = normaliseLineEndings(raw);
  let text = mayHaveControls ? cleanControls(normalised) : normalised;
  const repaired = repairMojibake(text);
  if (repaired !== null) {
    text = repaired;
    warnings.push({ line: null, ruleId: 'load:mojibake', reason: "was saved with its UTF-8 read as Latin-1 (letters such as 'Ã©' for 'é'); repaired: check its letters on the site and save the repaired text" });
  }
  return { ok: true, text, encoding, warnings };
}

/** Decodes an article file's bytes. Never throws. */
export function decodeText(bytes: Uint8Array): DecodeResult {
  // Byte-order marks first: they are certain.
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    return decodeUtf8(bytes.subarray(3));
  }
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    if ((bytes.length & 1) === 1) {
      return { ok: false, ruleId: 'load:invalid-utf16', reason: `starts like ${ENCODING_NAMES[encoding]} text but has an odd number of bytes; re-save it as UTF-8` };
    }
    return finish(new TextDecoder(encoding).decode(bytes.subarray(2)), encoding, []);
  }
  for (const [what, signature] of SIGNATURES) {
    if (startsWith(bytes, signature)) {
      return { ok: false, ruleId: 'load:binary', reason: `is ${what}, not text; save the article as plain text (.txt or .md) or remove the file` };
    }
  }
  if (bytes.includes(0)) {
    const utf16 = guessUtf16(bytes);
    if (utf16 !== null) {
      const text = new TextDecoder(utf16).decode(bytes);
      if (!text.includes('\u0000')) {
        return finish(text, utf16, [
          { line: null, ruleId: 'load:utf16-no-bom', reason: `decoded as ${ENCODING_NAMES[utf16]} without a byte-order mark; re-save it as UTF-8 to be sure` },
        ]);
      }
    }
    return { ok: false, ruleId: 'load:binary', reason: 'contains zero bytes, so it is a binary file, not text; save the article as plain text (.txt or .md) or remove the file' };
  }
  // Control characters other than tab, line feed, form feed and carriage return: a few are noise, many mean binary.
  // (A loop over the bytes: several times faster than a regular expression over the text.)
  const sample = Math.min(bytes.length, 65536);
  let controls = 0;
  for (let i = 0; i < sample; i += 1) {
    const b = bytes[i]!;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) controls += 1;
  }
  if (controls > sample * 0.05) {
    return { ok: false, ruleId: 'load:binary', reason: 'is mostly control characters, so it is a binary file, not text; save the article as plain text (.txt or .md) or remove the file' };
  }
  return decodeUtf8(bytes, controls > 0 || sample < bytes.length);
}

function decodeUtf8(bytes: Uint8Array, mayHaveControls = true): DecodeResult {
  try {
    return finish(UTF8.decode(bytes), 'utf-8', [], mayHaveControls);
  } catch {
    // Not valid UTF-8: broken UTF-8, or an 8-bit encoding.
  }
  const scan = scanUtf8(bytes);
  if (scan.multibyte > 0 && scan.multibyte >= scan.invalid) {
    // Mostly UTF-8 with a few broken bytes: keep the article, mark the bytes, say where.
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    const prefix = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(0, scan.firstInvalid));
    const line = lineOfOffset(normaliseLineEndings(prefix), Infinity);
    const count = scan.invalid === 1 ? 'an invalid UTF-8 byte' : `${scan.invalid} invalid UTF-8 bytes`;
    return finish(text, 'utf-8', [
      { line, ruleId: 'load:invalid-utf8', reason: `has ${count} (shown as \uFFFD), first on this line; fix the characters and re-save the file as UTF-8` },
    ]);
  }
  const encoding = guessSingleByte(bytes);
  return finish(new TextDecoder(encoding).decode(bytes), encoding, [
    { line: null, ruleId: 'load:legacy-encoding', reason: `is not UTF-8; decoded as ${ENCODING_NAMES[encoding]}: check its letters on the site and re-save the file as UTF-8` },
  ]);
}
