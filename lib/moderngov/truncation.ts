import { absoluteHttpUrl } from './url';
import { inlineText } from './text';

/** The phrase at the end of a text, whitespace after it trimmed first (`trimEnd` trims what `\s`
 * matches): a pattern with `\s*` before the phrase retried at every space of a long whitespace
 * run, taking minutes over a page padded with 200,000 spaces. */
const FULL_TEXT_AT_END = /view the full (minutes|agenda|decision) text for$/i;
const FULL_TEXT_LINK = /view the full (minutes|agenda|decision) text for item/i;

export interface Truncation {
  part: 'minutes' | 'agenda' | 'decision';
  url: string | null;
}

function withoutEllipsis(text: string): string | null {
  if (text.endsWith('...')) return text.slice(0, -3);
  if (text.endsWith('…')) return text.slice(0, -1);
  return null;
}

/** The text before a cut-short link without what marks the cut: a trailing "view the full … text
 * for" (with the ellipsis and spaces before it), then a trailing ellipsis and the spaces around it. */
function withoutCutMarker(before: string): string {
  let text = before;
  const trimmed = before.trimEnd();
  const phrase = FULL_TEXT_AT_END.exec(trimmed);
  if (phrase) {
    const head = trimmed.slice(0, phrase.index).trimEnd();
    text = withoutEllipsis(head) ?? head;
  }
  const bare = withoutEllipsis(text.trimEnd());
  return bare === null ? text : bare.trimEnd();
}

/** Whether `root` may hold a cut-short link (checked before copying it for `takeTruncationLinks`:
 * most items have none, and copying every item cell was a fifth of extraction's time). */
export function mayHoldTruncationLinks(root: Element): boolean {
  for (const anchor of Array.from(root.getElementsByTagName('a'))) {
    if (/view the full|^[\s\u00a0]*item\b/i.test(anchor.textContent ?? '')) return true;
  }
  return false;
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
    const split = own ? null : FULL_TEXT_AT_END.exec(before.trimEnd());
    const part = own?.[1] ?? (split && /^item\b/i.test(inlineText(anchor)) ? split[1] : null);
    if (!part) continue;
    found.push({ part: part.toLowerCase() as Truncation['part'], url: absoluteHttpUrl(anchor.getAttribute('href'), base) });
    if (previous && previous.nodeType === 3) {
      previous.nodeValue = withoutCutMarker(before);
    }
    const next = anchor.nextSibling;
    if (next && next.nodeType === 3) next.nodeValue = (next.nodeValue ?? '').replace(/^\s*\./, '');
    anchor.remove();
  }
  return found;
}
