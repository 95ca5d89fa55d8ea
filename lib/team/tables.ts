import type { Table } from 'dexie';
import type { LibraryDb } from '../library/db';
import type { OutboxEntry, TeamRow } from './schema';

/** The team's tables in the library's database (declared by name in versions.ts, version 6), typed here
 * so the library's own code does not depend on the team's. */
export interface TeamTables {
  /** Keyed by who queued a row and what it is about: another sign-in's copy of the same record is its own row. */
  outbox: Table<OutboxEntry, [string, string]>;
  /** Keyed by kind and key: a committee's key and a meeting's can be the same text. */
  teamRows: Table<TeamRow, [string, string]>;
  teamState: Table<{ name: string; value: unknown }, string>;
}

export const teamTables = (db: LibraryDb): TeamTables => ({
  outbox: db.table('outbox'),
  teamRows: db.table('teamRows'),
  teamState: db.table('teamState'),
});
