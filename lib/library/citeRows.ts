import { referenceOfSavedClause, referenceOfSavedItem } from '../cite/fromSaved';
import type { Reference } from '../cite/reference';
import { meetingMapKey } from '../export/libraryCsv';
import type { LibraryDb } from './db';
import type { SavedClause, SavedItem, SavedMeeting } from './schema';

/** The saved meetings of these rows (for their address, heading and retrieval date). */
async function meetingsOf(db: LibraryDb, rows: (SavedClause | SavedItem)[]): Promise<Map<string, SavedMeeting>> {
  const keys = new Map(rows.map((r) => [meetingMapKey(r.host, r.meetingId), [r.host, r.meetingId] as [string, string]]));
  const meetings = await db.meetings.bulkGet([...keys.values()]);
  return new Map(meetings.flatMap((m) => (m ? [[meetingMapKey(m.host, m.meetingId), m] as const] : [])));
}

export async function referencesOfClauses(db: LibraryDb, clauses: SavedClause[]): Promise<Reference[]> {
  const meetings = await meetingsOf(db, clauses);
  return clauses.map((c) => referenceOfSavedClause(c, meetings));
}

export async function referencesOfItems(db: LibraryDb, items: SavedItem[]): Promise<Reference[]> {
  const meetings = await meetingsOf(db, items);
  return items.map((i) => referenceOfSavedItem(i, meetings));
}

/** The rows as the library holds them now: a selection made earlier may hold rows deleted or annotated since. */
export async function currentClauses(db: LibraryDb, clauses: SavedClause[]): Promise<SavedClause[]> {
  const rows = await db.clauses.bulkGet(clauses.map((c) => [c.host, c.meetingId, c.itemKey, c.clauseIndex]));
  return rows.filter((row): row is SavedClause => row !== undefined);
}

export async function currentItems(db: LibraryDb, items: SavedItem[]): Promise<SavedItem[]> {
  const rows = await db.items.bulkGet(items.map((i) => [i.host, i.meetingId, i.itemKey]));
  return rows.filter((row): row is SavedItem => row !== undefined);
}
