import { Breaks, type Where } from './breaks';

/** Plain text out of ModernGov's Word HTML: whitespace collapsed, `&nbsp;` as space,
 * leaked `<AIn>` markers removed, one entry per block (paragraph, list item, heading). */

/** No single text we keep is longer than this; a page that exceeds it is hostile or broken. */
export const MAX_TEXT_CHARS = 100_000;

export interface Paragraph {
  text: string;
  /** A list item or a paragraph that starts with a bullet glyph. */
  bullet: boolean;
}

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGURE', 'FOOTER', 'FORM',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION',
  'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'IFRAME', 'OBJECT']);
// Word's Symbol-font bullet shows as "·" (or U+F0B7); "•", "▪", "●", "o" (Courier) also occur.
const BULLET_GLYPH = /^[·•\uF0B7\u25AA\u25CF\u2023\u2043]\s*/;
const AI_MARKER = /<\/?AI\d+>/gi;

/** Collapses all whitespace (including non-breaking spaces) and trims. */
export function collapse(text: string): string {
  const unmarked = text.includes('<') ? text.replace(AI_MARKER, ' ') : text;
  return unmarked.replace(/[\s\u00a0\u200b\ufeff]+/g, ' ').trim();
}

export function isBlock(el: Element): boolean {
  return BLOCK_TAGS.has(el.tagName.toUpperCase());
}

export function isSkipped(el: Element): boolean {
  return SKIPPED_TAGS.has(el.tagName.toUpperCase()) || hidden(el);
}

/** ModernGov's `mgHide` class (the attribute read first: `classList` makes an object per element). */
function hidden(el: Element): boolean {
  return el.getAttribute('class')?.includes('mgHide') === true && el.classList.contains('mgHide');
}

/** Elements that break a paragraph's text: blocks, line breaks, and skipped ones. An element with
 * none of these inside reads as its `textContent`, one native call instead of a JavaScript walk
 * over every node (most of a page's paragraphs). */
function breaksParagraph(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  return tag === 'BR' || BLOCK_TAGS.has(tag) || SKIPPED_TAGS.has(tag) || hidden(el);
}

/** The element's visible text on one line, hidden ModernGov refs and scripts left out. */
export function inlineText(node: Node): string {
  return collapse(rawText(node));
}

/** `inlineText` of an element leaving out what `selector` matches inside it (the "PDF 62 KB"
 * size of a document link), read in place: copying every link cost more than reading it. */
export function inlineTextWithout(el: Element, selector: string): string {
  const text = (node: Node): string =>
    node.nodeType === 1 && !isSkipped(node as Element) && (node as Element).querySelector(selector) !== null
      ? Array.from(node.childNodes, (child) => (child.nodeType === 1 && (child as Element).matches(selector) ? '' : text(child))).join('')
      : rawText(node);
  return collapse(text(el));
}

/** Text nodes run together, skipped elements left out, line breaks as spaces. Read for a line
 * (a number, a title, a label, a heading of a few words): an element that holds text alone, as
 * most do, is read with `textContent`, one native call. */
function rawText(node: Node): string {
  if (node.nodeType === 3) return node.nodeValue ?? '';
  if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return '';
  if (node.nodeType === 1) {
    const el = node as Element;
    if (isSkipped(el)) return '';
    if (el.tagName.toUpperCase() === 'BR') return ' ';
    if (el.firstElementChild === null) return (el.textContent ?? '').slice(0, MAX_TEXT_CHARS * 2);
  }
  let out = '';
  for (let child = node.firstChild; child; child = child.nextSibling) {
    out += rawText(child);
    if (out.length > MAX_TEXT_CHARS * 2) break;
  }
  return out;
}

/** Reads the parts of one root into paragraphs, in page order, sharing what is known of where
 * the root's breaks are (one query for a whole item cell, not one per part). */
export interface ParagraphReader {
  /** The paragraphs of `node`: the root, or a part of it after every part met before. */
  read(node: Node): Paragraph[];
  /** Passes over a part that is not read. */
  skip(node: Node): void;
  /** Goes inside a part without reading it: its children are met next. */
  enter(node: Node): void;
}

export function paragraphReader(root: Node): ParagraphReader {
  const breaks = new Breaks(root, breaksParagraph);
  let out: Paragraph[] = [];
  let buffer = '';
  // The list items open around the text: true for a bullet (`ul`), false for a numbered (`ol`) item.
  const listItems: boolean[] = [];
  // How far each numbered list has counted: items are met in page order.
  const numbered = new Map<Element, number>();
  const flush = () => {
    let text = collapse(buffer);
    buffer = '';
    if (!text) return;
    let bullet = listItems[listItems.length - 1] === true;
    if (BULLET_GLYPH.test(text)) {
      bullet = true;
      text = text.replace(BULLET_GLYPH, '');
      if (!text) return;
    }
    out.push({ text, bullet });
  };
  const walk = (node: Node, where: Where) => {
    if (node.nodeType === 3) {
      buffer += node.nodeValue ?? '';
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 11 && node.nodeType !== 9) return;
    const el = node as Element;
    // An element that holds a break, or none, is no break itself: neither skipped, a line break nor a block.
    const mayBreak = node.nodeType === 1 && where !== 'inside' && where !== 'none';
    if (mayBreak && isSkipped(el)) return breaks.pass(el);
    const tag = mayBreak ? el.tagName.toUpperCase() : '';
    if (tag === 'BR') return flush();
    const block = mayBreak && isBlock(el);
    const item = tag === 'LI';
    if (block) flush();
    if (item) {
      const ordered = el.parentElement?.tagName.toUpperCase() === 'OL';
      listItems.push(!ordered);
      // A numbered list shows its numbers: "1.", "a.", "i." are the text a reader sees.
      if (ordered) {
        const list = el.parentElement as Element;
        const n = (numbered.get(list) ?? listStart(list) - 1) + 1;
        numbered.set(list, n);
        buffer += `${listMarker(list, n)} `;
      }
    }
    if (node.nodeType === 1 && (where === 'none' || where === 'self-only')) buffer += el.textContent ?? '';
    else for (let child = node.firstChild; child; child = child.nextSibling) walk(child, child.nodeType === 1 ? breaks.at(child as Element) : 'none');
    if (block) flush();
    if (item) listItems.pop();
  };
  return {
    read(node) {
      walk(node, node === root ? breaks.atRoot() : node.nodeType === 1 ? breaks.at(node as Element) : 'none');
      flush();
      const read = out;
      out = [];
      return read;
    },
    skip(node) {
      if (node.nodeType === 1) breaks.pass(node as Element);
    },
    enter(node) {
      if (node.nodeType === 1) breaks.at(node as Element);
    },
  };
}

const ROMAN: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];

function roman(n: number): string {
  let out = '';
  for (const [value, digits] of ROMAN) for (; n >= value; n -= value) out += digits;
  return out;
}

function listStart(list: Element): number {
  const start = Number.parseInt(list.getAttribute('start') ?? '1', 10);
  return Number.isFinite(start) && start >= 0 && start <= 10_000 ? start : 1;
}

/** The number a browser prints before the `n`th item of an `ol`, in the list's `type`. */
function listMarker(list: Element, n: number): string {
  const type = list.getAttribute('type') ?? '1';
  const letter = (base: number) => (n >= 1 && n <= 26 ? String.fromCharCode(base + n - 1) : String(n));
  if (type === 'a') return `${letter(97)}.`;
  if (type === 'A') return `${letter(65)}.`;
  if (type === 'i') return `${roman(n)}.`;
  if (type === 'I') return `${roman(n).toUpperCase()}.`;
  return `${n}.`;
}

/** Splits an element into paragraphs at block boundaries and line breaks, dropping empty ones. */
export function paragraphsOf(root: Node): Paragraph[] {
  return paragraphReader(root).read(root);
}

/** Paragraphs as the plain text we store: one a line, bullets marked "• ". */
export function paragraphsToText(paragraphs: Paragraph[]): string {
  return paragraphs.map((p) => (p.bullet ? `• ${p.text}` : p.text)).join('\n');
}

/** Caps a text at MAX_TEXT_CHARS, saying whether it cut. */
export function capText(text: string): { text: string; capped: boolean } {
  if (text.length <= MAX_TEXT_CHARS) return { text, capped: false };
  return { text: `${text.slice(0, MAX_TEXT_CHARS)}…`, capped: true };
}
