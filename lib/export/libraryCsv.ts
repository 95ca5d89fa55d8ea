import { meetingKey, type MeetingKey } from '../library/identity';
import type { SavedClause, SavedItem, SavedMeeting } from '../library/schema';
import { CLAUSE_COLUMNS, ORIGIN_CELLS, OUTCOME_CELLS } from './clauseRows';
import { csvChunkOf, type CellsOf } from './csv';

/** The items CSV's columns, in order. Documented in README.md ("CSV columns"). */
export const ITEM_COLUMNS = [
  'council', 'host', 'committee', 'meeting_date', 'meeting_url', 'item_number', 'item_title',
  'description', 'minutes', 'noted_points', 'documents', 'tags', 'note', 'source_url', 'retrieved_at', 'content_hash',
  'procedural',
] as const;

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

/** The cells both CSVs have, from the row and its meeting (`meetingOf`, asked for each cell: it answers the last meeting again at once). */
function commonCells(meetingOf: (row: SavedItem | SavedClause) => MeetingCells | undefined): CellsOf<SavedItem | SavedClause, CommonColumn> {
  return {
    council: (r) => r.councilName ?? '',
    host: (r) => r.host,
    committee: (r) => r.committeeName,
    meeting_date: (r) => r.date,
    meeting_url: (r) => meetingOf(r)?.url ?? '',
    tags: (r) => r.tags.join('; '),
    note: (r) => r.note,
    source_url: (r) => meetingOf(r)?.url ?? '',
    retrieved_at: (r) => meetingOf(r)?.retrievedAt ?? r.savedAt,
    content_hash: (r) => meetingOf(r)?.contentHash ?? '',
  };
}
type CommonColumn = 'council' | 'host' | 'committee' | 'meeting_date' | 'meeting_url' | 'tags' | 'note' | 'source_url' | 'retrieved_at' | 'content_hash';

/** One row per saved clause. */
export function clausesCsv(clauses: SavedClause[], meetings: Meetings): string {
  return clausesCsvChunk(clauses, meetings, true);
}

/** Clauses as one chunk of a CSV written in chunks (csv.ts: `csvChunkOf`); the first has the header. Cells are made straight from the stored clause. */
export function clausesCsvChunk(clauses: SavedClause[], meetings: Meetings, first: boolean): string {
  const cells: CellsOf<SavedClause, (typeof CLAUSE_COLUMNS)[number]> = {
    ...commonCells(meetingFinder(meetings)),
    item_number: (c) => c.itemNumber ?? '',
    item_title: (c) => c.itemTitle,
    clause_label: (c) => c.label ?? '',
    clause_text: (c) => c.text,
    ...OUTCOME_CELLS,
    ...ORIGIN_CELLS,
  };
  return csvChunkOf(clauses, CLAUSE_COLUMNS, cells, first);
}

/** One row per saved item; noted points and documents one a line within their cell. */
export function itemsCsv(items: SavedItem[], meetings: Meetings): string {
  return itemsCsvChunk(items, meetings, true);
}

/** Items as one chunk of a CSV written in chunks; the first has the header. */
export function itemsCsvChunk(items: SavedItem[], meetings: Meetings, first: boolean): string {
  const cells: CellsOf<SavedItem, (typeof ITEM_COLUMNS)[number]> = {
    ...commonCells(meetingFinder(meetings)),
    item_number: (i) => i.number ?? '',
    item_title: (i) => i.title,
    description: (i) => i.description,
    minutes: (i) => i.minutes,
    noted_points: (i) => i.notedPoints.join('\n'),
    documents: (i) => i.documents.map((d) => (d.url ? `${d.title} <${d.url}>` : `${d.title} (restricted)`)).join('\n'),
    procedural: (i) => (i.procedural ? 'yes' : 'no'),
  };
  return csvChunkOf(items, ITEM_COLUMNS, cells, first);
}
