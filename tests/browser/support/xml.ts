import { SaxesParser } from 'saxes';

/** An XML element as the tests look at it. */
export interface XmlElement {
  /** Local name. */
  name: string;
  uri: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own text, concatenated. */
  text: string;
}

/** Parses XML strictly (well-formedness and namespaces); throws on the first error. */
export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let error: Error | null = null;
  parser.on('error', (e) => {
    error ??= e;
  });
  parser.on('opentag', (tag) => {
    const attributes: Record<string, string> = {};
    for (const [key, attr] of Object.entries(tag.attributes)) attributes[key] = attr.value;
    const element: XmlElement = { name: tag.local, uri: tag.uri, attributes, children: [], text: '' };
    stack.at(-1)?.children.push(element);
    root ??= element;
    stack.push(element);
  });
  parser.on('text', (text) => {
    const top = stack.at(-1);
    if (top) top.text += text;
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.write(xml).close();
  if (error) throw error;
  if (root === null) throw new Error('no root element');
  return root;
}

/** Children with the given local name. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c) => c.name === name);
}

/** The first child with the given local name; throws when there is none. */
export function childNamed(element: XmlElement, name: string): XmlElement {
  const child = element.children.find((c) => c.name === name);
  if (!child) throw new Error(`<${element.name}> has no <${name}>`);
  return child;
}

/** Every element in the tree, depth first. */
export function allElements(element: XmlElement): XmlElement[] {
  return [element, ...element.children.flatMap(allElements)];
}
