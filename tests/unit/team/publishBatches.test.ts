import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LibraryDb } from '@/lib/library/db';
import { clauseKey, itemKey } from '@/lib/library/identity';
import { saveSelection } from '@/lib/library/save';
import { outboxCounts, ownerKey } from '@/lib/team/outbox';
import { notesInScope, READ_BATCH } from '@/lib/team/publishRows';
import { QueueStopped, queueScope, type QueueProgress } from '@/lib/team/queueScope';
import { teamTables } from '@/lib/team/tables';
import { annotate } from '../../support/annotate';
import { meeting } from '../../support/records';

/**
 * A library bigger than a read batch: the meeting of tests/support/records.ts (3 items, 3 clauses)
 * saved, then copied as 40 more meetings of its 3 items and 120 clauses each (the 3 clauses, 40 times
 * under other clause indexes): 41 meetings, 123 items, 4,803 clauses (three batches of 2,000).
 */
const SOTON = 'www.southampton.gov.uk';
const COPIES = 40;
const RECORDS = { councils: 1, committees: 1, meetings: 1 + COPIES, items: 3 + 3 * COPIES, clauses: 3 + 120 * COPIES };
const TOTAL = RECORDS.councils + RECORDS.committees + RECORDS.meetings + RECORDS.items + RECORDS.clauses;
const ANA = { server: 'http://t/graphql', memberId: 'a1', email: 'ana@example.org' };

/** The most records (or keys) any one read of the database returned, and the tables read by cursor, from when `reset()` is called. */
function watchReads(db: LibraryDb) {
  const reads = { largest: 0, cursors: [] as string[], reset: () => ((reads.largest = 0), (reads.cursors = [])) };
  db.use({
    stack: 'dbcore',
    name: 'watchReads',
    create: (down) => ({
      ...down,
      table(name) {
        const table = down.table(name);
        return {
          ...table,
          async query(req) {
            const res = await table.query(req);
            reads.largest = Math.max(reads.largest, res.result.length);
            return res;
          },
          async getMany(req) {
            const res = await table.getMany(req);
            reads.largest = Math.max(reads.largest, res.length);
            return res;
          },
          openCursor(req) {
            reads.cursors.push(name);
            return table.openCursor(req);
          },
        };
      },
    }),
  });
  return reads;
}

let db: LibraryDb;
let reads: ReturnType<typeof watchReads>;
let n = 0;
beforeEach(async () => {
  db = new LibraryDb(`publish-batches-${++n}-${Date.now()}`);
  reads = watchReads(db);
  await db.open();
  await saveSelection(db, meeting(), { scope: 'meeting' });
  const [meetings, items, clauses] = await Promise.all([db.meetings.toArray(), db.items.toArray(), db.clauses.toArray()]);
  for (let m = 0; m < COPIES; m++) {
    const meetingId = String(9000 + m);
    await db.meetings.bulkPut(meetings.map((r) => ({ ...r, meetingId })));
    await db.items.bulkPut(items.map((r) => ({ ...r, meetingId })));
    await db.clauses.bulkPut(clauses.flatMap((r) => Array.from({ length: 40 }, (_, j) => ({ ...r, meetingId, clauseIndex: r.clauseIndex + 10 * j }))));
  }
  // In key order: a clause in the first batch of clauses, an item, a tagged clause in the third batch; a blank note is no note.
  await annotate(db, [SOTON, '9003', '15', 0], [], 'early note');
  await annotate(db, [SOTON, '9010', '18'], [], 'item note');
  await annotate(db, [SOTON, '9036', '16', 390], ['late'], '');
  await db.clauses.update([SOTON, '9020', '15', 1], { note: '   ' });
  reads.reset();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

/** Rows of the outbox in queue order, as [kind, how many in a row] runs. */
async function queuedKinds(): Promise<[string, number][]> {
  const runs: [string, number][] = [];
  for (const entry of await teamTables(db).outbox.orderBy('[by+state+seq]').toArray()) {
    const last = runs.at(-1);
    if (last?.[0] === entry.row.kind) last[1]++;
    else runs.push([entry.row.kind, 1]);
  }
  return runs;
}
const EVERY_ROW: [string, number][] = [
  ['council', 1],
  ['committee', 1],
  ['meeting', RECORDS.meetings],
  ['item', RECORDS.items],
  ['clause', RECORDS.clauses],
  ['annotation', 3],
];

describe('a library bigger than a read batch', () => {
  it('has its notes listed a batch at a time: exactly the annotated records, no read holding more than a batch, no table read whole', async () => {
    expect(await db.clauses.count()).toBe(4803);
    const itemsWhole = vi.spyOn(db.items, 'toArray');
    const clausesWhole = vi.spyOn(db.clauses, 'toArray');
    const notes = await notesInScope(db, { kind: 'library' });
    expect(notes.map(({ target, targetKind, note, tags }) => ({ target, targetKind, note, tags }))).toEqual([
      { target: itemKey({ host: SOTON, meetingId: '9010', itemKey: '18' }), targetKind: 'item', note: 'item note', tags: [] },
      { target: clauseKey({ host: SOTON, meetingId: '9003', itemKey: '15', clauseIndex: 0 }), targetKind: 'clause', note: 'early note', tags: [] },
      { target: clauseKey({ host: SOTON, meetingId: '9036', itemKey: '16', clauseIndex: 390 }), targetKind: 'clause', note: '', tags: ['late'] },
    ]);
    expect(reads.largest).toBe(READ_BATCH);
    expect(reads.cursors).toEqual([]);
    expect(itemsWhole).not.toHaveBeenCalled();
    expect(clausesWhole).not.toHaveBeenCalled();
    // A council reads its own records the same way.
    reads.reset();
    expect((await notesInScope(db, { kind: 'council', host: SOTON })).map((n) => n.note)).toEqual(['item note', 'early note', '']);
    expect(await notesInScope(db, { kind: 'council', host: 'democracy.leeds.gov.uk' })).toEqual([]);
    expect(reads.largest).toBe(READ_BATCH);
  });

  it('is queued batch by batch, parents first, every row once in increasing seq, with progress; queuing again adds nothing', async () => {
    const before = { items: await db.items.toArray(), clauses: await db.clauses.toArray() };
    reads.reset();
    const progress: QueueProgress[] = [];
    expect(await queueScope(db, ANA, { kind: 'library' }, () => false, (p) => progress.push(p))).toBe(TOTAL + 3);
    expect(reads.largest).toBe(READ_BATCH);
    // Councils and committees, the meetings, the items, three batches of clauses, then the notes (not records).
    expect(progress).toEqual([0, 2, 43, 166, 2166, 4166, TOTAL, TOTAL].map((queued) => ({ queued, total: TOTAL })));
    expect(await queuedKinds()).toEqual(EVERY_ROW);
    const first = await teamTables(db).outbox.orderBy('[by+state+seq]').toArray();
    expect(first.every((e, i) => i === 0 || e.seq > (first[i - 1]?.seq ?? Infinity))).toBe(true);
    expect(new Set(first.map((e) => e.key)).size).toBe(TOTAL + 3);
    expect(first.filter((e) => e.row.kind === 'annotation').map((e) => e.row)).toEqual([
      expect.objectContaining({ note: 'item note', shared: false }),
      expect.objectContaining({ note: 'early note', shared: false }),
      expect.objectContaining({ note: '', tags: ['late'], shared: false }),
    ]);

    // Again: the same rows replace their waiting copies, in the same order, after them.
    expect(await queueScope(db, ANA, { kind: 'library' }, () => false, () => {})).toBe(TOTAL + 3);
    const again = await teamTables(db).outbox.orderBy('[by+state+seq]').toArray();
    expect(again.map((e) => [e.key, e.row])).toEqual(first.map((e) => [e.key, e.row]));
    expect(again[0]?.seq).toBeGreaterThan(first.at(-1)?.seq ?? Infinity);
    // The library is only read.
    expect({ items: await db.items.toArray(), clauses: await db.clauses.toArray() }).toEqual(before);
  });

  it('stopped by a full disk in the fourth batch: says what was queued, which waits; publishing again completes it, nothing twice', async () => {
    const { outbox } = teamTables(db);
    const put = outbox.bulkPut.bind(outbox);
    let puts = 0;
    const spy = vi.spyOn(outbox, 'bulkPut').mockImplementation((...args: Parameters<typeof outbox.bulkPut>) => {
      if (++puts === 4) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put(...args);
    });
    const stopped = await queueScope(db, ANA, { kind: 'library' }, () => true, () => {}).catch((e: unknown) => e);
    expect(stopped).toBeInstanceOf(QueueStopped);
    expect((stopped as Error).message).toBe(
      `Queuing for the team stopped after 166 of 4,969 records (the disk is full). Those queued wait in the outbox; publish again to queue the rest: what is queued already is replaced, never added twice. Your library is unchanged.`,
    );
    // The council, committee, 41 meetings and 123 items: what the message says, and their parents are all there.
    expect(await outboxCounts(db, ANA)).toEqual({ queued: 166, rejected: 0 });
    expect(await queuedKinds()).toEqual(EVERY_ROW.slice(0, 4));

    spy.mockRestore();
    expect(await queueScope(db, ANA, { kind: 'library' }, () => true, () => {})).toBe(TOTAL + 3);
    expect(await queuedKinds()).toEqual(EVERY_ROW);
    expect(await outbox.where('[by+key]').between([ownerKey(ANA)], [ownerKey(ANA), []]).count()).toBe(TOTAL + 3);
  });
});
