import type { PageExtractedPart } from '../messages/schema';

/** Characters of a reading's JSON text sent in one message (~5 ms of the page's thread to copy). */
export const PART_CHARS = 1 << 18;

/** A reading's JSON text cut into the parts `page-extracted-part` messages carry. */
export function partsOf(text: string): string[] {
  const parts: string[] = [];
  for (let start = 0; start < text.length; start += PART_CHARS) parts.push(text.slice(start, start + PART_CHARS));
  return parts.length ? parts : [''];
}

/**
 * The parts of each tab's reading received so far, joined when the last arrives. A tab's parts
 * come in order (one content script, each sent after the last); a first part starts the reading
 * again, and a part that does not follow on (another page, a part missing) drops what was held,
 * so a reading is never joined from two pages.
 */
export class MessageParts {
  private readonly held = new Map<number, { url: string; count: number; texts: string[] }>();

  /** The whole text once `part` completes it, else null. */
  add(tabId: number, part: PageExtractedPart): string | null {
    if (part.index === 0) this.held.set(tabId, { url: part.url, count: part.count, texts: [] });
    const held = this.held.get(tabId);
    if (!held || held.url !== part.url || held.count !== part.count || held.texts.length !== part.index) {
      this.held.delete(tabId);
      return null;
    }
    held.texts.push(part.text);
    if (held.texts.length < held.count) return null;
    this.held.delete(tabId);
    return held.texts.join('');
  }
}
