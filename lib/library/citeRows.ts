import { referenceOfSavedClause, referenceOfSavedItem } from '../cite/fromSaved';
import type { Reference } from '../cite/reference';
import type { LibraryDb } from './db';
import { clausePk, itemPk, meetingKey, meetingPk, type ClauseRef, type ItemRef, type MeetingKey, type MeetingRef } from './identity';
import type { SavedClause, SavedItem, SavedMeeting } from './schema';
import { searchClauses, searchItems, type LibraryFilter } from './search';

/** Which rows to cite: these (as the library holds them now), or every row matching a filter. */
export type CiteRows<Ref> = { refs: Ref[] } | { filter: LibraryFilter };

/** The saved meetings of these rows (for their address, heading and retrieval date). */
async function meetingsOf(db: LibraryDb, rows: MeetingRef[]): Promise<Map<MeetingKey, SavedMeeting>> {
  const unique = new Map(rows.map((r) => [meetingKey(r), r]));
  const meetings = await db.meetings.bulkGet([...unique.values()].map(meetingPk));
  return new Map(meetings.flatMap((m) => (m ? [[meetingKey(m), m] as const] : [])));
}

const present = <T>(row: T | undefined): row is T => row !== undefined;

/** References of clauses. A selection made earlier may hold rows deleted since: those are left out. */
export async function referencesOfClauses(db: LibraryDb, which: CiteRows<ClauseRef>): Promise<Reference[]> {
  const clauses: SavedClause[] = 'refs' in which ? (await db.clauses.bulkGet(which.refs.map(clausePk))).filter(present) : (await searchClauses(db, which.filter)).rows;
  const meetings = await meetingsOf(db, clauses);
  return clauses.map((c) => referenceOfSavedClause(c, meetings));
}

/** References of items; as for clauses, rows deleted since they were picked are left out. */
export async function referencesOfItems(db: LibraryDb, which: CiteRows<ItemRef>): Promise<Reference[]> {
  const items: SavedItem[] = 'refs' in which ? (await db.items.bulkGet(which.refs.map(itemPk))).filter(present) : (await searchItems(db, which.filter)).rows;
  const meetings = await meetingsOf(db, items);
  return items.map((i) => referenceOfSavedItem(i, meetings));
}
