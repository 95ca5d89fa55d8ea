import { meetingKey, type MeetingKey } from '../library/identity';
import type { SavedClause, SavedItem, SavedMeeting } from '../library/schema';
import type { Reference } from './reference';

/** Saved meetings by `meetingKey`, as the CSV export reads them. */
type Meetings = Map<MeetingKey, SavedMeeting>;

function meetingOf(meetings: Meetings, row: { host: string; meetingId: string }): SavedMeeting | undefined {
  return meetings.get(meetingKey(row));
}

function placement(row: SavedItem | SavedClause, meeting: SavedMeeting | undefined) {
  return {
    council: row.councilName,
    host: row.host,
    committee: row.committeeName,
    date: row.date,
    pageTitle: meeting?.title ?? '',
    url: meeting?.url ?? '',
    // Retrieved when the meeting was last saved; the row's own save time if the meeting is missing.
    accessed: meeting?.retrievedAt ?? row.savedAt,
    tags: row.tags,
    note: row.note,
  };
}

export function referenceOfSavedItem(item: SavedItem, meetings: Meetings): Reference {
  return {
    ...placement(item, meetingOf(meetings, item)),
    itemNumber: item.number,
    itemTitle: item.title,
    clause: null,
    abstract: item.description || item.minutes,
  };
}

export function referenceOfSavedClause(clause: SavedClause, meetings: Meetings): Reference {
  return {
    ...placement(clause, meetingOf(meetings, clause)),
    itemNumber: clause.itemNumber,
    itemTitle: clause.itemTitle,
    clause: { label: clause.label, index: clause.clauseIndex },
    abstract: clause.text,
  };
}
