import type { MeetingRecord } from '../moderngov/schema';
import { logChange } from './changes';
import { matchClauses } from './clauseMatch';
import type { LibraryDb } from './db';
import { clauseKey, clausePk, clauseTextKey, deletionKey, itemKey, itemKeyOf, itemPk, meetingIdOf, meetingPk, type ClauseKey, type ClauseRef, type ItemKey, type ItemRef, type MeetingRef } from './identity';
import { clausesOfItem, clausesOfMeeting, itemsOfMeeting } from './meetingRows';
import { indexMeeting, indexTables } from './indexMeeting';
import type { SavedClause, SavedMeeting } from './schema';

export interface Annotation {
  tags: string[];
  note: string;
}

/** A saved clause as the panel shows it beside the page's clause it matches. */
export interface ClauseMark extends Annotation {
  /** The saved clause: annotations are written to it. */
  ref: ClauseRef;
  label: string | null;
  text: string;
}

/** What of one meeting page is in the library, for the panel's "saved" marks. */
export interface SavedState {
  meeting: SavedMeeting | null;
  /** Items the researcher saved (not those kept only as a clause's context). */
  items: Map<ItemKey, Annotation>;
  /** Saved clauses, keyed by the page's clause they match (its place on the page), by label and text. */
  clauses: Map<ClauseKey, ClauseMark>;
}

export async function savedState(db: LibraryDb, record: MeetingRecord): Promise<SavedState> {
  const host = record.council.host;
  const meetingId = meetingIdOf(record);
  const key = meetingPk({ host, meetingId });
  const [meeting, items, clauses] = await Promise.all([
    db.meetings.get(key),
    itemsOfMeeting(db, { host, meetingId }).toArray(),
    clausesOfMeeting(db, { host, meetingId }).toArray(),
  ]);
  const byItem = new Map<string, SavedClause[]>();
  for (const c of clauses) {
    const list = byItem.get(c.itemKey);
    if (list) list.push(c);
    else byItem.set(c.itemKey, [c]);
  }
  const marks = new Map<ClauseKey, ClauseMark>();
  record.items.forEach((item, index) => {
    const key = itemKeyOf(item, index);
    const { byPage } = matchClauses(byItem.get(key) ?? [], item.clauses);
    for (const [pageIndex, c] of byPage) {
      marks.set(clauseKey({ host, meetingId, itemKey: key, clauseIndex: pageIndex }), { tags: c.tags, note: c.note, ref: { host, meetingId, itemKey: key, clauseIndex: c.clauseIndex }, label: c.label, text: c.text });
    }
  });
  return {
    meeting: meeting ?? null,
    items: new Map(items.filter((i) => i.picked === 1).map((i) => [itemKey(i), { tags: i.tags, note: i.note }])),
    clauses: marks,
  };
}

/** The choices the library page's filters offer. */
export async function facets(db: LibraryDb): Promise<{ councils: { host: string; name: string | null }[]; committees: string[]; tags: string[] }> {
  const [councils, committees, itemTags, clauseTags] = await Promise.all([
    db.councils.toArray(),
    db.meetings.orderBy('committeeName').uniqueKeys().then((names) => names.map(String).filter(Boolean).sort()),
    db.items.orderBy('tags').uniqueKeys(),
    db.clauses.orderBy('tags').uniqueKeys(),
  ]);
  const tags = [...new Set([...itemTags, ...clauseTags].map(String))].sort();
  return { councils: councils.sort((a, b) => (a.name ?? a.host).localeCompare(b.name ?? b.host)), committees, tags };
}

/** Deletes an item and its clauses, remembered so a batch collection does not bring it back; a meeting left with nothing saved goes too. */
export async function deleteItem(db: LibraryDb, ref: ItemRef, now = new Date()): Promise<void> {
  await db.transaction('rw', [db.meetings, db.items, db.clauses, db.deletions, db.changes, ...indexTables(db)], async () => {
    await clausesOfItem(db, ref).delete();
    await db.items.delete(itemPk(ref));
    await db.deletions.put({ key: deletionKey(ref, null), ...ref, clause: null, deletedAt: now.toISOString() });
    await logChange(db, { goneItems: [ref] });
    await dropEmptyMeeting(db, ref);
  });
}

/** Deletes one clause (remembered by its label and text); its item stays only if the researcher saved it or another clause of it. */
export async function deleteClause(db: LibraryDb, ref: ClauseRef, now = new Date()): Promise<void> {
  await db.transaction('rw', [db.meetings, db.items, db.clauses, db.deletions, db.changes, ...indexTables(db)], async () => {
    const clause = await db.clauses.get(clausePk(ref));
    await db.clauses.delete(clausePk(ref));
    const { host, meetingId, itemKey: key } = ref;
    if (clause) await db.deletions.put({ key: deletionKey(ref, clause), host, meetingId, itemKey: key, clause: { label: clause.label, text: clause.text }, deletedAt: now.toISOString() });
    const item = await db.items.get(itemPk(ref));
    const left = await clausesOfItem(db, ref).count();
    const dropped = item !== undefined && item.picked === 0 && left === 0;
    if (dropped) await db.items.delete(itemPk(ref));
    // The item kept is read again without the clause (its words leave the Compare view's groups).
    if (clause) await logChange(db, dropped ? { goneItems: [ref], goneClauses: [ref] } : { items: item ? [ref] : [], goneClauses: [ref] });
    await dropEmptyMeeting(db, ref);
  });
}

async function dropEmptyMeeting(db: LibraryDb, ref: MeetingRef): Promise<void> {
  const items = await itemsOfMeeting(db, ref).count();
  if (items === 0) await db.meetings.delete(meetingPk(ref));
  else await db.meetings.update(meetingPk(ref), { whole: 0 });
  await indexMeeting(db, ref);
}

export function parseTags(text: string): string[] {
  return [...new Set(text.split(/[,;]/).map((t) => t.trim().toLowerCase()).filter(Boolean))];
}

/** An edit to something no longer in the library: said plainly, nothing written. */
export class NotInLibraryError extends Error {
  constructor(what: string) {
    super(`${what} is no longer in the library (deleted, perhaps in another tab), so the tags and note were not saved. Save it again to annotate it; your text is still in the form.`);
    this.name = 'NotInLibraryError';
  }
}

export async function annotateItem(db: LibraryDb, ref: ItemRef, annotation: Annotation, name = 'This item'): Promise<void> {
  await db.transaction('rw', db.items, db.changes, async () => {
    const updated = await db.items.update(itemPk(ref), { tags: annotation.tags, note: annotation.note });
    if (updated === 0) throw new NotInLibraryError(name);
    await logChange(db, { items: [ref] });
  });
}

/**
 * Annotates the saved clause with this label and text: at `ref` if it is still there, else
 * wherever an update in another tab has moved it in its item.
 */
export async function annotateClause(db: LibraryDb, ref: ClauseRef, clause: { label: string | null; text: string }, annotation: Annotation, name = 'This clause'): Promise<void> {
  await db.transaction('rw', db.clauses, db.changes, async () => {
    const same = (c: { label: string | null; text: string }) => c.label === clause.label && clauseTextKey(c.text) === clauseTextKey(clause.text);
    const atRef = await db.clauses.get(clausePk(ref));
    const target = atRef && same(atRef) ? atRef : (await clausesOfItem(db, ref).toArray()).find(same);
    if (!target) throw new NotInLibraryError(name);
    await db.clauses.update(clausePk(target), { tags: annotation.tags, note: annotation.note });
    await logChange(db, { items: [target] });
  });
}
