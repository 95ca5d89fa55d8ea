import { buildItem } from './buildItem';
import { extractCouncil } from './council';
import { contentHash } from './contentHash';
import { readItemContent } from './extractItems';
import { modgovRoot } from './extractMeeting';
import { labelReader } from './labels';
import { meetingRefFromLink } from './meetingRef';
import type { ItemRecord } from './schema';
import { inlineText } from './text';
import { canonicalUrl, parseModernGovUrl, queryParam } from './url';

/** An agenda item page (`mgAi.aspx`): "Meeting: 22/05/2015 - Panel (Item 5)", the full minutes. */
export function extractItemPage(doc: Document, href: string): ItemRecord {
  const url = new URL(href);
  const root = modgovRoot(doc);
  const content = root.querySelector('.mgContent') ?? (root as Element);
  const meetingLine = labelReader(root)(/^(Meeting|Cyfarfod)\s*:?/i);
  const meetingAnchor = meetingLine?.element.querySelector('a[href]') ?? null;
  const number = meetingLine ? (/\((?:Item|Eitem)\s+([^)]+?)\.?\)\s*$/i.exec(meetingLine.value)?.[1] ?? null) : null;
  const parts = readItemContent(content, url.href);
  const subtitle = root.querySelector('.mgSubTitleTxt');
  const title = parts.title || (subtitle ? inlineText(subtitle) : '');
  const warnings: string[] = [];
  if (!title) warnings.push('The item has no title on the page.');
  if (!meetingLine) warnings.push('The page does not say which meeting the item was taken at.');
  const parsed = parseModernGovUrl(url.href);
  const id = parsed?.page === 'mgai.aspx' ? queryParam(url, 'ID') : null;
  const item = buildItem({ ...parts, title, number, id });
  const meetingRef = meetingAnchor ? meetingRefFromLink(meetingAnchor, url.href) : null;
  const council = extractCouncil(doc, url);
  return {
    kind: 'item',
    council,
    url: canonicalUrl(url.href),
    meetingRef,
    item,
    warnings,
    contentHash: contentHash([council, meetingRef, item]),
  };
}
