/**
 * A small namespace-aware element tree built with saxes. FIM files are data, not documents: we need
 * elements, attributes and text, looked up by local name. saxes never loads external entities or
 * expands DTD-declared ones, so a hostile upload cannot read files or blow up memory that way.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { FimImportError } from './errors.ts';

export interface XmlElement {
  readonly local: string;
  readonly uri: string;
  /** Attributes by local name (namespace declarations left out). */
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  readonly line: number;
  text: string;
}

/** Real schemas are below 1 MB (Gewerbeanmeldung: 560 KB); refuse what no schema needs. */
export const MAX_XML_CHARS = 20_000_000;

function toElement(tag: SaxesTagNS, line: number): XmlElement {
  const attributes: Record<string, string> = {};
  for (const attribute of Object.values(tag.attributes)) {
    if (attribute.prefix !== 'xmlns' && attribute.name !== 'xmlns')
      attributes[attribute.local] = attribute.value;
  }
  return { local: tag.local, uri: tag.uri, attributes, children: [], line, text: '' };
}

/** Parses well-formed XML into its root element; throws FimImportError otherwise. */
export function parseXml(xml: string): XmlElement {
  if (xml.length > MAX_XML_CHARS) {
    throw new FimImportError('FIM_TOO_LARGE', 'Die Datei ist zu groß.', 'The file is too large.');
  }
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  parser.on('opentag', (tag) => {
    const element = toElement(tag, parser.line);
    stack.at(-1)?.children.push(element);
    root ??= element;
    stack.push(element);
  });
  parser.on('closetag', () => void stack.pop());
  const addText = (text: string) => {
    const current = stack.at(-1);
    if (current) current.text += text;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  try {
    parser.write(xml).close();
  } catch (error) {
    const reason = (error as Error).message;
    throw new FimImportError(
      'FIM_NOT_XML',
      `Die Datei ist kein gültiges XML (${reason}).`,
      `The file is not well-formed XML (${reason}).`,
    );
  }
  if (!root)
    throw new FimImportError(
      'FIM_NOT_XML',
      'Die Datei enthält kein XML-Element.',
      'The file contains no XML element.',
    );
  return root;
}

/** All children with this local name, in document order. */
export function childrenNamed(parent: XmlElement, local: string): XmlElement[] {
  return parent.children.filter((child) => child.local === local);
}

/** The child with this local name, if any; two of them is an error because the schema allows one. */
export function optionalChild(parent: XmlElement, local: string): XmlElement | undefined {
  const [first, second] = childrenNamed(parent, local);
  if (second) {
    throw new FimImportError(
      'FIM_DUPLICATE_ELEMENT',
      `Das Element <${local}> kommt in <${parent.local}> mehrfach vor (Zeile ${second.line}).`,
      `The element <${local}> occurs more than once in <${parent.local}> (line ${second.line}).`,
    );
  }
  return first;
}

export function requiredChild(parent: XmlElement, local: string): XmlElement {
  const child = optionalChild(parent, local);
  if (!child) {
    throw new FimImportError(
      'FIM_MISSING_ELEMENT',
      `Das Pflichtelement <${local}> fehlt in <${parent.local}> (Zeile ${parent.line}).`,
      `The required element <${local}> is missing in <${parent.local}> (line ${parent.line}).`,
    );
  }
  return child;
}

/** Trimmed text of the child, or undefined when it is missing or empty. */
export function childText(parent: XmlElement, local: string): string | undefined {
  const text = optionalChild(parent, local)?.text.trim();
  return text ? text : undefined;
}

/** Text of a required child that must not be empty (e.g. an <id>). */
export function requiredText(parent: XmlElement, local: string): string {
  const child = requiredChild(parent, local);
  const text = child.text.trim();
  if (!text) {
    throw new FimImportError(
      'FIM_EMPTY_ELEMENT',
      `Das Element <${local}> in <${parent.local}> ist leer (Zeile ${child.line}).`,
      `The element <${local}> in <${parent.local}> is empty (line ${child.line}).`,
    );
  }
  return text;
}

/** An XÖV code value: `<x><code>input</code></x>`; some exports write the value directly. */
export function codeText(parent: XmlElement, local: string): string | undefined {
  const element = optionalChild(parent, local);
  if (!element) return undefined;
  const code = optionalChild(element, 'code');
  const text = (code ?? element).text.trim();
  return text ? text : undefined;
}

/** Collapses runs of white space (labels and names are single-line in the UI). */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
