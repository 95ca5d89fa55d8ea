import type Dexie from 'dexie';
import type { LibraryDb } from './db';
import { itemPk, meetingPk, type ItemRef, type MeetingRef } from './identity';
import type { KeyRange } from './keysetBatches';
import type { SavedClause, SavedItem } from './schema';

/**
 * A meeting's (an item's, a council's) items and clauses, read as a range of their primary keys,
 * which begin [host, meetingId, itemKey]: since database version 7 they have no other index for it
 * (per-row index entries are what made writes slow, see postings.ts).
 */
// An array sorts above every string and number: [...prefix, []] is above every key beginning with prefix.
const below = (prefix: unknown[]): [unknown[], unknown[]] => [prefix, [...prefix, []]];

/** A council's meetings, items and clauses as a range of primary keys (all begin with the host), for keysetBatches. */
export const hostKeys = (host: string): KeyRange => below([host]);

const items = (db: LibraryDb, prefix: unknown[]) => db.items.where('[host+meetingId+itemKey]').between(...below(prefix));
const clauses = (db: LibraryDb, prefix: unknown[]) => db.clauses.where('[host+meetingId+itemKey+clauseIndex]').between(...below(prefix));

export const itemsOfMeeting = (db: LibraryDb, ref: MeetingRef): Dexie.Collection<SavedItem> => items(db, meetingPk(ref));
export const clausesOfMeeting = (db: LibraryDb, ref: MeetingRef): Dexie.Collection<SavedClause> => clauses(db, meetingPk(ref));
export const clausesOfItem = (db: LibraryDb, ref: ItemRef): Dexie.Collection<SavedClause> => clauses(db, itemPk(ref));
export const itemsOfHost = (db: LibraryDb, host: string): Dexie.Collection<SavedItem> => items(db, [host]);
export const clausesOfHost = (db: LibraryDb, host: string): Dexie.Collection<SavedClause> => clauses(db, [host]);
