import { describe, expect, it } from 'vitest';
import { decodeText } from '../src/load/decode.js';
import { inputCases } from './fixtures/inputs/generate.js';

const decode = (bytes: Uint8Array | number[]) => decodeText(Uint8Array.from(bytes));
const textOf = (bytes: Uint8Array | number[]): string => {
  const result = decode(bytes);
  if (!result.ok) throw new Error(`expected text, got ${result.reason}`);
  return result.text;
};
const caseBytes = (file: string): Uint8Array => inputCases().find((c) => c.file === file)!.bytes;

describe('decodeText', () => {
  it('reads plain UTF-8 as it is', () => {
    const result = decode(new TextEncoder().encode('Héllo “world” — Привет\n'));
    expect(result).toMatchObject({ ok: true, text: 'Héllo “world” — Привет\n', encoding: 'utf-8', warnings: [] });
  });

  it('drops a UTF-8 byte-order mark', () => {
    expect(textOf(caseBytes('utf8-bom.txt')).startsWith('A byte-order mark')).toBe(true);
  });

  it.each([
    ['utf16le.txt', 'Ünïcödé sixteen little end'],
    ['utf16be.txt', 'Ünïcödé sixteen big end'],
  ])('reads UTF-16 with a byte-order mark (%s)', (file, title) => {
    const result = decode(caseBytes(file));
    expect(result.ok && result.text.split('\n')[0]).toBe(title);
    expect(result.ok && result.warnings).toEqual([]);
  });

  it('reads UTF-16 LE without a byte-order mark, with a warning', () => {
    const bytes = caseBytes('utf16le.txt').subarray(2);
    const result = decode(bytes);
    expect(result.ok && result.text.split('\n')[0]).toBe('Ünïcödé sixteen little end');
    expect(result.ok && result.warnings[0]?.ruleId).toBe('load:utf16-no-bom');
  });

  it('decodes Latin-1 without mojibake, with a warning', () => {
    const result = decode(caseBytes('latin1.txt'));
    expect(result.ok && result.text.split('\n')[0]).toBe('Café owners in Zürich protest');
    expect(result.ok && result.encoding).toBe('windows-1252');
    expect(result.ok && result.warnings[0]?.ruleId).toBe('load:legacy-encoding');
  });

  it('decodes Windows-1251 without mojibake, with a warning', () => {
    const result = decode(caseBytes('cp1251.txt'));
    expect(result.ok && result.text.split('\n')[0]).toBe('Переговоры продолжатся в Москве');
    expect(result.ok && result.encoding).toBe('windows-1251');
  });

  it('keeps broken UTF-8, marks the bytes and names the line', () => {
    const result = decode(caseBytes('invalid-utf8.txt'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.text).toContain('“curly”');
    expect(result.text).toContain('\uFFFD(');
    expect(result.warnings).toEqual([expect.objectContaining({ ruleId: 'load:invalid-utf8', line: 7 })]);
  });

  it('repairs UTF-8 that was read as Latin-1 and saved again (mojibake)', () => {
    const original = 'Café in Zürich: “We’ll see,” said Müller — Привет.\n';
    const latin = new TextDecoder('windows-1252').decode(new TextEncoder().encode(original));
    expect(latin).toContain('Ã©');
    const result = decode(new TextEncoder().encode(latin));
    expect(result.ok && result.text).toBe(original);
    expect(result.ok && result.warnings.map((w) => w.ruleId)).toEqual(['load:mojibake']);
  });

  it('leaves text alone that merely contains such letters', () => {
    const text = 'Ã is a letter. Â too, and “quotes” — fine.\n';
    expect(decode(new TextEncoder().encode(text))).toMatchObject({ ok: true, text, warnings: [] });
  });

  it('normalises CRLF and lone CR to LF', () => {
    expect(textOf(caseBytes('crlf.txt'))).not.toContain('\r');
    expect(textOf(caseBytes('cr.txt'))).not.toContain('\r');
    expect(textOf(caseBytes('cr.txt')).split('\n')[0]).toBe('Old Mac line endings here');
    expect(textOf(new TextEncoder().encode('a\r\n\r\nb\rc\n'))).toBe('a\n\nb\nc\n');
  });

  it.each([
    ['a PNG image', caseBytes('image.txt')],
    ['zero bytes', caseBytes('zeros.md')],
    ['a PDF', new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n')],
    ['control characters', Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x41 : 0x01))],
  ])('refuses a binary file (%s)', (_what, bytes) => {
    const result = decode(bytes);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.ruleId).toBe('load:binary');
  });

  it('never throws, whatever the bytes', () => {
    for (let seed = 1; seed < 200; seed += 1) {
      let x = seed;
      const bytes = Array.from({ length: seed * 7 }, () => {
        x = (x * 1103515245 + 12345) & 0x7fffffff;
        return x & 0xff;
      });
      expect(() => decode(bytes)).not.toThrow();
    }
  });
});
