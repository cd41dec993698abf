import { describe, expect, it } from 'vitest';
import { foldDiacritics } from '../src/archive/fold.js';
import { shortHash, slugify, uniqueSlugs } from '../src/archive/slug.js';

describe('slugify', () => {
  it('folds diacritics and joins words with hyphens', () => {
    expect(slugify('Erdoğan meets Orbán in Türkiye')).toBe('erdogan-meets-orban-in-turkiye');
    expect(slugify('Straße, Łódź & Ærø!')).toBe('strasse-lodz-aero');
    expect(slugify('Russia’s role: “talks”')).toBe('russias-role-talks');
  });
  it('returns an empty slug for text with nothing Latin in it', () => {
    expect(slugify('Кремль — «мир»')).toBe('');
    expect(slugify('!!! ??? …')).toBe('');
    expect(slugify('')).toBe('');
  });
  it('cuts long titles at a word boundary', () => {
    const slug = slugify('word '.repeat(100));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith('-')).toBe(false);
    expect(slugify('x'.repeat(200)).length).toBe(80);
  });
  it('folds to lowercase ASCII', () => {
    expect(foldDiacritics('Zelenskyy ÉÇ')).toBe('zelenskyy ec');
  });
});

describe('uniqueSlugs', () => {
  const title: Record<string, string> = { 'a.txt': 'Breaking news', 'b.txt': 'Breaking news', 'c.txt': 'Другое', 'd.txt': 'Other' };
  const slugs = (keys: string[]): Map<string, string> => uniqueSlugs(keys, (k) => slugify(title[k] ?? ''), 'article');

  it('gives the first key the plain slug and the others a stable hash suffix', () => {
    const result = slugs(['a.txt', 'b.txt', 'c.txt', 'd.txt']);
    expect(result.get('a.txt')).toBe('breaking-news');
    expect(result.get('b.txt')).toBe(`breaking-news-${shortHash('b.txt')}`);
    expect(result.get('d.txt')).toBe('other');
  });
  it('gives a title that slugifies to nothing a valid fallback id', () => {
    expect(slugs(['c.txt']).get('c.txt')).toMatch(/^article-[0-9a-f]{6}$/);
  });
  it('keeps every slug unique and the same on every run', () => {
    const keys = Array.from({ length: 300 }, (_, i) => `f${i}.txt`);
    const same = uniqueSlugs(keys, () => 'same', 'x');
    expect(new Set(same.values()).size).toBe(300);
    expect(uniqueSlugs(keys, () => 'same', 'x')).toEqual(same);
    // A suffixed slug never takes another key's plain slug.
    const tricky = uniqueSlugs(['a', 'b', 'c'], (k) => (k === 'c' ? `t-${shortHash('b')}` : 't'), 'x');
    expect(new Set(tricky.values()).size).toBe(3);
    expect(tricky.get('c')).toBe(`t-${shortHash('b')}`);
  });
});
