import { absoluteHttpUrl } from './url';
import { inlineText } from './text';

const FULL_TEXT = /(?:\.\.\.|…)?[\s\u00a0]*view the full (minutes|agenda|decision) text for[\s\u00a0]*$/i;
const FULL_TEXT_LINK = /view the full (minutes|agenda|decision) text for item/i;

export interface Truncation {
  part: 'minutes' | 'agenda' | 'decision';
  url: string | null;
}

/** Finds "… view the full minutes text for item 5." links inside a detached copy of a section,
 * removes them (with the ellipsis before them) from that copy, and reports them. The link may
 * hold the whole phrase or only "item 5". */
export function takeTruncationLinks(root: Element, base: string): Truncation[] {
  const found: Truncation[] = [];
  for (const anchor of Array.from(root.querySelectorAll('a'))) {
    const previous = anchor.previousSibling;
    const before = previous && previous.nodeType === 3 ? (previous.nodeValue ?? '') : '';
    const own = FULL_TEXT_LINK.exec(inlineText(anchor));
    const split = own ? null : FULL_TEXT.exec(before);
    const part = own?.[1] ?? (split && /^item\b/i.test(inlineText(anchor)) ? split[1] : null);
    if (!part) continue;
    found.push({ part: part.toLowerCase() as Truncation['part'], url: absoluteHttpUrl(anchor.getAttribute('href'), base) });
    if (previous && previous.nodeType === 3) {
      previous.nodeValue = before.replace(FULL_TEXT, '').replace(/[\s\u00a0]*(\.\.\.|…)[\s\u00a0]*$/, '');
    }
    const next = anchor.nextSibling;
    if (next && next.nodeType === 3) next.nodeValue = (next.nodeValue ?? '').replace(/^\s*\./, '');
    anchor.remove();
  }
  return found;
}
