import type { Parent, Root, RootContent } from 'mdast';

/**
 * Fits a body into its article page: headings start at level 2 (the headline is the page's h1) and
 * never skip a level; images become their alt text (no request may leave the site). Mutates `tree`.
 */
export function tidyBody(tree: Root): void {
  let previous = 1;
  const walk = (parent: Parent): void => {
    const children = parent.children as RootContent[];
    for (let i = 0; i < children.length; i += 1) {
      const child = children[i]!;
      if (child.type === 'heading') {
        const depth = Math.min(Math.max(child.depth, 2), previous + 1, 6) as 2 | 3 | 4 | 5 | 6;
        child.depth = depth;
        previous = depth;
      }
      if (child.type === 'image' || child.type === 'imageReference') {
        children[i] = { type: 'text', value: child.alt ?? '' };
        continue;
      }
      if ('children' in child) walk(child as Parent);
    }
  };
  walk(tree);
}
