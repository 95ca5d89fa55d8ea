import type { LibraryDb } from './db';
import { meetingPk, type MeetingRef } from './identity';
import { clausesOfMeeting, itemsOfMeeting } from './meetingRows';
import { meetingPostings, putPostings } from './postings';
import type { PostingKey } from './schema';

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
