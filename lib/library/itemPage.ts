import type { MeetingRecord } from '../moderngov/schema';
import { itemPageItemId, itemPageMeetingId, type ItemPage } from './identity';

/**
 * An agenda-item or decision page as the meeting record the library saves: one item, under the
 * keys of identity.ts, with what the page says of its meeting (committee or decision maker, date,
 * address). The meeting page, saved before or after, is the same meeting and the same item.
 */
export function meetingOfItemPage(page: ItemPage): MeetingRecord {
  const ref = page.meetingRef;
  const decision = page.kind === 'decision' ? page : null;
  return {
    kind: 'meeting',
    council: page.council,
    committee: { id: ref?.committeeId ?? null, name: ref?.committeeName ?? decision?.decisionMaker ?? null },
    meeting: {
      id: itemPageMeetingId(page),
      // The heading citations read ("Decision of the Cabinet…"); the meeting page's replaces it.
      title: decision ? 'Decision' : 'Agenda item',
      date: ref?.date ?? decision?.decisionDate ?? null,
      time: null,
      venue: null,
      contact: null,
      status: null,
      // A meeting known only from this page is found at this page.
      url: (ref?.meetingId ? ref.url : null) ?? page.url,
      documents: [],
    },
    items: [{ ...page.item, id: itemPageItemId(page) }],
    apologies: null,
    declarations: null,
    attendance: [],
    warnings: page.warnings,
    contentHash: page.contentHash,
  };
}
