import { jsonArrayPieces } from '../moderngov/contentHash';
import type { Extraction } from '../moderngov/schema';
import type { Steps } from '../moderngov/steps';

/**
 * A reading's JSON text, a meeting's items one step each. The content script sends this text,
 * not the object: Chrome's messaging would write the object's JSON itself, in one task (a
 * 1,000-item meeting held the page's thread for ~40 ms that way). `JSON.parse` of it gives the
 * reading back (a meeting's `items` come last).
 */
export function* extractionJsonSteps(extraction: Extraction): Steps<string> {
  if (extraction.kind !== 'meeting') return JSON.stringify(extraction);
  const { items, ...rest } = extraction;
  const pieces = yield* jsonArrayPieces(items);
  const head = JSON.stringify(rest);
  return `${head.slice(0, -1)},"items":${pieces.join('')}}`;
}
