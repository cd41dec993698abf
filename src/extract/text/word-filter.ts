/**
 * Tells, without slicing the text, whether a run of ASCII letters can be one of a set of words (compared
 * in lower case): from the run's length and first three letters. A run it lets through is then looked up;
 * one it stops cannot be in the set.
 */
export class WordFilter {
  /** First three letters (a–z, or none) → the lengths of the words opening with them, one bit each (31 for 31 and longer). */
  private readonly lengths = new Uint32Array(27 * 27 * 27);

  constructor(words: Iterable<string>) {
    for (const word of words) {
      if (!/^[a-z]+$/.test(word)) throw new Error(`WordFilter: "${word}" is not a word of lower-case ASCII letters`);
      this.lengths[WordFilter.key(word, 0, word.length)]! |= WordFilter.bit(word.length);
    }
  }

  /** Whether `text.slice(start, end)`, a run of ASCII letters, may be one of the words once lower-cased. */
  mayHold(text: string, start: number, end: number): boolean {
    return (this.lengths[WordFilter.key(text, start, end)]! & WordFilter.bit(end - start)) !== 0;
  }

  private static key(text: string, start: number, end: number): number {
    const first = (text.charCodeAt(start) | 32) - 97;
    const second = start + 1 < end ? (text.charCodeAt(start + 1) | 32) - 97 : 26;
    const third = start + 2 < end ? (text.charCodeAt(start + 2) | 32) - 97 : 26;
    return (first * 27 + second) * 27 + third;
  }

  private static bit(length: number): number {
    return 1 << Math.min(length, 31);
  }
}
