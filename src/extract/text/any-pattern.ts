/**
 * Whether any of many regular expressions matches a text, as `patterns.some((re) => re.test(text))`
 * answers, but with one alternation per set of flags: the text is scanned a few times, not once per pattern.
 */
export function anyPattern(patterns: readonly RegExp[]): (text: string) => boolean {
  const byFlags = new Map<string, string[]>();
  for (const re of patterns) {
    // a global or sticky expression remembers where it stopped: not one to test in an alternation
    if (re.global || re.sticky) throw new Error(`anyPattern: /${re.source}/${re.flags} is global or sticky`);
    const sources = byFlags.get(re.flags) ?? [];
    sources.push(`(?:${re.source})`);
    byFlags.set(re.flags, sources);
  }
  const alternations = [...byFlags].map(([flags, sources]) => new RegExp(sources.join('|'), flags));
  return (text: string): boolean => alternations.some((re) => re.test(text));
}
