import type { Item, MeetingRecord, PageRecord } from '../moderngov/schema';
import type { Reference } from './reference';

/** Where an item was read: the page's council, committee, date and heading. */
type Placement = Omit<Reference, 'itemNumber' | 'itemTitle' | 'clause' | 'abstract'>;

function referenceOfItem(item: Item, placement: Placement, clauseIndex: number | null): Reference {
  const clause = clauseIndex === null ? undefined : item.clauses[clauseIndex];
  return {
    ...placement,
    itemNumber: item.number,
    itemTitle: item.title,
    clause: clause ? { label: clause.label, index: clauseIndex ?? 0 } : null,
    abstract: clause ? clause.text : item.description || item.minutes,
  };
}

/** The item, then each of its clauses. */
function referencesOfItem(item: Item, placement: Placement): Reference[] {
  return [referenceOfItem(item, placement, null), ...item.clauses.map((_, i) => referenceOfItem(item, placement, i))];
}

function meetingPlacement(record: MeetingRecord, accessed: string): Placement {
  return {
    council: record.council.name,
    host: record.council.host,
    committee: record.committee.name ?? '',
    date: record.meeting.date ?? '',
    pageTitle: record.meeting.title,
    url: record.meeting.url,
    accessed,
    tags: [],
    note: '',
  };
}

/** One item of a meeting page, or one clause of it (the panel's "Copy citation"). */
export function referenceOfMeetingItem(record: MeetingRecord, itemIndex: number, clauseIndex: number | null, accessed: string): Reference | null {
  const item = record.items[itemIndex];
  if (!item || (clauseIndex !== null && !item.clauses[clauseIndex])) return null;
  return referenceOfItem(item, meetingPlacement(record, accessed), clauseIndex);
}

/**
 * Every item and clause of an extracted page (the CLI): a meeting's items, or the one item of an
 * item or decision page; other kinds of page cite nothing (an empty list).
 */
export function referencesOfPage(record: PageRecord, accessed: string): Reference[] {
  switch (record.kind) {
    case 'meeting':
      return record.items.flatMap((item) => referencesOfItem(item, meetingPlacement(record, accessed)));
    case 'item':
    case 'decision': {
      const ref = record.meetingRef;
      const decision = record.kind === 'decision';
      return referencesOfItem(record.item, {
        council: record.council.name,
        host: record.council.host,
        committee: (decision ? record.decisionMaker : null) ?? ref?.committeeName ?? '',
        date: (decision ? record.decisionDate : null) ?? ref?.date ?? '',
        // An item page carries the minutes once the meeting has them, else the agenda text.
        pageTitle: decision ? 'Decision' : record.item.minutes ? 'Minutes' : 'Agenda',
        url: record.url,
        accessed,
        tags: [],
        note: '',
      });
    }
    default:
      return [];
  }
}
