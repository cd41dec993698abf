/**
 * Whether any of many regular expressions matches a text, as `patterns.some((re) => re.test(text))`
 * answers, but with few alternations: per set of flags, one of the alternatives anchored at the start
 * (`^…`, tried at the text's start only) and one of the others. The text is scanned a few times, not once per pattern.
 */
export function anyPattern(patterns: readonly RegExp[]): (text: string) => boolean {
  const byFlags = new Map<string, { anchored: string[]; floating: string[] }>();
  for (const re of patterns) {
    // a global or sticky expression remembers where it stopped: not one to test in an alternation
    if (re.global || re.sticky) throw new Error(`anyPattern: /${re.source}/${re.flags} is global or sticky`);
    // numbered or named back references would point elsewhere once the patterns are joined
    if (/\\[1-9]|\\k</.test(re.source)) throw new Error(`anyPattern: /${re.source}/${re.flags} has a back reference`);
    let group = byFlags.get(re.flags);
    if (!group) {
      group = { anchored: [], floating: [] };
      byFlags.set(re.flags, group);
    }
    for (const alternative of topLevelAlternatives(re.source)) {
      // without the `m` flag, `^` is the text's start only
      if (alternative.startsWith('^') && !re.multiline) group.anchored.push(`(?:${alternative.slice(1)})`);
      else group.floating.push(alternative);
    }
  }
  const alternations: RegExp[] = [];
  for (const [flags, { anchored, floating }] of byFlags) {
    if (anchored.length > 0) alternations.push(new RegExp(`^(?:${anchored.join('|')})`, flags));
    if (floating.length > 0) alternations.push(new RegExp(joinFloating(floating), flags));
  }
  return (text: string): boolean => {
    for (const re of alternations) if (re.test(text)) return true;
    return false;
  };
}

/**
 * The alternation of the unanchored alternatives, those opening with a word boundary under one `\b`:
 * `\b(?:x|y)|z` holds where `\bx|\by|z` does, and V8 tries the long list only at word boundaries
 * (the notices' list: ~2× faster).
 */
function joinFloating(floating: readonly string[]): string {
  const atBoundary = floating.filter((alternative) => alternative.startsWith('\\b'));
  const others = floating.filter((alternative) => !alternative.startsWith('\\b'));
  const parts = others.map((alternative) => `(?:${alternative})`);
  if (atBoundary.length > 0) parts.unshift(`\\b(?:${atBoundary.map((alternative) => `(?:${alternative.slice(2)})`).join('|')})`);
  return parts.join('|');
}

/** The alternatives of a pattern's source at its top level: `a|(b|c)|[|]` → `a`, `(b|c)`, `[|]`. */
export function topLevelAlternatives(source: string): string[] {
  const alternatives: string[] = [];
  let depth = 0;
  let inClass = false;
  let from = 0;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      continue;
    }
    if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) {
      alternatives.push(source.slice(from, i));
      from = i + 1;
    }
  }
  alternatives.push(source.slice(from));
  return alternatives;
}
