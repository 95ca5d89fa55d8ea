import type { LibraryDb } from '../library/db';
import { clauseKey, clausePk, itemKey, itemPk, meetingKey, meetingPk, type ClauseRef, type ItemRef, type MeetingRef } from '../library/identity';
import { clausesOfHost, clausesOfMeeting, itemsOfHost, itemsOfMeeting } from '../library/meetingRows';
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

interface Records {
  councils: SavedCouncil[];
  committees: SavedCommittee[];
  meetings: SavedMeeting[];
  items: SavedItem[];
  clauses: SavedClause[];
}

const present = <T>(rows: (T | undefined)[]): T[] => rows.filter((r): r is T => r !== undefined);

/** The saved records a scope covers, with the meetings, committees and councils they belong to (a clause with its item). */
async function recordsOf(db: LibraryDb, scope: PublishScope): Promise<Records> {
  let items: SavedItem[];
  let clauses: SavedClause[];
  if (scope.kind === 'library') [items, clauses] = await Promise.all([db.items.toArray(), db.clauses.toArray()]);
  else if (scope.kind === 'council') [items, clauses] = await Promise.all([itemsOfHost(db, scope.host).toArray(), clausesOfHost(db, scope.host).toArray()]);
  else if (scope.kind === 'meeting') {
    [items, clauses] = await Promise.all([itemsOfMeeting(db, scope.meeting).toArray(), clausesOfMeeting(db, scope.meeting).toArray()]);
  } else {
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
  return { councils, committees, meetings, items, clauses };
}

const annotated = (r: { note: string; tags: string[] }) => r.note.trim() !== '' || r.tags.length > 0;

function notesOf({ items, clauses }: Pick<Records, 'items' | 'clauses'>): NoteInScope[] {
  return [
    ...items.filter(annotated).map((i) => ({ target: itemKey(i), targetKind: 'item' as const, what: `Item ${i.number ?? i.title}, ${i.committeeName} ${i.date}`, note: i.note, tags: i.tags })),
    ...clauses
      .filter(annotated)
      .map((c) => ({ target: clauseKey(c), targetKind: 'clause' as const, what: `Clause ${c.label ?? c.clauseIndex + 1} of item ${c.itemNumber ?? c.itemTitle}, ${c.committeeName} ${c.date}`, note: c.note, tags: c.tags })),
  ];
}

/** The notes and tags in a scope, to choose which to share. */
export const notesInScope = async (db: LibraryDb, scope: PublishScope): Promise<NoteInScope[]> => notesOf(await recordsOf(db, scope));

/**
 * The rows to publish for a scope, parents first: records without the researcher's own words
 * (`tags`, `note`), then one annotation per annotated item or clause, shared only when
 * `shared(target)` says so.
 */
export async function publishRows(db: LibraryDb, scope: PublishScope, shared: (target: string) => boolean): Promise<PublishRow[]> {
  const { councils, committees, meetings, items, clauses } = await recordsOf(db, scope);
  const notes = notesOf({ items, clauses });
  return [
    ...councils.map((record) => ({ kind: 'council' as const, record })),
    ...committees.map((record) => ({ kind: 'committee' as const, record })),
    ...meetings.map((record) => ({ kind: 'meeting' as const, record })),
    ...items.map(({ tags: _t, note: _n, ...record }) => ({ kind: 'item' as const, record })),
    ...clauses.map(({ tags: _t, note: _n, ...record }) => ({ kind: 'clause' as const, record })),
    ...notes.map((n) => ({ kind: 'annotation' as const, target: n.target, targetKind: n.targetKind, note: n.note, tags: n.tags, shared: shared(n.target) })),
  ];
}
