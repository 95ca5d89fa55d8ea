import type { Collection } from 'dexie';
import type { LibraryDb } from './db';
import { clauseKey, clausePk, itemKey, itemPk, type ClauseKey, type ClausePk, type ClauseRef, type ItemKey, type ItemPk, type ItemRef, type MeetingRef } from './identity';
import { clausesOfItem, clausesOfMeeting, itemsOfMeeting } from './meetingRows';
import { ChangeSchema, type Change, type SavedClause, type SavedItem } from './schema';

/**
 * Since database version 8: the record of changes, one row per write transaction of items or
 * clauses, written inside that transaction, so a reader (the Compare view) reads what changed
 * since its last read instead of the whole library. `items`: items written, or whose clauses
 * or annotations were (read again whole, with their clauses); `goneItems`, `goneClauses`: removed;
 * `all`: a bulk rewrite (a restore; an upgrade that rewrites records should log one too) after
 * which a reader reads everything again.
 */

/** Rows kept: a reader that fell further behind reads everything again (`changesSince`). */
export const CHANGES_KEPT = 1000;

/** Logs one write transaction's changes; call it inside that transaction (with `db.changes` in its tables). */
export async function logChange(
  db: LibraryDb,
  change: { items?: ItemRef[]; goneItems?: ItemRef[]; goneClauses?: ClauseRef[] | ClausePk[]; all?: true },
): Promise<void> {
  // Once each: a save lists every clause's item too.
  const items = [...new Map((change.items ?? []).map((ref) => [itemKey(ref), itemPk(ref)])).values()];
  const goneItems = (change.goneItems ?? []).map(itemPk);
  const goneClauses = (change.goneClauses ?? []).map((c) => (Array.isArray(c) ? c : clausePk(c)));
  if (!change.all && items.length + goneItems.length + goneClauses.length === 0) return;
  const seq = await db.changes.add({ items, goneItems, goneClauses, ...(change.all ? { all: 1 as const } : {}) });
  await db.changes.where('seq').belowOrEqual(seq - CHANGES_KEPT).delete();
}

/** The stamp of the last change logged (0 before any): what a reader watches, and where it starts. */
export async function lastChange(db: LibraryDb): Promise<number> {
  return ((await db.changes.toCollection().lastKey()) as number | undefined) ?? 0;
}

/** The whole library and the stamp it is current to, read in one transaction. */
export interface Everything {
  stamp: number;
  items: SavedItem[];
  clauses: SavedClause[];
}

/**
 * What changed since `stamp`: the items written (each with every clause it has now) and the keys
 * removed, or, after a bulk rewrite or when the rows since `stamp` were pruned, the whole library
 * with `all`. An item written and then deleted is gone; deleted and then written, it is written.
 */
export interface LibraryChanges extends Everything {
  goneItemKeys: ItemKey[];
  goneClauseKeys: ClauseKey[];
  all?: true;
}

export async function readEverything(db: LibraryDb): Promise<Everything> {
  return db.transaction('r', [db.items, db.clauses, db.changes], async () => {
    const [items, clauses, stamp] = await Promise.all([db.items.toArray(), db.clauses.toArray(), lastChange(db)]);
    return { stamp, items, clauses };
  });
}

export async function changesSince(db: LibraryDb, stamp: number): Promise<LibraryChanges> {
  return db.transaction('r', [db.items, db.clauses, db.changes], async () => {
    // From the row at `stamp` itself: if it was pruned, so may the rows after it have been.
    const read = (await db.changes.where('seq').aboveOrEqual(stamp).toArray()).map((row) => ChangeSchema.parse(row));
    const behind = stamp > 0 ? read[0]?.seq !== stamp : (read[0]?.seq ?? 1) > 1;
    const rows = read.filter((row) => row.seq > stamp);
    const last = rows.at(-1);
    if (!last) return { stamp, items: [], clauses: [], goneItemKeys: [], goneClauseKeys: [] };
    if (behind || rows.some((row) => row.all === 1)) {
      const [items, clauses] = await Promise.all([db.items.toArray(), db.clauses.toArray()]);
      return { stamp: last.seq, items, clauses, goneItemKeys: [], goneClauseKeys: [], all: true };
    }
    // Each item's last word: written or gone.
    const touched = new Map<ItemKey, ItemPk | null>();
    const goneClauses = new Map<ClauseKey, ClausePk>();
    for (const row of rows) {
      for (const [host, meetingId, key] of row.goneItems) touched.set(itemKey({ host, meetingId, itemKey: key }), null);
      for (const pk of row.items) touched.set(itemKey({ host: pk[0], meetingId: pk[1], itemKey: pk[2] }), pk);
      for (const pk of row.goneClauses) goneClauses.set(clauseKey({ host: pk[0], meetingId: pk[1], itemKey: pk[2], clauseIndex: pk[3] }), pk);
    }
    const pks = [...touched.values()].filter((pk): pk is ItemPk => pk !== null);
    const [items, clauses] = await Promise.all([ofItems(pks, (ref) => itemsOfMeeting(db, ref), (ref) => db.items.where(':id').equals(itemPk(ref))), ofItems(pks, (ref) => clausesOfMeeting(db, ref), (ref) => clausesOfItem(db, ref))]);
    const present = new Set(items.map(itemKey));
    return {
      stamp: last.seq,
      items,
      clauses,
      // Written and then deleted in a later row (or deleted in the row that wrote it): gone.
      goneItemKeys: [...touched.keys()].filter((key) => !present.has(key)),
      goneClauseKeys: [...goneClauses.keys()],
    };
  });
}

/** The records of these items (the items, or their clauses): one primary-key range a meeting (a saved meeting's items are read at once), or an item's own. */
async function ofItems<T extends SavedItem | SavedClause>(pks: ItemPk[], ofMeeting: (ref: MeetingRef) => Collection<T>, ofItem: (ref: ItemRef) => Collection<T>): Promise<T[]> {
  const byMeeting = new Map<string, ItemPk[]>();
  for (const pk of pks) {
    const key = JSON.stringify([pk[0], pk[1]]);
    const list = byMeeting.get(key);
    if (list) list.push(pk);
    else byMeeting.set(key, [pk]);
  }
  const lists = await Promise.all(
    [...byMeeting.values()].map(async (items) => {
      const [[host, meetingId, itemKey]] = items as [ItemPk];
      if (items.length === 1) return ofItem({ host, meetingId, itemKey }).toArray();
      const wanted = new Set(items.map((pk) => pk[2]));
      return (await ofMeeting({ host, meetingId }).toArray()).filter((record) => wanted.has(record.itemKey));
    }),
  );
  return lists.flat();
}
