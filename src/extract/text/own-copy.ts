/**
 * The same text as a string of its own. A slice of a longer string (as `slice`, `trim` and `split` return from
 * 13 characters on) reads each character through the string it was cut from, and joined pieces through the
 * pieces until first read: V8's optimised character loops (`charCodeAt`) read a string of its own faster. Two
 * pieces joined by `Array.prototype.join` make a new flat string; the text is copied once.
 */
export function ownCopy(text: string): string {
  return text.length < 13 ? text : [text.slice(0, 1), text.slice(1)].join('');
}
