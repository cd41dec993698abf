import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../src/load/front-matter.js';

const parse = (text: string) => parseFrontMatter('a.md', text);

describe('parseFrontMatter', () => {
  it('leaves a file without front matter alone', () => {
    expect(parse('Title\n\nBody\n')).toEqual({ ok: true, frontMatter: {}, body: 'Title\n\nBody\n', lineOffset: 0, diagnostics: [] });
  });

  it('reads every field and reports the lines above the text', () => {
    const result = parse(
      '---\ntitle: A title\ndate: 2024-07-09\nsource: Reuters\nbyline: Jane Doe\ndateline: MOSCOW\nspeakers:\n  - Dmitry Peskov\n  - { name: Hakan Fidan, role: Foreign Minister }\ntopics: [Ukraine, Diplomacy]\n---\nBody\n',
    );
    expect(result).toEqual({
      ok: true,
      frontMatter: {
        title: 'A title',
        date: '2024-07-09',
        source: 'Reuters',
        byline: 'Jane Doe',
        dateline: 'MOSCOW',
        speakers: [
          { name: 'Dmitry Peskov', role: null },
          { name: 'Hakan Fidan', role: 'Foreign Minister' },
        ],
        topics: ['Ukraine', 'Diplomacy'],
      },
      body: 'Body\n',
      lineOffset: 11,
      diagnostics: [],
    });
  });

  it('accepts a quoted date and comma-separated topics', () => {
    const result = parse('---\ndate: "2024-01-05"\ntopics: Energy, Gas\n---\nBody');
    expect(result.ok && result.frontMatter).toEqual({ date: '2024-01-05', topics: ['Energy', 'Gas'] });
  });

  it.each([
    ['date: tomorrow', 2, /'date' must be a calendar date/],
    ['date: 2024-02-30', 2, /'date' must be a calendar date/],
    ['date: 5', 2, /'date'/],
    ['topics: 5', 2, /'topics' must be a list/],
    ['speakers: {a: 1}', 2, /'speakers' must be a list/],
    ['title: [a, b]', 2, /'title' must be text/],
    ['colour: red', 2, /unknown front matter field 'colour'/],
  ])('a wrong field (%s) is a warning naming the line, and is ignored', (line, at, reason) => {
    const result = parse(`---\n${line}\n---\nBody\n`);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.frontMatter).toEqual({});
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ file: 'a.md', line: at, severity: 'warning' });
    expect(result.diagnostics[0]!.reason).toMatch(reason);
  });

  it('names the line of the field at fault', () => {
    const result = parse('---\ntitle: Fine\nsource: Reuters\ntopics: 5\n---\nBody\n');
    expect(result.ok && result.diagnostics[0]?.line).toBe(4);
    expect(result.ok && result.frontMatter).toEqual({ title: 'Fine', source: 'Reuters' });
  });

  it('malformed YAML is an error naming the file and line', () => {
    const result = parse('---\ntitle: Fine\n  bad: : indent\n---\nBody\n');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.diagnostic).toMatchObject({ file: 'a.md', line: 3, severity: 'error', ruleId: 'front-matter:yaml' });
  });

  it('an unclosed block is an error on line 1', () => {
    const result = parse('---\ntitle: Fine\nBody\n');
    expect(!result.ok && result.diagnostic).toMatchObject({ line: 1, ruleId: 'front-matter:unclosed' });
  });

  it('never evaluates JavaScript front matter', () => {
    const result = parse('---js\n{ title: (globalThis.pwned = 1, "x") }\n---\nBody\n');
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
    expect(result.ok && result.frontMatter).toEqual({});
  });

  it('reads a text that only starts with a --- rule as an article', () => {
    const text = '---\nA headline between rules\n---\nBody: with a colon\n';
    expect(parse(text)).toEqual({ ok: true, frontMatter: {}, body: text, lineOffset: 0, diagnostics: [] });
    expect(parse('---\n- a\n- b\n---\nBody\n').ok).toBe(true);
    expect(parse('---\nA headline under a rule\n\nBody\n').ok).toBe(true);
  });
});
