import type { MeetingRecord } from '../moderngov/schema';
import { logChange } from './changes';
import type { LibraryDb } from './db';
import { meetingIdOf, meetingPk, type MeetingRef } from './identity';
import { clausesOfMeeting, itemsOfMeeting } from './meetingRows';
import { indexMeeting, indexTables } from './indexMeeting';
import { planSave, type SaveOptions, type SavedCopy, type SaveReport, type Selection } from './savePlan';

export type { SaveOptions, SaveReport, Selection } from './savePlan';

async function savedCopy(db: LibraryDb, ref: MeetingRef): Promise<SavedCopy> {
  const key = meetingPk(ref);
  const [meeting, items, clauses, deletions] = await Promise.all([
    db.meetings.get(key),
    itemsOfMeeting(db, ref).toArray(),
    clausesOfMeeting(db, ref).toArray(),
    db.deletions.where('[host+meetingId]').equals(key).toArray(),
  ]);
  return { meeting, items, clauses, deletions };
}

/**
 * Saves (or updates) a meeting and what was picked of it, in one transaction: all of it is
 * stored or none of it (a full disk rolls back). What is written follows savePlan.ts's rules.
 */
export async function saveSelection(db: LibraryDb, record: MeetingRecord, selection: Selection, now = new Date(), options: SaveOptions = {}): Promise<SaveReport> {
  const host = record.council.host;
  const meetingId = meetingIdOf(record);
  return db.transaction('rw', [db.councils, db.committees, db.meetings, db.items, db.clauses, db.deletions, db.changes, ...indexTables(db)], async () => {
    const plan = planSave(record, selection, options, await savedCopy(db, { host, meetingId }), now.toISOString());
    if (plan.meeting) {
      const { meeting } = plan;
      await db.councils.put({ host, name: record.council.name ?? (await db.councils.get(host))?.name ?? null });
      if (meeting.committeeId) await db.committees.put({ host, committeeId: meeting.committeeId, name: record.committee.name });
      await db.meetings.put(meeting);
    }
    await db.clauses.bulkDelete(plan.deleteClauses);
    await db.items.bulkPut(plan.items);
    await db.clauses.bulkPut(plan.clauses);
    await db.deletions.bulkDelete(plan.clearDeletions);
    if (plan.items.length > 0 || plan.clauses.length > 0 || plan.deleteClauses.length > 0 || plan.meeting) await indexMeeting(db, { host, meetingId });
    // A clause written without its item still changes what its item says.
    await logChange(db, { items: [...plan.items, ...plan.clauses], goneClauses: plan.deleteClauses });
    return plan.report;
  });
}

/** What "Update saved copy" would change, read without writing. */
export async function previewUpdate(db: LibraryDb, record: MeetingRecord): Promise<SaveReport> {
  const copy = await db.transaction('r', [db.meetings, db.items, db.clauses, db.deletions], () => savedCopy(db, { host: record.council.host, meetingId: meetingIdOf(record) }));
  return planSave(record, { scope: 'saved' }, {}, copy, new Date().toISOString()).report;
}
