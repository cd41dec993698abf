/**
 * A pattern slow to try everywhere (classes of Unicode letters, case-insensitive, long backtracking), tried
 * only where `needs` matches: a piece of the pattern that every match of it holds, with the same flags.
 * `tests/extract-speed-paths.test.ts` checks that no pattern matches where its guard does not.
 */
export interface Guarded {
  needs: RegExp;
  pattern: RegExp;
}

export function guarded(needs: RegExp, pattern: RegExp): Guarded {
  if (needs.global || needs.sticky) throw new Error(`guarded: /${needs.source}/${needs.flags} is global or sticky`);
  return { needs, pattern };
}

/** `pattern.test(text)`. */
export function testGuarded(guard: Guarded, text: string): boolean {
  return guard.needs.test(text) && guard.pattern.test(text);
}

/** `pattern.exec(text)`, for a pattern that is neither global nor sticky. */
export function execGuarded(guard: Guarded, text: string): RegExpExecArray | null {
  return guard.needs.test(text) ? guard.pattern.exec(text) : null;
}
