import { readFileSync } from 'node:fs';

/** A stage line the build prints when not on a terminal, e.g. `rendering: 2008 pages in 7.3 s`. */
export const STAGE_LINE = /^([a-z][a-z -]*): .*\bin ([\d.]+) s$/;

/** The stage times in a build's log, in the order printed. */
export function stageTimes(logFile: string): Map<string, number> {
  const stages = new Map<string, number>();
  let text = '';
  try {
    text = readFileSync(logFile, 'utf8');
  } catch {
    return stages;
  }
  for (const line of text.split('\n')) {
    const match = STAGE_LINE.exec(line.trim());
    if (match) stages.set(match[1]!, (stages.get(match[1]!) ?? 0) + Number(match[2]));
  }
  return stages;
}
