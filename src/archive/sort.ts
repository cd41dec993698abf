/** The archive's one article order: newest first, undated last, then by title, then by file. */

export interface Sortable {
  date: string | null;
  title: string;
  file: string;
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function compareArticles(a: Sortable, b: Sortable): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? 1 : -1;
  }
  return byText(a.title, b.title) || byText(a.file, b.file);
}

/** Oldest first, undated last, then by file: the order in which articles claim a slug. */
export function compareArticlesOldestFirst(a: Sortable, b: Sortable): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? -1 : 1;
  }
  return byText(a.file, b.file);
}

export { byText };
