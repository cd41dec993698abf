import { describe, expect, it } from 'vitest';
import { MONTH_NAMES } from '../src/archive/timeline.js';
import { formatDate } from '../src/render/format-date.js';

describe('formatDate', () => {
  it('writes every day from 1900 to 2040 as "day Month year"', () => {
    const wrong: string[] = [];
    for (let t = Date.UTC(1900, 0, 1); t <= Date.UTC(2040, 11, 31); t += 86_400_000) {
      const d = new Date(t);
      const iso = d.toISOString().slice(0, 10);
      const expected = `${d.getUTCDate()} ${MONTH_NAMES[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
      if (formatDate(iso) !== expected) wrong.push(`${iso} → ${formatDate(iso)}`);
    }
    expect(wrong).toEqual([]);
    expect(formatDate('2024-07-09')).toBe('9 July 2024');
  });

  it('returns what is not a date, or an impossible one, as it is', () => {
    for (const text of ['', 'Undated', '2024-07', '2024-7-9', '2024-13-01', '2023-02-29', '2024-07-09T10:00']) expect(formatDate(text)).toBe(text);
    expect(formatDate('2024-02-29')).toBe('29 February 2024');
  });
});
