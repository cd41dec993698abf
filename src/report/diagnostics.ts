import type { ExtractMessage } from '../extract/types.js';

export type DiagnosticSeverity = 'error' | 'warning' | 'info';

/** One thing to tell the user about one file, printed at the end of a build like a linter's message. */
export interface Diagnostic {
  /** Path relative to the content folder, forward slashes; null for a message about the whole build. */
  file: string | null;
  /** 1-based line in the file as it is on disk, when there is one. */
  line: number | null;
  severity: DiagnosticSeverity;
  /** What is wrong and what to do about it. */
  reason: string;
  /** Stable id of the rule, e.g. `load:empty` or `date:missing`. */
  ruleId: string;
}

/** Turns an extractor message into a diagnostic; `lineOffset` is the number of front matter lines above the text. */
export function fromExtractMessage(file: string, message: ExtractMessage, lineOffset: number): Diagnostic {
  return {
    file,
    line: message.line === null ? null : message.line + lineOffset,
    severity: message.severity,
    reason: message.reason,
    ruleId: message.ruleId,
  };
}

/** Orders diagnostics by file, then line, then rule, so that reports are stable. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  const fileA = a.file ?? '';
  const fileB = b.file ?? '';
  if (fileA !== fileB) return fileA < fileB ? -1 : 1;
  const lineA = a.line ?? 0;
  const lineB = b.line ?? 0;
  if (lineA !== lineB) return lineA - lineB;
  if (a.ruleId !== b.ruleId) return a.ruleId < b.ruleId ? -1 : 1;
  return a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0;
}
