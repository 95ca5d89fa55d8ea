import type { Table } from 'dexie';
import { CHUNK_ROWS, writeChunks, type ChunkSink, type StreamOptions, type StreamOutcome } from '../export/streamCsv';
import type { BackupTables, TableName } from './backupSchema';
import { readBackupRecords, UnreadableFile, type CheckedRecord } from './backupRead';
import { logChange } from './changes';
import type { LibraryDb } from './db';
import { backupBatches, backupWriter } from './backupStream';
import { clauseDerived } from './derived';
import { clausePk, itemPk, meetingKey, meetingPk, type MeetingKey, type MeetingRef } from './identity';
import { indexMeeting, indexTables } from './indexMeeting';
import type { SavedClause, SavedCommittee, SavedCouncil, SavedItem, SavedMeeting } from './schema';
import { isDiskFull } from './storageSpace';

export type RestoreCounts = Record<TableName, number>;

/**
 * How many records of each table were merged (all the backup's `total`, unless cancelled) and
 * each conflict the merge resolved, in words: the first `CONFLICTS_LISTED`, and how many more.
 */
export interface RestoreReport {
  outcome: 'restored' | 'cancelled';
  counts: RestoreCounts;
  total: number;
  conflicts: string[];
  moreConflicts: number;
}

/**
 * The whole library as one JSON string: the streamed backup (backupStream.ts) kept in memory.
 * For small libraries and tests; the library page streams it to a file.
 */
export async function exportLibrary(db: LibraryDb, now = new Date()): Promise<string> {
  const chunks: string[] = [];
  const sink = { write: async (text: string) => void chunks.push(text), close: async () => {}, abort: async () => {} };
  await writeBackup(db, sink, {}, now);
  return chunks.join('');
}

/** The library's backup written chunk by chunk into `sink` (export/streamCsv.ts: progress, cancel). */
export function writeBackup(db: LibraryDb, sink: ChunkSink, options: StreamOptions = {}, now = new Date()): Promise<StreamOutcome> {
  const writer = backupWriter(db.verno, now);
  return writeChunks(backupBatches(db), writer.format, sink, options, CHUNK_ROWS, writer.closing);
}

/** A backup file to restore: a `File` (or any `Blob`), read twice, once to check it and once to merge it. */
export interface BackupFile {
  stream(): ReadableStream<Uint8Array>;
  size: number;
}

/** Records checked (pass 1), then merged of how many (pass 2). */
export type RestoreProgress = { phase: 'checking'; records: number } | { phase: 'restoring'; records: number; total: number };

export interface RestoreOptions {
  signal?: AbortSignal;
  onProgress?(progress: RestoreProgress): void;
  /** Records read, and merged in one transaction, at a time. */
  batchRecords?: number;
}

/** Conflicts listed in the report; the rest are counted. */
export const CONFLICTS_LISTED = 200;

/**
 * Restores a backup into the library, merging with what is there: records are matched by
 * primary key (restoring twice adds nothing), tags are united, two different notes are both
 * kept (the backup's appended to the library's), `whole`/`picked` stay set if either side has
 * them, and the other fields come from the side retrieved (meetings) or saved (items, clauses)
 * later. What the library derives (a clause's outcome and votes, the postings) is computed
 * again, not taken from the file (search words, which backups made before database version 9
 * hold, are dropped by the schema).
 *
 * The file is read twice, streamed (backupRead.ts), so a backup of any size restores: pass 1
 * checks every record and writes nothing, so a bad file changes nothing; pass 2 merges a batch
 * at a time, each batch one transaction (a transaction cannot stay open across the file's
 * reads), then rebuilds the search postings of every meeting touched, once its items and
 * clauses are all in. Cancel stops after the batch being merged. A failure in pass 2 (a full
 * disk) throws an Error saying what was merged: only merges were made, so the library lost
 * nothing, and the same restore run again completes it.
 */
export async function restoreLibrary(db: LibraryDb, file: BackupFile, options: RestoreOptions = {}): Promise<RestoreReport> {
  const { signal, onProgress, batchRecords } = options;
  let total = 0;
  try {
    for await (const batch of readBackupRecords(file.stream(), batchRecords)) {
      total += batch.length;
      onProgress?.({ phase: 'checking', records: total });
      if (signal?.aborted) return { outcome: 'cancelled', counts: noCounts(), total, conflicts: [], moreConflicts: 0 };
    }
  } catch (error) {
    if (error instanceof UnreadableFile) throw new Error(`The backup could not be read: ${error.message}. Nothing was restored.`, { cause: error });
    throw error;
  }

  const counts = noCounts();
  const conflicts: string[] = [];
  let moreConflicts = 0;
  const note = { push: (line: string) => (conflicts.length < CONFLICTS_LISTED ? conflicts.push(line) : (moreConflicts += 1)) };
  const merge = { item: itemMerger(note), clause: clauseMerger(note) };
  const touched = new Map<MeetingKey, MeetingRef>();
  let outcome: RestoreReport['outcome'] = 'restored';
  try {
    for await (const batch of readBackupRecords(file.stream(), batchRecords)) {
      await mergeBatch(db, batch, merge, touched);
      for (const [table] of batch) counts[table] += 1;
      onProgress?.({ phase: 'restoring', records: merged(counts), total });
      if (signal?.aborted) {
        outcome = 'cancelled';
        break;
      }
    }
  } catch (error) {
    const indexed = await indexTouched(db, touched).then(
      () => true,
      () => false,
    );
    throw new Error(stoppedMessage(error, counts, total, indexed), { cause: error });
  }
  try {
    await indexTouched(db, touched);
  } catch (error) {
    throw new Error(stoppedMessage(error, counts, total, false), { cause: error });
  }
  return { outcome, counts, total, conflicts, moreConflicts };
}

const noCounts = (): RestoreCounts => ({ councils: 0, committees: 0, meetings: 0, items: 0, clauses: 0 });
const merged = (counts: RestoreCounts) => Object.values(counts).reduce((a, b) => a + b, 0);
const n = (x: number) => x.toLocaleString('en-GB');

/** What a restore that stopped in pass 2 kept, and how to complete it. */
function stoppedMessage(error: unknown, counts: RestoreCounts, total: number, indexed: boolean): string {
  // The reader's own messages end with "Nothing was restored.", true only of a file found bad while checking it.
  const words = (error instanceof Error ? error.message : String(error)).replace(/ Nothing was restored\.$/, '').replace(/\.$/, '');
  const reason = isDiskFull(error) ? 'the disk is full' : words;
  const done = merged(counts);
  const which = (Object.keys(counts) as TableName[]).map((t) => `${n(counts[t])} ${t}`).join(', ');
  return (
    `The restore stopped (${reason}) after merging ${n(done)} of the backup’s ${n(total)} records (${which}). ` +
    `Those are kept and nothing in the library was lost: a restore only adds and merges. ` +
    `${indexed ? '' : 'Some of them may not show in searches yet. '}Restore the same file again to complete it: nothing is added twice.`
  );
}

interface Mergers {
  item: Merge<SavedItem>;
  clause: Merge<SavedClause>;
}

/** One batch of the backup merged into the library in one transaction; the meetings it touched are noted for indexing. */
async function mergeBatch(db: LibraryDb, batch: CheckedRecord[], merge: Mergers, touched: Map<MeetingKey, MeetingRef>): Promise<void> {
  const rows: { [K in TableName]: BackupTables[K] } = { councils: [], committees: [], meetings: [], items: [], clauses: [] };
  for (const [table, record] of batch) (rows[table] as unknown[]).push(record);
  const items = unique(rows.items, itemPk, merge.item);
  const clauses = unique(rows.clauses.map(withClauseDerived), clausePk, merge.clause);
  const councils = unique(rows.councils, (c) => [c.host], mergeCouncil);
  const committees = unique(rows.committees, (c) => [c.host, c.committeeId], mergeCommittee);
  const meetings = unique(rows.meetings, meetingPk, mergeMeeting);
  // No try/catch in here: any rejection aborts the transaction and rolls the batch back.
  await db.transaction('rw', [db.councils, db.committees, db.meetings, db.items, db.clauses], async () => {
    await upsert(db.councils, councils, (c) => c.host, mergeCouncil);
    await upsert(db.committees, committees, (c): [string, string] => [c.host, c.committeeId], mergeCommittee);
    await upsert(db.meetings, meetings, meetingPk, mergeMeeting);
    await upsert(db.items, items, itemPk, merge.item);
    await upsert(db.clauses, clauses, clausePk, merge.clause);
  });
  for (const r of [...meetings, ...items, ...clauses]) touched.set(meetingKey(r), { host: r.host, meetingId: r.meetingId });
}

/** Meetings whose postings are rebuilt in one transaction. */
const INDEX_MEETINGS = 50;

/**
 * Rebuilds the postings of every meeting the restore touched, from what is stored once its
 * records are all in, then logs one change of everything (a reader reads the library again).
 */
async function indexTouched(db: LibraryDb, touched: Map<MeetingKey, MeetingRef>): Promise<void> {
  const refs = [...touched.values()];
  for (let at = 0; at < refs.length; at += INDEX_MEETINGS) {
    await db.transaction('rw', [db.meetings, db.items, db.clauses, ...indexTables(db)], async () => {
      for (const ref of refs.slice(at, at + INDEX_MEETINGS)) await indexMeeting(db, ref);
    });
  }
  // Too many to list: a reader of the changes reads everything again.
  await db.transaction('rw', db.changes, () => logChange(db, { all: true }));
}

const withClauseDerived = (clause: SavedClause): SavedClause => ({ ...clause, ...clauseDerived(clause) });

type Merge<T> = (existing: T, incoming: T) => T;
/** Where a merge notes each conflict it resolves. */
type Conflicts = { push(line: string): unknown };

/** Collapses records of the backup that share a primary key (a hand-edited file), later ones merged in. */
function unique<T>(records: T[], keyOf: (record: T) => unknown[], merge: Merge<T>): T[] {
  const byKey = new Map<string, T>();
  for (const record of records) {
    const key = JSON.stringify(keyOf(record));
    const seen = byKey.get(key);
    byKey.set(key, seen ? merge(seen, record) : record);
  }
  return [...byKey.values()];
}

async function upsert<T extends TInsert, K, TInsert>(table: Table<T, K, TInsert>, records: T[], keyOf: (record: T) => K, merge: Merge<T>): Promise<void> {
  if (records.length === 0) return;
  const existing = await table.bulkGet(records.map(keyOf));
  await table.bulkPut(records.map((record, i) => (existing[i] ? merge(existing[i], record) : record)));
}

/** Whether ISO time `a` is after `b`; text order when either does not parse. */
function isLater(a: string, b: string): boolean {
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  return Number.isNaN(ta) || Number.isNaN(tb) ? a > b : ta > tb;
}

function either(a: 0 | 1, b: 0 | 1): 0 | 1 {
  return a === 1 || b === 1 ? 1 : 0;
}

function mergeCouncil(existing: SavedCouncil, incoming: SavedCouncil): SavedCouncil {
  return { ...existing, name: existing.name ?? incoming.name };
}

function mergeCommittee(existing: SavedCommittee, incoming: SavedCommittee): SavedCommittee {
  return { ...existing, name: existing.name ?? incoming.name };
}

function mergeMeeting(existing: SavedMeeting, incoming: SavedMeeting): SavedMeeting {
  const newer = isLater(incoming.retrievedAt, existing.retrievedAt) ? incoming : existing;
  return { ...newer, whole: either(existing.whole, incoming.whole) };
}

const itemNameOf = (i: SavedItem | SavedClause) => {
  const number = 'number' in i ? i.number : i.itemNumber;
  const title = 'title' in i ? i.title : i.itemTitle;
  return `${i.councilName ?? i.host}, ${i.committeeName || 'committee'} ${i.date || '(no date)'}, ${number ? `item ${number}` : `“${title}”`}`;
};
const textOf = (r: SavedItem | SavedClause) => ('minutes' in r ? `${r.title}\n${r.minutes}\n${r.decision}` : `${r.label}\n${r.text}`);

/**
 * Merges an annotated record of the library (`existing`) with the backup's (`incoming`),
 * noting each conflict: two different notes (both kept, the backup's appended) and different
 * texts (the copy saved later kept).
 */
function mergeAnnotated<T extends SavedItem | SavedClause>(existing: T, incoming: T, name: string, conflicts: Conflicts): T {
  const backupNewer = isLater(incoming.savedAt, existing.savedAt);
  const newer = backupNewer ? incoming : existing;
  const a = existing.note.trim();
  const b = incoming.note.trim();
  let note = a !== '' ? existing.note : incoming.note;
  if (a !== '' && b !== '' && a !== b && !a.includes(b)) {
    note = `${existing.note}\n\nFrom the backup: ${incoming.note}`;
    conflicts.push(`${name}: two different notes; the library’s note is kept and the backup’s is added after it.`);
  }
  if (textOf(existing) !== textOf(incoming)) {
    conflicts.push(`${name}: the text differs; the copy saved later (${backupNewer ? 'the backup’s' : 'the library’s'}, ${newer.savedAt.slice(0, 10)}) is kept.`);
  }
  return { ...newer, tags: [...new Set([...existing.tags, ...incoming.tags])], note };
}

function itemMerger(conflicts: Conflicts): Merge<SavedItem> {
  return (existing, incoming) => ({ ...mergeAnnotated(existing, incoming, itemNameOf(existing), conflicts), picked: either(existing.picked, incoming.picked) });
}

function clauseMerger(conflicts: Conflicts): Merge<SavedClause> {
  return (existing, incoming) => mergeAnnotated(existing, incoming, `${itemNameOf(existing)}, clause ${existing.label ?? existing.clauseIndex + 1}`, conflicts);
}
