import type { Table } from 'dexie';
import type { LibraryDb } from '../library/db';
import { clauseKey, clausePk, itemKey, itemPk, meetingKey, meetingPk, type ClauseRef, type ItemRef, type MeetingRef } from '../library/identity';
import { keysetBatches } from '../library/keysetBatches';
import { clausesOfMeeting, hostKeys, itemsOfMeeting } from '../library/meetingRows';
import type { SavedClause, SavedCommittee, SavedCouncil, SavedItem, SavedMeeting } from '../library/schema';
import type { PublishRow } from './schema';

/** What the researcher publishes: the whole library, one council, one meeting, or the rows ticked in the library. */
export type PublishScope =
  | { kind: 'library' }
  | { kind: 'council'; host: string }
  | { kind: 'meeting'; meeting: MeetingRef }
  | { kind: 'selection'; items: ItemRef[]; clauses: ClauseRef[] };

/** A note (or tags) in what is published, for the researcher to share or keep private. */
export interface NoteInScope {
  /** The item's or clause's text key: the annotation's target. */
  target: string;
  targetKind: 'item' | 'clause';
  what: string;
  note: string;
  tags: string[];
}

/**
 * Records read at a time from the whole library or a council (a million clauses' library is over
 * a gigabyte of objects): what publishing and listing the notes hold is a batch, plus the notes.
 */
export const READ_BATCH = 2000;

/** Rows to put in the outbox together, and how many of the scope's records they are (annotations are not records). */
export interface PublishBatch {
  rows: PublishRow[];
  records: number;
}

/** A scope's records, read in batches, in publishing order: parents (councils, committees, meetings), items, clauses. */
interface ScopeRecords {
  /** Councils, committees, meetings, items and clauses. */
  count(): Promise<number>;
  parents(): AsyncIterable<PublishRow[]>;
  items(): AsyncIterable<SavedItem[]>;
  clauses(): AsyncIterable<SavedClause[]>;
}

const present = <T>(rows: (T | undefined)[]): T[] => rows.filter((r): r is T => r !== undefined);
const sum = (ns: number[]) => ns.reduce((a, b) => a + b, 0);

const parentRows = (councils: SavedCouncil[], committees: SavedCommittee[], meetings: SavedMeeting[]): PublishRow[] => [
  ...councils.map((record) => ({ kind: 'council' as const, record })),
  ...committees.map((record) => ({ kind: 'committee' as const, record })),
  ...meetings.map((record) => ({ kind: 'meeting' as const, record })),
];

async function* once<T>(read: () => Promise<T[]>): AsyncGenerator<T[]> {
  yield await read();
}

/**
 * The whole library or a council: every council, committee and meeting of it (small tables, and
 * meetings in batches), then its items and clauses in keyset batches of their primary keys.
 */
function bigScope(db: LibraryDb, host: string | null): ScopeRecords {
  const range = host === null ? undefined : hostKeys(host);
  const councils = () => (host === null ? db.councils.toCollection() : db.councils.where(':id').equals(host));
  const committees = () => (host === null ? db.committees.toCollection() : db.committees.where('host').equals(host));
  const count = <T, K>(table: Table<T, K>) => (range ? table.where(':id').between(range[0], range[1], true, false) : table.toCollection()).count();
  return {
    count: async () => sum(await Promise.all([councils().count(), committees().count(), count(db.meetings), count(db.items), count(db.clauses)])),
    async *parents() {
      yield parentRows(await councils().toArray(), await committees().toArray(), []);
      for await (const meetings of keysetBatches(db.meetings, READ_BATCH, range)) yield parentRows([], [], meetings);
    },
    items: () => keysetBatches(db.items, READ_BATCH, range),
    clauses: () => keysetBatches(db.clauses, READ_BATCH, range),
  };
}

/** A meeting or the ticked rows: few records, read at once, with the meetings, committees and councils they belong to (a ticked clause brings its item). */
function smallScope(db: LibraryDb, scope: Extract<PublishScope, { kind: 'meeting' | 'selection' }>): ScopeRecords {
  let read: Promise<{ parents: PublishRow[]; items: SavedItem[]; clauses: SavedClause[] }> | undefined;
  async function records() {
    let items: SavedItem[];
    let clauses: SavedClause[];
    if (scope.kind === 'meeting') [items, clauses] = await Promise.all([itemsOfMeeting(db, scope.meeting).toArray(), clausesOfMeeting(db, scope.meeting).toArray()]);
    else {
      clauses = present(await db.clauses.bulkGet(scope.clauses.map(clausePk)));
      const itemRefs = new Map([...scope.items, ...clauses].map((r) => [itemKey(r), itemPk(r)]));
      items = present(await db.items.bulkGet([...itemRefs.values()]));
    }
    const meetingRefs = new Map(items.map((i) => [meetingKey(i), meetingPk(i)]));
    const meetings = present(await db.meetings.bulkGet([...meetingRefs.values()]));
    const committeeRefs = new Map(meetings.map((m) => [JSON.stringify([m.host, m.committeeId]), [m.host, m.committeeId] as [string, string]]));
    const [councils, committees] = await Promise.all([
      db.councils.bulkGet([...new Set(meetings.map((m) => m.host))]).then(present),
      db.committees.bulkGet([...committeeRefs.values()]).then(present),
    ]);
    return { parents: parentRows(councils, committees, meetings), items, clauses };
  }
  const all = () => (read ??= records());
  return {
    count: async () => {
      const { parents, items, clauses } = await all();
      return parents.length + items.length + clauses.length;
    },
    parents: () => once(async () => (await all()).parents),
    items: () => once(async () => (await all()).items),
    clauses: () => once(async () => (await all()).clauses),
  };
}

const recordsOf = (db: LibraryDb, scope: PublishScope): ScopeRecords =>
  scope.kind === 'library' ? bigScope(db, null) : scope.kind === 'council' ? bigScope(db, scope.host) : smallScope(db, scope);

const annotated = (r: { note: string; tags: string[] }) => r.note.trim() !== '' || r.tags.length > 0;

const itemNotes = (items: SavedItem[]): NoteInScope[] =>
  items.filter(annotated).map((i) => ({ target: itemKey(i), targetKind: 'item' as const, what: `Item ${i.number ?? i.title}, ${i.committeeName} ${i.date}`, note: i.note, tags: i.tags }));

const clauseNotes = (clauses: SavedClause[]): NoteInScope[] =>
  clauses
    .filter(annotated)
    .map((c) => ({ target: clauseKey(c), targetKind: 'clause' as const, what: `Clause ${c.label ?? c.clauseIndex + 1} of item ${c.itemNumber ?? c.itemTitle}, ${c.committeeName} ${c.date}`, note: c.note, tags: c.tags }));

/**
 * The notes and tags in a scope, to choose which to share: its items' then its clauses', in key
 * order, read a batch at a time and kept only when annotated. A note without tags has no index,
 * so the whole library or a council is read through once, never held whole.
 */
export async function notesInScope(db: LibraryDb, scope: PublishScope): Promise<NoteInScope[]> {
  const records = recordsOf(db, scope);
  const notes: NoteInScope[] = [];
  for await (const items of records.items()) notes.push(...itemNotes(items));
  for await (const clauses of records.clauses()) notes.push(...clauseNotes(clauses));
  return notes;
}

/**
 * The rows to publish for a scope, a batch at a time, parents first: records without the
 * researcher's own words (`tags`, `note`), then one annotation per annotated item or clause,
 * shared only when `shared(target)` says so (kept aside while the records are read: the notes are few).
 */
export function publishBatches(db: LibraryDb, scope: PublishScope, shared: (target: string) => boolean): { count(): Promise<number>; batches: AsyncGenerator<PublishBatch> } {
  const records = recordsOf(db, scope);
  async function* batches(): AsyncGenerator<PublishBatch> {
    for await (const rows of records.parents()) yield { rows, records: rows.length };
    const notes: NoteInScope[] = [];
    for await (const items of records.items()) {
      notes.push(...itemNotes(items));
      yield { rows: items.map(({ tags: _t, note: _n, ...record }) => ({ kind: 'item' as const, record })), records: items.length };
    }
    for await (const clauses of records.clauses()) {
      notes.push(...clauseNotes(clauses));
      yield { rows: clauses.map(({ tags: _t, note: _n, ...record }) => ({ kind: 'clause' as const, record })), records: clauses.length };
    }
    for (let i = 0; i < notes.length; i += READ_BATCH) {
      const rows = notes.slice(i, i + READ_BATCH).map((n) => ({ kind: 'annotation' as const, target: n.target, targetKind: n.targetKind, note: n.note, tags: n.tags, shared: shared(n.target) }));
      yield { rows, records: 0 };
    }
  }
  return { count: () => records.count(), batches: batches() };
}
