import { compareDiagnostics, type Diagnostic } from './diagnostics.js';

export interface ReportCounts {
  errors: number;
  warnings: number;
}

/** Replaces line breaks and other control characters so that every message stays on one line. */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => {
    if (c === '\n' || c === '\r' || c === '\t') return ' ';
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/**
 * Formats one diagnostic like a linter: `content/file.txt:12: warning: reason [rule-id]`.
 * `root` is the content folder as the user named it, so the path can be opened from where the command ran.
 */
export function formatDiagnostic(diagnostic: Diagnostic, root: string): string {
  let place = 'news-archive';
  if (diagnostic.file !== null) {
    const prefix = root === '' || root === '.' ? '' : `${root.replace(/\/+$/, '')}/`;
    place = `${prefix}${diagnostic.file}`;
    if (diagnostic.line !== null) place += `:${diagnostic.line}`;
  }
  return oneLine(`${place}: ${diagnostic.severity}: ${diagnostic.reason} [${diagnostic.ruleId}]`);
}

/** Warnings listed one by one before the rest are summed up by rule (errors are always all listed). */
export const WARNINGS_SHOWN = 200;

/**
 * The report printed at the end of a build: every error, and warnings sorted by file and line, up to `WARNINGS_SHOWN`;
 * beyond that, a count per rule. `verbose` lists every warning and the extractor's infos too.
 */
export function formatReport(diagnostics: readonly Diagnostic[], root: string, verbose = false): string[] {
  const sorted = [...diagnostics].filter((d) => verbose || d.severity !== 'info').sort(compareDiagnostics);
  const lines: string[] = [];
  const hidden = new Map<string, number>();
  let warnings = 0;
  for (const d of sorted) {
    if (d.severity === 'warning' && !verbose) {
      warnings += 1;
      if (warnings > WARNINGS_SHOWN) {
        hidden.set(d.ruleId, (hidden.get(d.ruleId) ?? 0) + 1);
        continue;
      }
    }
    lines.push(formatDiagnostic(d, root));
  }
  if (hidden.size > 0) {
    const total = [...hidden.values()].reduce((a, b) => a + b, 0);
    const byRule = [...hidden.entries()]
      .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
      .map(([rule, n]) => `${rule} ${n}`)
      .join(', ');
    lines.push(`news-archive: ${total} more warnings not listed (${byRule}); --verbose lists them all`);
  }
  return lines;
}

export function countDiagnostics(diagnostics: readonly Diagnostic[]): ReportCounts {
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') errors += 1;
    else if (d.severity === 'warning') warnings += 1;
  }
  return { errors, warnings };
}
