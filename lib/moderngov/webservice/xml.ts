import { collapse, paragraphsOf, type Paragraph } from '../text';

/** Direct child elements of `parent` named `name` (web-service XML has no namespaces on data elements). */
export function children(parent: Element, name: string): Element[] {
  return Array.from(parent.children).filter((el) => el.localName.toLowerCase() === name);
}

/** Text of the first child element named `name`, collapsed; null when absent or empty. */
export function childText(parent: Element, name: string): string | null {
  const el = children(parent, name)[0];
  const text = el ? collapse(el.textContent ?? '') : '';
  return text === '' ? null : text;
}

export function childFlag(parent: Element, name: string): boolean {
  return /^true$/i.test(childText(parent, name) ?? '');
}

/** The escaped Word HTML the service carries (`minutesnonemptyhtmlbody`…) as paragraphs, parsed
 * into an inert document: nothing in it runs or loads. */
export function htmlParagraphs(doc: Document, html: string | null): Paragraph[] {
  if (!html) return [];
  const inert = doc.implementation.createHTMLDocument('');
  const holder = inert.createElement('div');
  holder.innerHTML = html;
  return paragraphsOf(holder);
}

/** The site's ModernGov base ("https://host/moderngov/") from a web-service URL. */
export function siteBase(url: URL): URL {
  const path = url.pathname.replace(/\/mgWebService\.asmx(\/.*)?$/i, '/');
  return new URL(path.endsWith('/') ? path : path.replace(/[^/]*$/, ''), url);
}
