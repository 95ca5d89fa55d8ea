/**
 * Runs in the team-queue benchmark page (bundled by tests/bench/bundle.ts): the library page's
 * "Publish to team" steps before any sending, on the browser's IndexedDB: listing the notes in
 * the whole library, then queuing the whole library in the outbox. Each step is its own call so
 * the driver can sample the renderer's memory around it.
 */
import { LibraryDb } from '@/lib/library/db';
import { clausesOfMeeting, itemsOfMeeting } from '@/lib/library/meetingRows';
import { outboxCounts } from '@/lib/team/outbox';
import { notesInScope } from '@/lib/team/publishRows';
import { queueScope } from '@/lib/team/queueScope';
import { HOST, growTeamLibrary } from './teamLibrary';

const OWNER = { server: 'https://team.example.org/graphql', memberId: 'bench', email: 'bench@example.org' };

declare global {
  interface Window {
    __teamQueue: {
      grow(meetings: number): Promise<number>;
      notes(): Promise<{ ms: number; notes: number }>;
      queue(): Promise<{ ms: number; queued: number }>;
    };
  }
}

const db = new LibraryDb('team-queue-library');

window.__teamQueue = {
  /** The library, with a note on one clause and tags on one item of every hundredth meeting. */
  async grow(meetings) {
    await growTeamLibrary(db, meetings);
    for (let m = 0; m < meetings; m += 100) {
      const meeting = { host: HOST, meetingId: String(m) };
      const [clause, item] = await Promise.all([clausesOfMeeting(db, meeting).first(), itemsOfMeeting(db, meeting).first()]);
      if (clause) await db.clauses.put({ ...clause, note: `bench note ${m}` });
      if (item) await db.items.put({ ...item, tags: ['bench'] });
    }
    return db.clauses.count();
  },
  async notes() {
    const t = performance.now();
    const notes = await notesInScope(db, { kind: 'library' });
    return { ms: performance.now() - t, notes: notes.length };
  },
  async queue() {
    const t = performance.now();
    await queueScope(db, OWNER, { kind: 'library' }, () => false, () => {});
    const ms = performance.now() - t;
    return { ms, queued: (await outboxCounts(db, OWNER)).queued };
  },
};
