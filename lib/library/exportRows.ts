import Dexie, { type Table } from 'dexie';
import type { LibraryDb } from './db';
import { clausePk, itemPk, meetingKey, type MeetingKey } from './identity';
import type { SavedClause, SavedItem, SavedMeeting } from './schema';
import { rowMatches, searchClauses, searchItems, type LibraryFilter } from './search';
import { wordsOf } from './words';

type Row = SavedItem | SavedClause;

/** Rows in flight in one read: a few meetings' rows, a fraction of a chunk. */
export const READ_ROWS = 2_000;

/** A row's place within its meeting, as the library page lists it. */
const placeInMeeting = (row: Row): number => ('clauseIndex' in row ? row.itemOrder * 10_000 + row.clauseIndex : row.order);

/** What an export needs of a meeting: its place in the order and its CSV cells (a saved meeting row is ~10 KB more). */
export type ExportMeeting = Pick<SavedMeeting, 'host' | 'meetingId' | 'date' | 'url' | 'retrievedAt' | 'contentHash'>;

/** Newest first, undated last; then council host and meeting id (code-unit order is ISO dates' order). */
function newestFirst(a: ExportMeeting, b: ExportMeeting): number {
  return (a.date < b.date ? 1 : a.date > b.date ? -1 : 0) || a.host.localeCompare(b.host) || a.meetingId.localeCompare(b.meetingId);
}

export interface ExportSource<T extends Row> {
  /** Every saved meeting by key, for the meeting columns of the rows. */
  meetings: Map<MeetingKey, ExportMeeting>;
  /** The matching rows, a few meetings' at a time. */
  batches: AsyncIterable<T[]>;
}

/**
 * The rows an export writes, in the library page's order: newest meeting first (by the
 * meeting's date, undated last), then council host and meeting id, then the row's place on the
 * page. Without text in the filter, nothing is searched: the meetings are read and sorted, then
 * each meeting's rows with one getAll of the primary key's [host, meetingId] prefix, the next
 * few meetings' requests in flight while a batch is formatted and written; the filter's other
 * conditions are checked on each row. Rows whose meeting row is missing (a hand-made backup can
 * hold them) come last, in key order, found by counting. With text, the library's search
 * answers (every match at once).
 */
export function clausesToExport(db: LibraryDb, filter: LibraryFilter, readRows = READ_ROWS): Promise<ExportSource<SavedClause>> {
  return exportSource(db, db.clauses, filter, () => searchClauses(db, filter), readRows);
}

export function itemsToExport(db: LibraryDb, filter: LibraryFilter, readRows = READ_ROWS): Promise<ExportSource<SavedItem>> {
  return exportSource(db, db.items, filter, () => searchItems(db, filter), readRows);
}

async function exportSource<T extends Row>(db: LibraryDb, table: Table<T>, filter: LibraryFilter, search: () => Promise<{ rows: T[] }>, readRows: number): Promise<ExportSource<T>> {
  const all = await exportMeetings(db, readRows);
  const meetings = new Map(all.map((m) => [meetingKey(m), m]));
  if (wordsOf(filter.text).length > 0) return { meetings, batches: inBatches((await search()).rows, readRows) };
  const order = all.filter((m) => !filter.host || m.host === filter.host).sort(newestFirst);
  return { meetings, batches: meetingByMeeting(table, order, filter, readRows) };
}

/** Every meeting, read in keyset batches and kept as the export needs it, so the page never holds every meeting row. */
async function exportMeetings(db: LibraryDb, readRows: number): Promise<ExportMeeting[]> {
  const all: ExportMeeting[] = [];
  for (let after: [string, string] | null = null; ; ) {
    const rows: SavedMeeting[] = await (after ? db.meetings.where(':id').above(after) : db.meetings.orderBy(':id')).limit(readRows).toArray();
    const last = rows.at(-1);
    if (!last) return all;
    after = [last.host, last.meetingId];
    for (const { host, meetingId, date, url, retrievedAt, contentHash } of rows) all.push({ host, meetingId, date, url, retrievedAt, contentHash });
  }
}

async function* inBatches<T>(rows: T[], size: number): AsyncGenerator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

/** One meeting's rows, in page order: the primary key begins [host, meetingId] ([] sorts after every string and number). */
function rowsOf<T extends Row>(table: Table<T>, m: ExportMeeting): Promise<T[]> {
  return table
    .where(':id')
    .between([m.host, m.meetingId], [m.host, m.meetingId, []], true, true)
    .toArray()
    .then((rows) => rows.sort((a, b) => placeInMeeting(a) - placeInMeeting(b)));
}

async function* meetingByMeeting<T extends Row>(table: Table<T>, order: ExportMeeting[], filter: LibraryFilter, readRows: number): AsyncGenerator<T[]> {
  let read = 0;
  let next = 0;
  // Meetings a read takes: as many as hold about `readRows` rows, by the rows a meeting has had so far.
  const readGroup = (): Promise<T[][]> | null => {
    if (next >= order.length) return null;
    // The first read takes one meeting: a meeting may hold thousands of rows.
    const size = next === 0 ? 1 : Math.max(1, Math.min(500, Math.round(readRows / Math.max(1, read / next))));
    const group = order.slice(next, next + size);
    next += group.length;
    const reading = table.db
      .transaction('r', table, () => Promise.all(group.map((m) => rowsOf(table, m))))
      .then((rows) => {
        for (const r of rows) read += r.length;
        return rows;
      });
    // Dropped unread when the export stops early: its failure is then nobody's.
    reading.catch(() => undefined);
    return reading;
  };
  const everyRow = !filter.committee && !filter.from && !filter.to && !filter.tag && !filter.outcome && table.name === 'clauses';
  for (let reading = readGroup(); reading; ) {
    const rows = (await reading).flat();
    reading = readGroup();
    yield everyRow ? rows : rows.filter((row) => rowMatches(row, filter));
  }
  // Rows whose meeting is not among those read: only when the count says some were missed.
  const range = filter.host ? table.where(':id').between([filter.host], [filter.host, []], true, true) : table.toCollection();
  if ((await range.count()) <= read) return;
  const known = new Set(order.map(meetingKey));
  let after: unknown = filter.host ? [filter.host] : Dexie.minKey;
  for (;;) {
    const upper = filter.host ? [filter.host, []] : Dexie.maxKey;
    const rows = await table.where(':id').between(after, upper, false, true).limit(readRows).toArray();
    if (rows.length === 0) return;
    const last = rows.at(-1) as T;
    after = 'clauseIndex' in last ? clausePk(last) : itemPk(last);
    yield rows.filter((row) => !known.has(meetingKey(row)) && rowMatches(row, filter));
  }
}
