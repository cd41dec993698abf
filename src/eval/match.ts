/** The matching rules of ../shared/eval/score.mjs: quotes, topics, speakers with aliases. */
import type { GoldSet, GoldSpeaker } from './gold-types.js';
import { fold, quoteKey, wordsIn } from './normalize.js';

/** Two quotes match when their keys are equal, or one contains the other and is at least 80% of its length. */
export function quotesMatch(a: string, b: string): boolean {
  const x = quoteKey(a);
  const y = quoteKey(b);
  if (!x || !y) return false;
  if (x === y) return true;
  const [short, long] = x.length < y.length ? [x, y] : [y, x];
  return long.includes(short) && short.length >= 0.8 * long.length;
}

/** A topic label matches an alias when one contains the other, word by word. */
export function topicMatches(systemLabel: string, alias: string): boolean {
  const s = wordsIn(systemLabel);
  const a = wordsIn(alias);
  return s.trim() !== '' && (s.includes(a) || a.includes(s));
}

/** Canonical person (folded) → every accepted spelling (folded), built from the whole gold set. */
export class AliasIndex {
  private readonly aliases = new Map<string, Set<string>>();

  constructor(gold: GoldSet) {
    for (const [canon, list] of Object.entries(gold.canonical_names ?? {})) for (const a of list) this.add(canon, a);
    for (const article of gold.articles) {
      for (const [canon, list] of Object.entries(article.speaker_aliases ?? {})) for (const a of list) this.add(canon, a);
      for (const s of article.speakers) this.add(s, s);
    }
  }

  add(canon: string, alias: string): void {
    const key = fold(canon);
    let set = this.aliases.get(key);
    if (!set) {
      set = new Set([key]);
      this.aliases.set(key, set);
    }
    set.add(fold(alias));
  }

  /** Whether a system's name stands for the gold canonical name (`null` only matches `null`). */
  sameSpeaker(systemName: string | null, goldName: string | null): boolean {
    if (goldName == null) return systemName == null;
    if (systemName == null) return false;
    const key = fold(goldName);
    return (this.aliases.get(key) ?? new Set([key])).has(fold(systemName));
  }

  /** Whether a quote's speaker is right: any of a list, else the one name. */
  speakerOk(systemName: string | null, goldSpeaker: GoldSpeaker): boolean {
    return Array.isArray(goldSpeaker)
      ? goldSpeaker.some((g) => this.sameSpeaker(systemName, g))
      : this.sameSpeaker(systemName, goldSpeaker);
  }
}
