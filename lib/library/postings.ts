import type { IndexableTypeArrayReadonly, Table } from 'dexie';
import { z } from 'zod';
import type { LibraryDb } from './db';
import { meetingPk, type MeetingRef } from './identity';
import { clausesOfMeeting, itemsOfMeeting } from './meetingRows';
import type { SavedClause, SavedItem } from './schema';

/**
 * Since database version 7: the library's full-text index, a posting per (word, meeting) rather
 * than index entries per clause. A posting lists the meeting's clauses and picked items having
 * the word, in page order; its key is [word, the meeting's order key], so one word's postings
 * read out in the library's order, a meeting at a time. Derived from the stored records (their
 * `words`), rewritten for the whole meeting by every write (indexMeeting), never exported.
 */
export const PostingSchema = z.object({
  /** Clauses: [itemKey, clauseIndex], in page order. */
  c: z.array(z.tuple([z.string(), z.number()])),
  /** Picked items: itemKey, in page order. */
  i: z.array(z.string()),
});
export type Posting = z.infer<typeof PostingSchema>;
export type PostingKey = [word: string, orderKey: string];

/**
 * One row per meeting that has saved rows: its order key (indexed) and how many clauses and
 * picked items it has (totals with no words read these small rows, never the rows themselves).
 */
export const MeetingIndexSchema = z.object({
  host: z.string(),
  meetingId: z.string(),
  orderKey: z.string(),
  clauses: z.number(),
  items: z.number(),
});
export type MeetingIndex = z.infer<typeof MeetingIndexSchema>;

/**
 * The words a meeting has postings under, to remove them when its postings are rewritten: a
 * table of its own, read only then, so totals and listings reading the index rows do not read
 * hundreds of words per meeting.
 */
export const MeetingWordsSchema = z.object({
  host: z.string(),
  meetingId: z.string(),
  words: z.array(z.string()),
});
export type MeetingWords = z.infer<typeof MeetingWordsSchema>;

/** Sorts below every character of a host, so a host that is another's prefix sorts first, as in a tuple. */
const SEP = '\u0001';
/** Undated meetings sort after every inverted date. */
const UNDATED = '~';

/** The date with each digit inverted (9 − d): its code-unit order is newest first. */
export const invertedDate = (date: string): string => (date === '' ? UNDATED : date.replace(/[0-9]/g, (d) => String(9 - Number(d))));

/** The library's order of meetings as one string: newest first, undated last, then host, then meeting id (code-unit order). */
export const meetingOrderKey = (date: string, ref: MeetingRef): string => `${invertedDate(date)}${SEP}${ref.host}${SEP}${ref.meetingId}`;

export function meetingOfOrderKey(key: string): MeetingRef {
  const [, host = '', ...rest] = key.split(SEP);
  return { host, meetingId: rest.join(SEP) };
}

/** Order keys of meetings dated from `from` to `to` (inclusive, either open); dated meetings only when either is given. */
export function orderKeyRange(from?: string, to?: string): [string, string] {
  if (!from && !to) return ['', '\uffff'];
  return [to ? invertedDate(to) : '', from ? `${invertedDate(from)}${SEP}\uffff` : UNDATED];
}

/** Clauses of a meeting in page order: item place, then item (items saved from their own pages share place 0), then clause. */
export const clausePosition = (c: Pick<SavedClause, 'itemOrder' | 'itemKey' | 'clauseIndex'>): [number, string, number] => [c.itemOrder, c.itemKey, c.clauseIndex];
export const itemPosition = (i: Pick<SavedItem, 'order' | 'itemKey'>): [number, string] => [i.order, i.itemKey];

/** Compares positions (or cursors) of equal shape, part by part. */
export function comparePositions(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  for (let k = 0; k < a.length; k++) {
    const x = a[k]!;
    const y = b[k]!;
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

/** A meeting's postings, index row and words row, from its stored items and clauses. */
export function meetingPostings(
  ref: MeetingRef,
  date: string,
  items: SavedItem[],
  clauses: SavedClause[],
): { entry: MeetingIndex; words: MeetingWords; postings: Map<string, Posting> } {
  const postings = new Map<string, Posting>();
  const posting = (word: string) => {
    let p = postings.get(word);
    if (!p) postings.set(word, (p = { c: [], i: [] }));
    return p;
  };
  for (const c of [...clauses].sort((a, b) => comparePositions(clausePosition(a), clausePosition(b)))) {
    for (const word of new Set(c.words)) posting(word).c.push([c.itemKey, c.clauseIndex]);
  }
  for (const i of [...items].sort((a, b) => comparePositions(itemPosition(a), itemPosition(b)))) {
    if (i.picked === 1) for (const word of new Set(i.words)) posting(word).i.push(i.itemKey);
  }
  const entry: MeetingIndex = {
    host: ref.host,
    meetingId: ref.meetingId,
    orderKey: meetingOrderKey(date, ref),
    clauses: clauses.length,
    items: items.filter((i) => i.picked === 1).length,
  };
  return { entry, words: { host: ref.host, meetingId: ref.meetingId, words: [...postings.keys()] }, postings };
}

/** Puts postings under their (outbound) keys; Dexie's typing of key arrays does not take tuples. */
export const putPostings = (table: Table, values: Posting[], keys: PostingKey[]): Promise<unknown> => table.bulkPut(values, keys as unknown as IndexableTypeArrayReadonly);

/** The tables a write that changes items or clauses must also have in its transaction. */
export const indexTables = (db: LibraryDb) => [db.postings, db.meetingIndex, db.meetingWords];

/**
 * Rewrites one meeting's postings and index row from what is stored now: call it in the
 * transaction of every write to the meeting's items or clauses, after the write. Postings of
 * words the meeting no longer has (or of its old date) are deleted; a meeting with no saved rows
 * leaves no trace in the index.
 */
export async function indexMeeting(db: LibraryDb, ref: MeetingRef): Promise<void> {
  const pk = meetingPk(ref);
  const [meeting, items, clauses, before, beforeWords] = await Promise.all([
    db.meetings.get(pk),
    itemsOfMeeting(db, ref).toArray(),
    clausesOfMeeting(db, ref).toArray(),
    db.meetingIndex.get(pk),
    db.meetingWords.get(pk),
  ]);
  const date = meeting?.date ?? clauses[0]?.date ?? items[0]?.date ?? '';
  const { entry, words, postings } = meetingPostings(ref, date, items, clauses);
  const empty = items.length === 0 && clauses.length === 0;
  if (before && beforeWords) {
    const stale = beforeWords.words.filter((w) => empty || before.orderKey !== entry.orderKey || !postings.has(w));
    if (stale.length > 0) await db.postings.bulkDelete(stale.map((w): PostingKey => [w, before.orderKey]));
  }
  if (empty) {
    if (before) await db.meetingIndex.delete(pk);
    if (beforeWords) await db.meetingWords.delete(pk);
    return;
  }
  await putPostings(db.postings, [...postings.values()], [...postings.keys()].map((w): PostingKey => [w, entry.orderKey]));
  await db.meetingIndex.put(entry);
  await db.meetingWords.put(words);
}
