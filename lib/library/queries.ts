import type { LibraryDb } from './db';
import { clauseKey } from './keys';
import type { SavedMeeting } from './schema';

export interface Annotation {
  tags: string[];
  note: string;
}

/** What of one meeting page is in the library, for the panel's "saved" marks. */
export interface SavedState {
  meeting: SavedMeeting | null;
  /** Items the researcher saved (not those kept only as a clause's context), by item key. */
  items: Map<string, Annotation>;
  /** Every saved clause, by `clauseKey(itemKey, index)`. */
  clauses: Map<string, Annotation>;
}

export async function savedState(db: LibraryDb, host: string, meetingId: string): Promise<SavedState> {
  const [meeting, items, clauses] = await Promise.all([
    db.meetings.get([host, meetingId]),
    db.items.where('[host+meetingId]').equals([host, meetingId]).toArray(),
    db.clauses.where('[host+meetingId]').equals([host, meetingId]).toArray(),
  ]);
  return {
    meeting: meeting ?? null,
    items: new Map(items.filter((i) => i.picked === 1).map((i) => [i.itemKey, { tags: i.tags, note: i.note }])),
    clauses: new Map(clauses.map((c) => [clauseKey(c.itemKey, c.clauseIndex), { tags: c.tags, note: c.note }])),
  };
}

/** The choices the library page's filters offer. */
export async function facets(db: LibraryDb): Promise<{ councils: { host: string; name: string | null }[]; committees: string[]; tags: string[] }> {
  const [councils, committees, itemTags, clauseTags] = await Promise.all([
    db.councils.toArray(),
    db.meetings.orderBy('[host+committeeId]').toArray().then((ms) => [...new Set(ms.map((m) => m.committeeName).filter(Boolean))].sort()),
    db.items.orderBy('tags').uniqueKeys(),
    db.clauses.orderBy('tags').uniqueKeys(),
  ]);
  const tags = [...new Set([...itemTags, ...clauseTags].map(String))].sort();
  return { councils: councils.sort((a, b) => (a.name ?? a.host).localeCompare(b.name ?? b.host)), committees, tags };
}

/** Deletes an item and its clauses; a meeting left with nothing saved goes too. */
export async function deleteItem(db: LibraryDb, host: string, meetingId: string, itemKey: string): Promise<void> {
  await db.transaction('rw', [db.meetings, db.items, db.clauses], async () => {
    await db.clauses.where('[host+meetingId+itemKey]').equals([host, meetingId, itemKey]).delete();
    await db.items.delete([host, meetingId, itemKey]);
    await dropEmptyMeeting(db, host, meetingId);
  });
}

/** Deletes one clause; its item stays only if the researcher saved it or another clause of it. */
export async function deleteClause(db: LibraryDb, host: string, meetingId: string, itemKey: string, clauseIndex: number): Promise<void> {
  await db.transaction('rw', [db.meetings, db.items, db.clauses], async () => {
    await db.clauses.delete([host, meetingId, itemKey, clauseIndex]);
    const item = await db.items.get([host, meetingId, itemKey]);
    const left = await db.clauses.where('[host+meetingId+itemKey]').equals([host, meetingId, itemKey]).count();
    if (item && item.picked === 0 && left === 0) await db.items.delete([host, meetingId, itemKey]);
    await dropEmptyMeeting(db, host, meetingId);
  });
}

async function dropEmptyMeeting(db: LibraryDb, host: string, meetingId: string): Promise<void> {
  const items = await db.items.where('[host+meetingId]').equals([host, meetingId]).count();
  if (items === 0) await db.meetings.delete([host, meetingId]);
  else await db.meetings.update([host, meetingId], { whole: 0 });
}

export function parseTags(text: string): string[] {
  return [...new Set(text.split(/[,;]/).map((t) => t.trim().toLowerCase()).filter(Boolean))];
}

export async function annotateItem(db: LibraryDb, key: [string, string, string], tags: string[], note: string): Promise<void> {
  await db.items.update(key, { tags, note });
}

export async function annotateClause(db: LibraryDb, key: [string, string, string, number], tags: string[], note: string): Promise<void> {
  await db.clauses.update(key, { tags, note });
}
