import type { Table } from 'dexie';
import { CHUNK_ROWS, writeChunks, type ChunkSink, type StreamOptions, type StreamOutcome } from '../export/streamCsv';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup, BackupSchema, type TableName, describeIssue, describeValue } from './backupSchema';
import { logChange } from './changes';
import type { LibraryDb } from './db';
import { backupBatches, backupWriter } from './backupStream';
import { clauseDerived } from './derived';
import { clausePk, itemPk, meetingKey, meetingPk } from './identity';
import { indexMeeting, indexTables } from './indexMeeting';
import type { SavedClause, SavedCommittee, SavedCouncil, SavedItem, SavedMeeting } from './schema';

export type RestoreCounts = Record<TableName, number>;

/** How many records of each table the backup held, and each conflict the merge resolved, in words. */
export interface RestoreReport {
  counts: RestoreCounts;
  conflicts: string[];
}

const NOT_A_BACKUP = 'This file is not a Council Minutes backup';
const DAMAGED = 'The backup is damaged';

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

/**
 * Parses and checks a whole backup file without touching the library. Throws an Error whose
 * message says, in the researcher's words, why the file cannot be restored.
 */
export function readBackup(text: string): Backup {
  if (text.trim() === '') throw new Error(`${NOT_A_BACKUP}: it is empty.`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    // A file that starts as a backup but does not parse was cut short (or edited by hand).
    if (/^\s*\{\s*"format"\s*:\s*"council-minutes-backup"/.test(text)) {
      throw new Error(`${DAMAGED}: the file is incomplete or its JSON is broken (it may have been cut short while copying). Nothing was restored.`);
    }
    throw new Error(`${NOT_A_BACKUP}: it is not JSON.`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new Error(`${NOT_A_BACKUP} (it holds ${describeValue(data)}, not a backup).`);
  }
  const envelope = data as Record<string, unknown>;
  if (envelope.format === undefined) throw new Error(`${NOT_A_BACKUP} (format is missing).`);
  if (envelope.format !== BACKUP_FORMAT) throw new Error(`${NOT_A_BACKUP} (its format is ${describeValue(envelope.format)}, not "${BACKUP_FORMAT}").`);
  if (typeof envelope.version === 'number' && envelope.version > BACKUP_VERSION) {
    throw new Error(
      `This backup was made by a newer Council Minutes (backup version ${envelope.version}; this one reads version ${BACKUP_VERSION}). Update the extension to restore it.`,
    );
  }
  const parsed = BackupSchema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues;
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
    const first = issues[0] ? describeIssue(issues[0], data) : 'it does not match the backup layout';
    throw new Error(`${DAMAGED}: ${first}${more}. Nothing was restored.`);
  }
  return parsed.data;
}

/**
 * Restores a backup into the library, merging with what is there: records are matched by
 * primary key (restoring twice adds nothing), tags are united, two different notes are both
 * kept (the backup's appended to the library's), `whole`/`picked` stay set if either side has
 * them, and the other fields come from the side retrieved (meetings) or saved (items, clauses)
 * later. What the library derives (a clause's outcome and votes, the postings) is computed
 * again, not taken from the file (search words, which backups made before database version 9
 * hold, are dropped by the schema). The file is checked in full first; the merge is one
 * transaction, so a failure (a full disk) leaves the library as it was. Every conflict resolved
 * is reported.
 */
export async function restoreLibrary(db: LibraryDb, text: string): Promise<RestoreReport> {
  const { tables } = readBackup(text);
  const conflicts: string[] = [];
  const mergeItem = itemMerger(conflicts);
  const mergeClause = clauseMerger(conflicts);
  const items = unique(tables.items, itemPk, mergeItem);
  const clauses = unique(tables.clauses.map(withClauseDerived), clausePk, mergeClause);
  const councils = unique(tables.councils, (c) => [c.host], mergeCouncil);
  const committees = unique(tables.committees, (c) => [c.host, c.committeeId], mergeCommittee);
  const meetings = unique(tables.meetings, meetingPk, mergeMeeting);
  // No try/catch in here: any rejection aborts the transaction and rolls every table back.
  await db.transaction('rw', [db.councils, db.committees, db.meetings, db.items, db.clauses, db.changes, ...indexTables(db)], async () => {
    await upsert(db.councils, councils, (c) => c.host, mergeCouncil);
    await upsert(db.committees, committees, (c): [string, string] => [c.host, c.committeeId], mergeCommittee);
    await upsert(db.meetings, meetings, meetingPk, mergeMeeting);
    await upsert(db.items, items, itemPk, mergeItem);
    await upsert(db.clauses, clauses, clausePk, mergeClause);
    const touched = new Map([...meetings, ...items, ...clauses].map((r) => [meetingKey(r), { host: r.host, meetingId: r.meetingId }]));
    for (const ref of touched.values()) await indexMeeting(db, ref);
    // Too many to list: a reader of the changes reads everything again.
    await logChange(db, { all: true });
  });
  return {
    counts: { councils: councils.length, committees: committees.length, meetings: meetings.length, items: items.length, clauses: clauses.length },
    conflicts,
  };
}

const withClauseDerived = (clause: SavedClause): SavedClause => ({ ...clause, ...clauseDerived(clause) });

type Merge<T> = (existing: T, incoming: T) => T;

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
function mergeAnnotated<T extends SavedItem | SavedClause>(existing: T, incoming: T, name: string, conflicts: string[]): T {
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

function itemMerger(conflicts: string[]): Merge<SavedItem> {
  return (existing, incoming) => ({ ...mergeAnnotated(existing, incoming, itemNameOf(existing), conflicts), picked: either(existing.picked, incoming.picked) });
}

function clauseMerger(conflicts: string[]): Merge<SavedClause> {
  return (existing, incoming) => mergeAnnotated(existing, incoming, `${itemNameOf(existing)}, clause ${existing.label ?? existing.clauseIndex + 1}`, conflicts);
}
