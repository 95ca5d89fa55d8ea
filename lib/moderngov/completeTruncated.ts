import { buildItem } from './buildItem';
import { readItemContent } from './extractItems';
import { meetingHash, modgovRoot } from './extractMeeting';
import type { Item, MeetingRecord } from './schema';

/** Fetches a page's HTML and parses it into a Document; the caller decides how (the page's
 * own session in the content script, a file or server in tests). */
export type FetchDocument = (url: string) => Promise<Document>;

export interface CompletionResult {
  meeting: MeetingRecord;
  /** Items whose full text could not be fetched or read, with the reason. */
  failures: { itemNumber: string | null; url: string; reason: string }[];
}

/** Full minutes from an item page: its "Minutes:" section. */
function completedItem(item: Item, doc: Document, url: string): Item | null {
  const root = modgovRoot(doc);
  const content = root.querySelector('.mgContent') ?? (root as Element);
  const parts = readItemContent(content, url);
  if (parts.minutes.length === 0) return null;
  const full = buildItem({ ...parts, number: item.number, id: item.id, title: item.title });
  return {
    ...item,
    minutes: full.minutes,
    notedPoints: full.notedPoints,
    clauses: full.clauses,
    documents: item.documents.length ? item.documents : full.documents,
    minutesTruncated: false,
    textCapped: item.textCapped || full.textCapped,
  };
}

/**
 * Follows each "view the full minutes text for item N" link (same origin only: the meeting's own
 * site) and fills in the full minutes, noted points and clauses. Items that fail keep their cut
 * text and stay marked truncated; the failures are reported, never thrown.
 */
export async function completeTruncated(meeting: MeetingRecord, fetchDocument: FetchDocument): Promise<CompletionResult> {
  const origin = new URL(meeting.meeting.url).origin;
  const failures: CompletionResult['failures'] = [];
  const items: Item[] = [];
  for (const item of meeting.items) {
    const url = item.fullMinutesUrl;
    if (!item.minutesTruncated || !url) {
      items.push(item);
      continue;
    }
    if (new URL(url).origin !== origin) {
      failures.push({ itemNumber: item.number, url, reason: 'The full text is on another site; only the meeting’s own site is read.' });
      items.push(item);
      continue;
    }
    try {
      const full = completedItem(item, await fetchDocument(url), url);
      if (full) items.push(full);
      else {
        failures.push({ itemNumber: item.number, url, reason: 'The item page has no minutes.' });
        items.push(item);
      }
    } catch (error) {
      failures.push({ itemNumber: item.number, url, reason: error instanceof Error ? error.message : String(error) });
      items.push(item);
    }
  }
  const stillCut = items.filter((item) => item.minutesTruncated).map((item) => item.number ?? item.title);
  const warnings = meeting.warnings.filter((w) => !w.startsWith('Minutes are cut short'));
  if (stillCut.length) warnings.push(`Minutes are cut short on the page for item ${stillCut.join(', ')}.`);
  const { contentHash: _old, ...rest } = meeting;
  const body = { ...rest, items, warnings };
  return { meeting: { ...body, contentHash: meetingHash(body) }, failures };
}
