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

/** The report printed at the end of a build: every error and warning, sorted by file and line. Infos only when `verbose`. */
export function formatReport(diagnostics: readonly Diagnostic[], root: string, verbose = false): string[] {
  return [...diagnostics]
    .filter((d) => verbose || d.severity !== 'info')
    .sort(compareDiagnostics)
    .map((d) => formatDiagnostic(d, root));
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
