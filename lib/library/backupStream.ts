import type { Table } from 'dexie';
import { BACKUP_FORMAT, BACKUP_VERSION, type TableName } from './backupSchema';
import type { LibraryDb } from './db';
import { keysetBatches } from './keysetBatches';

/** The backup's tables, in the order `exportLibrary` writes them. */
const TABLES: TableName[] = ['councils', 'committees', 'meetings', 'items', 'clauses'];
const READ_ROWS = 2_000;

/** A record of the backup, with the table it belongs in. */
export type BackupRecord = [table: TableName, record: unknown];

/**
 * Items and clauses carry an empty `words` in a backup: the library stores none since database
 * version 9, but version 8 (shipped) requires the field and computes the words again on restore,
 * so a backup made now restores there too. Restore here drops it (the schema has no `words`).
 */
const withEmptyWords = (record: unknown): unknown => ({ ...(record as object), words: [] });

/** Every record of the library, table after table in primary-key order, read in keyset batches. */
export async function* backupBatches(db: LibraryDb, readRows = READ_ROWS): AsyncGenerator<BackupRecord[]> {
  for (const name of TABLES) {
    const shape = name === 'items' || name === 'clauses' ? withEmptyWords : (record: unknown) => record;
    for await (const rows of keysetBatches(db.table(name) as Table<unknown, unknown>, readRows)) yield rows.map((record): BackupRecord => [name, shape(record)]);
  }
}

/**
 * The text of a backup written in chunks: byte for byte what `exportLibrary` writes in one
 * string (the same JSON document, so restore reads it as it is), made of each batch of records
 * as it comes, and `closing()` at the end. The tables are not read in one transaction, as
 * `exportLibrary` reads them: a save made while the backup is written may be in it in part.
 */
export function backupWriter(databaseVersion: number, now = new Date()) {
  /** The table whose array is open: -1 before the first. */
  let table = -1;
  /** Closes the open table's array and opens each next one up to `to` (those between stay empty). */
  const openUpTo = (to: number) => {
    let text = '';
    for (let next = table + 1; next <= to; next += 1) text += `${next === 0 ? '' : '],'}${JSON.stringify(TABLES[next])}:[`;
    table = to;
    return text;
  };
  const start = `{"format":${JSON.stringify(BACKUP_FORMAT)},"version":${BACKUP_VERSION},"exportedAt":${JSON.stringify(now.toISOString())},"databaseVersion":${databaseVersion},"tables":{`;
  let records = 0;
  let started = false;
  return {
    format(batch: BackupRecord[], first: boolean): string {
      let text = first ? start : '';
      started = true;
      for (const [name, record] of batch) {
        const at = TABLES.indexOf(name);
        if (at !== table) {
          text += openUpTo(at);
          records = 0;
        }
        text += `${records === 0 ? '' : ','}${JSON.stringify(record)}`;
        records += 1;
      }
      return text;
    },
    // An empty library is still a whole document, of empty tables.
    closing: () => `${started ? '' : start}${openUpTo(TABLES.length - 1)}]}}`,
  };
}
