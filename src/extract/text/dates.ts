import { FOREIGN_MONTH_PATTERN, MONTH_PATTERN, MONTHS } from '../lexicon/calendar.js';

/** A full date (with a year) found in text. */
export interface DateMatch {
  /** `YYYY-MM-DD`. */
  iso: string;
  index: number;
  length: number;
}

const PATTERNS: { re: RegExp; read: (m: RegExpExecArray) => [number, number, number] | null }[] = [
  // 2025-11-26, 2025-11-26T10:00, 2025/11/26, 2025.11.26
  { re: /\b(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?![\d/-])/g, read: (m) => [+m[1]!, +m[3]!, +m[4]!] },
  // 03/17/2022 (US) or 17/03/2022; 17.03.2022 (day first)
  {
    re: /\b(\d{1,2})([/.])(\d{1,2})\2(\d{4})\b/g,
    read: (m) => {
      const a = +m[1]!;
      const b = +m[3]!;
      const y = +m[4]!;
      if (m[2] === '.' || a > 12) return [y, b, a];
      return [y, a, b];
    },
  },
  // 3/14/25, 04.17.25: a two-digit year is 20YY; month first unless the first number cannot be a month
  {
    re: /(?<![\d/.])(\d{1,2})([/.])(\d{1,2})\2(\d{2})(?![\d/.])/g,
    read: (m) => {
      const a = +m[1]!;
      const b = +m[3]!;
      const y = 2000 + +m[4]!;
      return a > 12 ? [y, b, a] : [y, a, b];
    },
  },
  // 5 de septiembre de 2025, 14 mars 2025, 3. März 2025
  {
    re: new RegExp(`\\b(\\d{1,2})\\.?\\s+(?:de\\s+)?(${FOREIGN_MONTH_PATTERN})\\s+(?:de\\s+)?(\\d{4})\\b`, 'giu'),
    read: (m) => monthDate(m[3]!, m[2]!, m[1]!),
  },
  // 4.nov.2026 (Brazilian style)
  {
    re: new RegExp(`\\b(\\d{1,2})\\.(${MONTH_PATTERN.replace('\\\\.?', '')}|${FOREIGN_MONTH_PATTERN}|[a-zç]{3})\\.(\\d{4})\\b`, 'giu'),
    read: (m) => monthDate(m[3]!, m[2]!, m[1]!),
  },
  // 26 November 2025, 26th Nov. 2025, 26 November, 2025
  {
    re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH_PATTERN})\\s*,?\\s+(\\d{4})\\b`, 'gi'),
    read: (m) => monthDate(m[3]!, m[2]!, m[1]!),
  },
  // November 26, 2025; Nov. 25 2025; November 26th, 2025
  {
    re: new RegExp(`\\b(${MONTH_PATTERN})\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s*,?\\s+(\\d{4})\\b`, 'gi'),
    read: (m) => monthDate(m[3]!, m[1]!, m[2]!),
  },
];

function monthDate(year: string, month: string, day: string): [number, number, number] | null {
  const number = MONTHS.get(month.toLowerCase().replace(/\.$/, ''));
  return number ? [+year, number, +day] : null;
}

/** Days in each month of a common year. */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * `YYYY-MM-DD` of a date given in whole numbers, or null for an impossible date or an implausible year:
 * what parsing `${year}-${month}-${day}` with date-fns (`yyyy-M-d`), checking its day and month and
 * formatting it as `yyyy-MM-dd` gave, worked out by arithmetic (tests/extract-speed-paths.test.ts
 * compares the two for every year it accepts).
 */
export function toIsoDate(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2100) return null;
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day) || month < 1 || month > 12 || day < 1) return null;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (month === 2 && leap ? 29 : MONTH_DAYS[month - 1]!)) return null;
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** Every full date in the text, in order of appearance. */
export function findDates(text: string): DateMatch[] {
  const found: DateMatch[] = [];
  // every pattern holds a year of four digits, or (day and month) a digit, a slash or dot, a digit
  if (!/\d{4}|\d[/.]\d/.test(text)) return found;
  for (const { re, read } of PATTERNS) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const parts = read(m);
      const iso = parts ? toIsoDate(parts[0], parts[1], parts[2]) : null;
      if (iso && !found.some((f) => m!.index < f.index + f.length && f.index < m!.index + m![0].length)) {
        found.push({ iso, index: m.index, length: m[0].length });
      }
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/** A date written into a web address: ".../2025/02/11/slug". */
export function findUrlDate(text: string): string | null {
  const m = /(?:https?:\/\/|www\.)\S*?\/(20\d{2})\/(\d{1,2})\/(\d{1,2})(?:\/|\b)/i.exec(text);
  return m ? toIsoDate(+m[1]!, +m[2]!, +m[3]!) : null;
}
