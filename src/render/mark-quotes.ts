import type { Emphasis, Link, Parent, PhrasingContent, Root, RootContent, Text } from 'mdast';

/** A quote to mark up in an article body. */
export interface QuoteMark {
  /** Anchor id (the sanitizer prefixes it with `user-content-`). */
  id: string;
  text: string;
  /** Speaker's name and page URL, or null when unattributed. */
  speaker: { name: string; url: string } | null;
}

interface TextSlot {
  node: Text;
  parent: Parent;
}

/** Text nodes in document order, with their parents; never inside headings, links or code. */
function textSlots(tree: Root): TextSlot[] {
  const slots: TextSlot[] = [];
  const walk = (parent: Parent): void => {
    for (const child of parent.children as RootContent[]) {
      if (child.type === 'text') slots.push({ node: child, parent });
      else if (child.type === 'link' || child.type === 'linkReference' || child.type === 'code' || child.type === 'inlineCode' || child.type === 'heading') continue;
      else if ('children' in child) walk(child as Parent);
    }
  };
  walk(tree);
  return slots;
}

/** Quotation marks that open a quote, just before its words. */
const OPENING = /[“"‘'«„‚‹「『]\s?$/u;

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

type Finder = (hay: string, from: number) => { start: number; end: number } | null;

/** Finds the words exactly. */
const exactFinder = (needle: string): Finder => (hay, from) => {
  const at = hay.indexOf(needle, from);
  return at >= 0 ? { start: at, end: at + needle.length } : null;
};

/** Finds the words with any run of white space matching any other; null when that is no different from exact. */
function looseFinder(needle: string): Finder | null {
  const words = needle.trim().split(/\s+/).filter(Boolean);
  if (words.length < 2 || needle.length > 5000) return null;
  const re = new RegExp(words.map(escapeRegExp).join('\\s+'), 'gu');
  return (hay, from) => {
    re.lastIndex = from;
    const m = re.exec(hay);
    return m ? { start: m.index, end: m.index + m[0].length } : null;
  };
}

/** The nodes a marked quote becomes: `<q id>` with the words, then `<sup>` naming the speaker (a link) or "unattributed". */
function quoteNodes(mark: QuoteMark, words: string): PhrasingContent[] {
  const q: Emphasis = {
    type: 'emphasis',
    data: { hName: 'q', hProperties: { id: mark.id } },
    children: [{ type: 'text', value: words }],
  };
  const attribution: PhrasingContent = mark.speaker
    ? ({ type: 'link', url: mark.speaker.url, title: null, children: [{ type: 'text', value: mark.speaker.name }] } satisfies Link)
    : { type: 'text', value: 'unattributed' };
  const sup: Emphasis = { type: 'emphasis', data: { hName: 'sup' }, children: [attribution] };
  return [q, sup];
}

/**
 * Wraps each quote's words, where they occur in one text node of the body, in a `<q>` followed by
 * its speaker. Quotes are looked for in order, each after the previous one's place (then from the
 * start); a quote whose words are split by formatting is left unmarked. Returns the ids marked.
 * Mutates `tree`. Linear in the body's length per quote.
 */
export function markQuotes(tree: Root, marks: readonly QuoteMark[]): Set<string> {
  const marked = new Set<string>();
  if (marks.length === 0) return marked;
  const slots = textSlots(tree);
  // Per text node, the cuts to make: [start, end, mark].
  const cuts = new Map<Text, { start: number; end: number; mark: QuoteMark }[]>();
  const overlaps = (node: Text, start: number, end: number): boolean =>
    (cuts.get(node) ?? []).some((c) => start < c.end && c.start < end);
  let cursorSlot = 0;
  let cursorOffset = 0;
  for (const mark of marks) {
    if (!mark.text.trim()) continue;
    let found: { slot: number; start: number; end: number } | null = null;
    // The loose finder (a regular expression) is only built when the exact one finds nothing.
    search: for (const make of [exactFinder, looseFinder]) {
      const find = make(mark.text);
      if (!find) continue;
      for (const pass of [0, 1]) {
        const first = pass === 0 ? cursorSlot : 0;
        for (let i = first; i < slots.length && !found; i += 1) {
          const node = slots[i]!.node;
          let from = pass === 0 && i === cursorSlot ? cursorOffset : 0;
          let plain: { slot: number; start: number; end: number } | null = null;
          for (;;) {
            const hit = find(node.value, from);
            if (!hit) break;
            if (!overlaps(node, hit.start, hit.end)) {
              // Prefer the words inside quotation marks; else their first free occurrence.
              if (OPENING.test(node.value.slice(Math.max(0, hit.start - 2), hit.start))) {
                found = { slot: i, ...hit };
                break;
              }
              plain ??= { slot: i, ...hit };
            }
            // Past the whole character: a `u` expression set inside a surrogate pair starts at the pair again.
            from = hit.start + (node.value.codePointAt(hit.start)! > 0xffff ? 2 : 1);
          }
          if (!found && plain) found = plain;
        }
        if (found) break search;
      }
    }
    if (!found) continue;
    const node = slots[found.slot]!.node;
    const list = cuts.get(node) ?? [];
    list.push({ start: found.start, end: found.end, mark });
    cuts.set(node, list);
    marked.add(mark.id);
    cursorSlot = found.slot;
    cursorOffset = found.end;
  }
  for (const { node, parent } of slots) {
    const list = cuts.get(node);
    if (!list) continue;
    list.sort((a, b) => a.start - b.start);
    const replacement: PhrasingContent[] = [];
    let at = 0;
    for (const cut of list) {
      if (cut.start > at) replacement.push({ type: 'text', value: node.value.slice(at, cut.start) });
      const [q, sup] = quoteNodes(cut.mark, node.value.slice(cut.start, cut.end));
      replacement.push(q!);
      at = cut.end;
      // The speaker goes after the closing quotation mark, not inside it.
      const closing = /^[,.;:!?…]?[”"’'»›」』]{1,2}/u.exec(node.value.slice(at, at + 3));
      const next = list.find((c) => c.start >= at);
      if (closing && (!next || next.start >= at + closing[0].length)) {
        replacement.push({ type: 'text', value: closing[0] });
        at += closing[0].length;
      }
      replacement.push(sup!);
    }
    if (at < node.value.length) replacement.push({ type: 'text', value: node.value.slice(at) });
    const children = parent.children as RootContent[];
    const index = children.indexOf(node);
    if (index >= 0) children.splice(index, 1, ...(replacement as RootContent[]));
  }
  return marked;
}
