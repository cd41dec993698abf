import { describe, expect, it } from 'vitest';
import { countDiagnostics, formatDiagnostic, formatReport, oneLine } from '../src/report/reporter.js';
import { createProgress } from '../src/report/progress.js';
import { formatSummary } from '../src/report/summary.js';
import { Capture } from './fixtures/inputs/capture.js';
import type { Diagnostic } from '../src/report/diagnostics.js';

const d = (file: string | null, line: number | null, severity: Diagnostic['severity'], ruleId = 'date:missing'): Diagnostic => ({ file, line, severity, reason: 'no date found', ruleId });

describe('the report', () => {
  it('formats like a linter', () => {
    expect(formatDiagnostic(d('kyiv.txt', 12, 'warning'), 'content')).toBe('content/kyiv.txt:12: warning: no date found [date:missing]');
    expect(formatDiagnostic(d('kyiv.txt', null, 'error'), 'content/')).toBe('content/kyiv.txt: error: no date found [date:missing]');
    expect(formatDiagnostic(d('kyiv.txt', 3, 'warning'), '.')).toBe('kyiv.txt:3: warning: no date found [date:missing]');
  });

  it('keeps every message on one line, whatever the file name', () => {
    expect(formatDiagnostic(d('a\nb\u001b.txt', 1, 'error'), 'content')).toBe('content/a b\\u001b.txt:1: error: no date found [date:missing]');
    expect(oneLine('a\r\nb')).toBe('a  b');
  });

  it('sorts by file and line, hides infos unless verbose, and counts', () => {
    const all = [d('b.txt', 2, 'warning'), d('a.txt', 10, 'warning'), d('a.txt', 2, 'error'), d('a.txt', 1, 'info')];
    expect(formatReport(all, 'c')).toEqual(['c/a.txt:2: error: no date found [date:missing]', 'c/a.txt:10: warning: no date found [date:missing]', 'c/b.txt:2: warning: no date found [date:missing]']);
    expect(formatReport(all, 'c', true)).toHaveLength(4);
    expect(countDiagnostics(all)).toEqual({ errors: 1, warnings: 2 });
  });

  it('lists the first warnings, then counts the rest by rule', () => {
    const many = Array.from({ length: 205 }, (_, i) => d(`f${String(i).padStart(3, '0')}.txt`, 1, 'warning', i < 202 ? 'quote:unattributed' : 'date:missing'));
    const lines = formatReport([...many, d('z.txt', 1, 'error')], 'c');
    expect(lines).toHaveLength(202);
    expect(lines).toContain('c/z.txt:1: error: no date found [date:missing]');
    expect(lines.at(-1)).toBe('news-archive: 5 more warnings not listed (date:missing 3, quote:unattributed 2); --verbose lists them all');
    expect(formatReport(many, 'c', true)).toHaveLength(205);
  });

  it('ends with a summary line', () => {
    expect(formatSummary({ built: 1, leftOut: 0, warnings: 1, pages: 1, seconds: 0.5, peakMemoryMb: 99.6 })).toBe(
      'news-archive: 1 article built, 0 left out, 1 warning, 1 page written in 0.50 s, peak memory 100 MiB',
    );
    expect(formatSummary({ built: 2, leftOut: 1, warnings: 0, pages: 9, reused: 7, seconds: 12, peakMemoryMb: 1 })).toBe(
      'news-archive: 2 articles built, 1 left out, 0 warnings, 9 pages written (7 unchanged) in 12.00 s, peak memory 1 MiB',
    );
  });
});

describe('progress', () => {
  const clock = () => {
    let t = 0;
    return { now: () => t, advance: (ms: number) => (t += ms) };
  };

  it('prints one line per stage when piped, nothing for small builds', () => {
    const stream = new Capture();
    const time = clock();
    const progress = createProgress({ stream, threshold: 100, now: time.now });
    progress.stage('loading', null);
    progress.update(50, 50);
    progress.end('50 articles');
    progress.stage('extracting', 500);
    progress.update(250);
    time.advance(1500);
    progress.end();
    expect(stream.text).toBe('extracting: 500 in 1.5 s\n');
  });

  /** A terminal outside CI: what `run` draws, given its progress and a clock. */
  const onTerminal = (threshold: number, run: (progress: ReturnType<typeof createProgress>, time: ReturnType<typeof clock>) => void): string => {
    const stream = new Capture();
    stream.isTTY = true;
    const time = clock();
    const saved = process.env.CI;
    delete process.env.CI;
    try {
      run(createProgress({ stream, threshold, now: time.now }), time);
    } finally {
      if (saved !== undefined) process.env.CI = saved;
    }
    return stream.text;
  };

  it('shows a stage sized in articles by its articles, whatever its later total counts (pages, shards)', () => {
    const text = onTerminal(100, (progress, time) => {
      progress.stage('indexing', null, 5000);
      progress.update(0, 21);
      time.advance(2000);
      progress.update(7, 21);
      progress.end('21 shards');
      progress.stage('rendering', null, 50);
      progress.update(0, 5000);
      progress.end('5000 pages');
    });
    expect(text).toContain('indexing 7/21 (33%), about 4.0 s left');
    expect(text).toContain('indexing: 21 shards in 2.0 s\n');
    expect(text).not.toContain('rendering');
  });

  it('redraws one line per stage on a terminal, with counts and an estimate', () => {
    const text = onTerminal(10, (progress, time) => {
      progress.stage('extracting', 1000);
      time.advance(2000);
      progress.update(500);
      time.advance(2000);
      progress.end('1000 articles');
    });
    expect(text).toContain('\r\u001b[2Kextracting 0/1000 (0%)');
    expect(text).toContain('extracting 500/1000 (50%), about 2.0 s left');
    expect(text.endsWith('\r\u001b[2Kextracting: 1000 articles in 4.0 s\n')).toBe(true);
  });
});
