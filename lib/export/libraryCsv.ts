import { meetingKey, type MeetingKey } from '../library/identity';
import type { SavedClause, SavedItem, SavedMeeting } from '../library/schema';
import { CLAUSE_COLUMNS, originCells, outcomeCells, type ClauseRow } from './clauseRows';
import { csvChunk } from './csv';

/** The items CSV's columns, in order. Documented in README.md ("CSV columns"). */
export const ITEM_COLUMNS = [
  'council', 'host', 'committee', 'meeting_date', 'meeting_url', 'item_number', 'item_title',
  'description', 'minutes', 'noted_points', 'documents', 'tags', 'note', 'source_url', 'retrieved_at', 'content_hash',
  'procedural',
] as const;

type ItemRow = Record<(typeof ITEM_COLUMNS)[number], string>;
/** The meeting cells of each row, by meeting (a saved meeting row, or what an export keeps of it). */
export type Meetings = Map<MeetingKey, Pick<SavedMeeting, 'url' | 'retrievedAt' | 'contentHash'>>;
type MeetingCells = Meetings extends Map<MeetingKey, infer M> ? M : never;

/** The meeting of each row; rows come meeting by meeting, so the last one found is asked first (no key built a row). */
function meetingFinder(meetings: Meetings): (row: { host: string; meetingId: string }) => MeetingCells | undefined {
  let lastRow: { host: string; meetingId: string } | undefined;
  let last: MeetingCells | undefined;
  return (row) => {
    if (lastRow && lastRow.meetingId === row.meetingId && lastRow.host === row.host) return last;
    lastRow = row;
    last = meetings.get(meetingKey(row));
    return last;
  };
}

function common(row: SavedItem | SavedClause, meeting: MeetingCells | undefined) {
  return {
    council: row.councilName ?? '',
    host: row.host,
    committee: row.committeeName,
    meeting_date: row.date,
    meeting_url: meeting?.url ?? '',
    tags: row.tags.join('; '),
    note: row.note,
    source_url: meeting?.url ?? '',
    retrieved_at: meeting?.retrievedAt ?? row.savedAt,
    content_hash: meeting?.contentHash ?? '',
  };
}

/** One row per saved clause. */
export function clausesCsv(clauses: SavedClause[], meetings: Meetings): string {
  return clausesCsvChunk(clauses, meetings, true);
}

/** Clauses as one chunk of a CSV written in chunks (csv.ts: `csvChunk`); the first has the header. */
export function clausesCsvChunk(clauses: SavedClause[], meetings: Meetings, first: boolean): string {
  const meetingOf = meetingFinder(meetings);
  const rows: ClauseRow[] = clauses.map((c) => ({
    ...common(c, meetingOf(c)),
    item_number: c.itemNumber ?? '',
    item_title: c.itemTitle,
    clause_label: c.label ?? '',
    clause_text: c.text,
    ...outcomeCells(c.outcome, c.votes),
    ...originCells(c),
  }));
  return csvChunk(rows, [...CLAUSE_COLUMNS], first);
}

/** One row per saved item; noted points and documents one a line within their cell. */
export function itemsCsv(items: SavedItem[], meetings: Meetings): string {
  return itemsCsvChunk(items, meetings, true);
}

/** Items as one chunk of a CSV written in chunks; the first has the header. */
export function itemsCsvChunk(items: SavedItem[], meetings: Meetings, first: boolean): string {
  const meetingOf = meetingFinder(meetings);
  const rows: ItemRow[] = items.map((i) => ({
    ...common(i, meetingOf(i)),
    item_number: i.number ?? '',
    item_title: i.title,
    description: i.description,
    minutes: i.minutes,
    noted_points: i.notedPoints.join('\n'),
    documents: i.documents.map((d) => (d.url ? `${d.title} <${d.url}>` : `${d.title} (restricted)`)).join('\n'),
    procedural: i.procedural ? 'yes' : 'no',
  }));
  return csvChunk(rows, [...ITEM_COLUMNS], first);
}
