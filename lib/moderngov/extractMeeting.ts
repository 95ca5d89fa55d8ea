import { extractCouncil } from './council';
import { hashSteps, jsonArrayPieces } from './contentHash';
import { parseSubtitle } from './dates';
import { documentLink } from './documents';
import { findItemTable, itemSteps } from './extractItems';
import { labelReader } from './labels';
import type { DocumentLink, Item, MeetingRecord } from './schema';
import { runToEnd, type Steps } from './steps';
import { inlineText } from './text';
import { canonicalUrl, parseModernGovUrl, queryParam } from './url';

const WHOLE_MEETING_DOCUMENT = /printed (draft )?(minutes|decisions)|agenda (frontsheet|reports pack)|supplement|decision notice/i;
const STATUS = /\b(CANCELLED|POSTPONED|MOVED)\b/;

/** The ModernGov block of a page wrapped in a council's theme; the whole body otherwise. */
export function modgovRoot(doc: Document): ParentNode {
  return doc.querySelector('#modgov') ?? doc.body ?? doc;
}

function minutesOfItems(items: Item[], title: RegExp): string | null {
  const texts = items.filter((item) => title.test(item.title) && item.minutes).map((item) => item.minutes);
  return texts.length ? texts.join('\n') : null;
}

/** The committee id: the URL's `CId`, else a "meetings of this committee" link in the page. */
function committeeId(root: ParentNode, url: URL): string | null {
  const fromUrl = queryParam(url, 'CId', 'CommitteeId');
  if (fromUrl) return fromUrl;
  for (const anchor of Array.from(root.querySelectorAll('a[href]'))) {
    try {
      const parsed = parseModernGovUrl(new URL(anchor.getAttribute('href') ?? '', url).href);
      if (parsed?.page === 'ielistmeetings.aspx') return queryParam(parsed.url, 'CId');
      if (parsed?.page === 'mgcommitteedetails.aspx') return queryParam(parsed.url, 'ID');
    } catch {
      // a broken href is not the committee link
    }
  }
  return null;
}

/** A meeting page (`ieListDocuments.aspx`) as a meeting record. */
export function extractMeeting(doc: Document, href: string): MeetingRecord {
  return runToEnd(meetingSteps(doc, href));
}

/** The same in steps: a few for the page's own parts, one per item, then the content hash's. */
export function* meetingSteps(doc: Document, href: string): Steps<MeetingRecord> {
  const url = new URL(href);
  const base = url.href;
  const root = modgovRoot(doc);
  const warnings: string[] = [];
  const heading = root.querySelector('.mgMainTitleTxt');
  const subtitleEl = root.querySelector('.mgSubTitleTxt');
  const subtitle = parseSubtitle(subtitleEl ? inlineText(subtitleEl) : '');
  if (!subtitleEl) warnings.push('The page has no committee and date line (mgSubTitleTxt).');
  else if (!subtitle.date) warnings.push('The meeting date could not be read from the page.');

  const table = findItemTable(root);
  const labelled = labelReader(root, table);
  // A label not in a ModernGov label span is looked for in every block of the page: on a page
  // of a thousand items, a step of its own.
  const venue = labelled(/^(Venue|Lleoliad)\s*:?/i);
  yield;
  const contact = labelled(/^(Contact|Cyswllt)\s*:?/i);
  yield;

  const documents: DocumentLink[] = [];
  for (const anchor of Array.from(root.querySelectorAll('.mgActionList a[href], .mgLinks a[href]'))) {
    if (!WHOLE_MEETING_DOCUMENT.test(inlineText(anchor))) continue;
    const link = documentLink(anchor, base);
    if (link && !documents.some((d) => d.url === link.url)) documents.push(link);
  }
  yield;

  const items = table ? yield* itemSteps(table, base) : [];
  if (!table) warnings.push('No items table was found on the page.');
  else if (items.length === 0) warnings.push('The items table lists no items.');
  const truncated = items.filter((item) => item.minutesTruncated).map((item) => item.number ?? item.title);
  if (truncated.length) warnings.push(`Minutes are cut short on the page for item ${truncated.join(', ')}.`);
  const capped = items.filter((item) => item.textCapped).length;
  if (capped) warnings.push(`Text was too long and was cut in ${capped} item(s).`);

  const titleText = doc.querySelector('title') ? inlineText(doc.querySelector('title') as Element) : '';
  const status = STATUS.exec(`${titleText} ${subtitleEl ? inlineText(subtitleEl) : ''}`)?.[1]?.toLowerCase() ?? null;

  const body = {
    kind: 'meeting' as const,
    council: extractCouncil(doc, url),
    committee: { id: committeeId(root, url), name: subtitle.committee },
    meeting: {
      id: queryParam(url, 'MId', 'MeetingId'),
      title: heading ? inlineText(heading) : '',
      date: subtitle.date,
      time: subtitle.time,
      venue: venue ? venue.value.replace(/\s*View directions\s*$/i, '').replace(/\.$/, '') || null : null,
      contact: contact?.value || null,
      status,
      url: canonicalUrl(base),
      documents,
    },
    items,
    apologies: minutesOfItems(items, /apolog|ymddiheuriadau/i),
    declarations: minutesOfItems(items, /declaration|interests?\b|datgan/i),
    attendance: [],
    warnings,
  };
  return { ...body, contentHash: yield* meetingHashSteps(body) };
}

/** The content hash leaves out the URL (session segments and parameters vary) and warnings. */
export function meetingHash(record: Omit<MeetingRecord, 'contentHash'>): string {
  return runToEnd(meetingHashSteps(record));
}

/** `contentHash([council, committee, meeting, items, attendance])` worked out in steps: an item's JSON at a time, then 64K characters at a time. */
function* meetingHashSteps(record: Omit<MeetingRecord, 'contentHash'>): Steps<string> {
  const { url: _url, ...meeting } = record.meeting;
  const items = yield* jsonArrayPieces(record.items);
  const json = (value: unknown) => JSON.stringify(value);
  return yield* hashSteps(['[', json(record.council), ',', json(record.committee), ',', json(meeting), ',', ...items, ',', json(record.attendance), ']']);
}
