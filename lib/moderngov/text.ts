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
  return text.replace(AI_MARKER, ' ').replace(/[\s\u00a0\u200b\ufeff]+/g, ' ').trim();
}

export function isBlock(el: Element): boolean {
  return BLOCK_TAGS.has(el.tagName.toUpperCase());
}

export function isSkipped(el: Element): boolean {
  return SKIPPED_TAGS.has(el.tagName.toUpperCase()) || el.classList.contains('mgHide');
}

/** The element's visible text on one line, hidden ModernGov refs and scripts left out. */
export function inlineText(node: Node): string {
  return collapse(rawText(node));
}

function rawText(node: Node): string {
  if (node.nodeType === 3) return node.nodeValue ?? '';
  if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return '';
  if (node.nodeType === 1) {
    const el = node as Element;
    if (isSkipped(el)) return '';
    if (el.tagName.toUpperCase() === 'BR') return ' ';
  }
  let out = '';
  for (let child = node.firstChild; child; child = child.nextSibling) {
    out += rawText(child);
    if (out.length > MAX_TEXT_CHARS * 2) break;
  }
  return out;
}

/** Splits an element into paragraphs at block boundaries and line breaks, dropping empty ones. */
export function paragraphsOf(root: Node): Paragraph[] {
  const out: Paragraph[] = [];
  let buffer = '';
  let inListItem = 0;
  const flush = () => {
    let text = collapse(buffer);
    buffer = '';
    if (!text) return;
    let bullet = inListItem > 0;
    if (BULLET_GLYPH.test(text)) {
      bullet = true;
      text = text.replace(BULLET_GLYPH, '');
      if (!text) return;
    }
    out.push({ text, bullet });
  };
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      buffer += node.nodeValue ?? '';
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 11 && node.nodeType !== 9) return;
    const el = node as Element;
    if (node.nodeType === 1) {
      if (isSkipped(el)) return;
      const tag = el.tagName.toUpperCase();
      if (tag === 'BR') {
        flush();
        return;
      }
      if (isBlock(el)) {
        flush();
        if (tag === 'LI') inListItem++;
        for (let child = el.firstChild; child; child = child.nextSibling) walk(child);
        flush();
        if (tag === 'LI') inListItem--;
        return;
      }
    }
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child);
  };
  walk(root);
  flush();
  return out;
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
