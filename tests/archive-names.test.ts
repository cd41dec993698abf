import { describe, expect, it } from 'vitest';
import { compatibleNames, joinNames, nameKey, normaliseWord } from '../src/archive/names.js';

const canonicalOf = (names: string[], counts: Record<string, number> = {}): Map<string, string> =>
  joinNames(names.map((name) => ({ name, count: counts[name] ?? 1 })));

const groups = (names: string[], counts?: Record<string, number>): number => new Set(canonicalOf(names, counts).values()).size;

describe('name matching', () => {
  it('reduces transliteration endings', () => {
    expect(normaliseWord('zelenskiy')).toBe('zelensky');
    expect(normaliseWord('zelenskyy')).toBe('zelensky');
    expect(normaliseWord('zelenskyi')).toBe('zelensky');
    expect(normaliseWord('zelensky')).toBe('zelensky');
    expect(normaliseWord('peskov')).toBe('peskov');
  });
  it('joins the spellings of Zelensky into one person', () => {
    const names = ['Zelensky', 'Zelenskiy', 'Zelenskyy', 'Vladimir Zelensky', 'Volodymyr Zelensky', 'Volodymyr Zelenskiy'];
    const map = canonicalOf(names, { 'Volodymyr Zelensky': 3 });
    expect(new Set(map.values())).toEqual(new Set(['Volodymyr Zelensky']));
  });
  it('joins names with and without diacritics, and honorifics', () => {
    expect(groups(['Erdoğan', 'Erdogan', 'Recep Tayyip Erdogan', 'Recep Tayyip Erdoğan', 'Tayyip Erdoğan'])).toBe(1);
    expect(groups(['Viktor Orbán', 'Viktor Orban', 'Orban', 'Mr. Orban'])).toBe(1);
    expect(canonicalOf(['Viktor Orbán', 'Viktor Orban', 'Mr. Orban']).get('Mr. Orban')).toBe('Viktor Orbán');
  });
  it('keeps different people with one surname apart', () => {
    expect(groups(['Joe Biden', 'Jill Biden'])).toBe(2);
    expect(groups(['Dmitry Peskov', 'Dmitri Peskov'])).toBe(1);
    // A surname alone is left alone when two people share it.
    const map = canonicalOf(['Joe Biden', 'Jill Biden', 'Biden']);
    expect(map.get('Biden')).toBe('Biden');
  });
  it('lets initials join one person but never bridge two', () => {
    expect(groups(['V. Zelensky', 'Volodymyr Zelensky'])).toBe(1);
    const map = canonicalOf(['A. Smith', 'Adam Smith', 'Alice Smith']);
    expect(map.get('Adam Smith')).not.toBe(map.get('Alice Smith'));
    expect(map.get('A. Smith')).toBe('A. Smith');
  });
  it('joins a surname alone to the one full name with that surname', () => {
    expect(canonicalOf(['Peskov', 'Dmitry Peskov'], { Peskov: 5 }).get('Peskov')).toBe('Dmitry Peskov');
  });
  it('joins organisations only on the same words', () => {
    expect(nameKey('the Kremlin').organisation).toBe(true);
    expect(groups(['The Kremlin', 'Kremlin'])).toBe(1);
    expect(groups(['Russian Foreign Ministry', 'Turkish Foreign Ministry'])).toBe(2);
    expect(groups(['Federal Security Service', 'Russian Federal Security Service'])).toBe(2);
    expect(compatibleNames(nameKey('Ministry of Defence'), nameKey('Ministry of Finance'))).toBe(false);
  });
  it('does not depend on the order of the names', () => {
    const names = ['Zelensky', 'Vladimir Zelensky', 'Volodymyr Zelenskiy', 'Erdogan', 'Recep Tayyip Erdoğan', 'Joe Biden', 'Jill Biden'];
    const forward = canonicalOf(names);
    const backward = canonicalOf([...names].reverse());
    expect([...backward].sort()).toEqual([...forward].sort());
  });
});
