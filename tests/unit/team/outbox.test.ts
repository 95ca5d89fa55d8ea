import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LibraryDb } from '@/lib/library/db';
import { saveSelection } from '@/lib/library/save';
import { teamApi } from '@/lib/team/api';
import { dropRejected, forgetOwnerRows, outboxCounts, othersRows, ownerKey, queueRows, rejectedRows, retryRejected, sendOutbox, type SendProgress } from '@/lib/team/outbox';
import { queueScope } from '@/lib/team/queueScope';
import { fakeTeamServer, published } from '../../support/fakeTeamServer';
import { publishRows } from '../../support/publishRows';
import { meeting } from '../../support/records';
import { teamTables } from '@/lib/team/tables';

let db: LibraryDb;
let n = 0;
beforeEach(async () => {
  db = new LibraryDb(`outbox-${++n}-${Date.now()}`);
  await db.open();
  // One meeting saved whole: 1 council, 1 committee, 1 meeting, 3 items, 3 clauses (tests/support/records.ts).
  await saveSelection(db, meeting(), { scope: 'meeting' });
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const noWait = { sleep: async () => {}, backoffMs: (retry: number) => 1000 * 2 ** (retry - 1) };
/** The sign-in queuing and sending in these tests (the outbox keeps each sign-in's rows apart: see 'whose rows'). */
const ANA = { server: 'http://t/graphql', memberId: 'a1', email: 'ana@example.org' };
const queueLibrary = async () => queueScope(db, ANA, { kind: 'library' }, () => false, () => {});

describe('the outbox', () => {
  it('sends its rows in batches, parents first, reports progress and empties', async () => {
    expect(await queueLibrary()).toBe(9);
    const server = fakeTeamServer();
    server.answer(published({ inserted: 4 }), published({ inserted: 4 }), published({ inserted: 1 }));
    const progress: SendProgress[] = [];
    const report = await sendOutbox(db, ANA, teamApi('http://t/graphql', server.fetch, 'tok'), { ...noWait, batchRows: 4, onProgress: (p) => progress.push(p) });
    expect(server.published().map((batch) => batch.map((r) => r.kind))).toEqual([
      ['council', 'committee', 'meeting', 'item'],
      ['item', 'item', 'clause', 'clause'],
      ['clause'],
    ]);
    expect(progress.map((p) => `${p.sent} of ${p.total}`)).toEqual(['0 of 9', '4 of 9', '8 of 9', '9 of 9']);
    expect(report).toMatchObject({ sent: 9, inserted: 9, rejected: [], stopped: null, left: 0 });
    expect(await outboxCounts(db, ANA)).toEqual({ queued: 0, rejected: 0 });
  });

  it('queuing the same records again replaces their waiting copies rather than doubling them', async () => {
    await queueLibrary();
    expect(await queueLibrary()).toBe(9);
  });

  it('retries with growing waits while the server fails or cannot be reached, then sends', async () => {
    await queueLibrary();
    const server = fakeTeamServer();
    server.answer(new TypeError('Failed to fetch'), { status: 503, body: 'unavailable' }, published({ inserted: 9 }));
    const waits: number[] = [];
    const progress: SendProgress[] = [];
    const report = await sendOutbox(db, ANA, teamApi('http://t/graphql', server.fetch, 'tok'), {
      ...noWait,
      sleep: async (ms) => void waits.push(ms),
      onProgress: (p) => progress.push(p),
    });
    expect(waits).toEqual([1000, 2000]);
    expect(progress.filter((p) => p.retrying).map((p) => p.retrying?.reason)).toEqual([
      expect.stringContaining('did not answer (Failed to fetch)'),
      'The team server failed (HTTP 503)',
    ]);
    expect(server.published()).toHaveLength(3);
    expect(report).toMatchObject({ sent: 9, stopped: null, left: 0 });
  });

  it('gives up for now after its tries, keeping every row to send later', async () => {
    await queueLibrary();
    const server = fakeTeamServer();
    server.answer(new TypeError('Failed to fetch'), new TypeError('Failed to fetch'), new TypeError('Failed to fetch'));
    const report = await sendOutbox(db, ANA, teamApi('http://t/graphql', server.fetch, 'tok'), { ...noWait, attempts: 3 });
    expect(report.stopped).toMatch(/did not answer \(Failed to fetch\)\. 9 rows kept in the outbox to send later\.$/);
    expect(report.left).toBe(9);
    expect(await outboxCounts(db, ANA)).toEqual({ queued: 9, rejected: 0 });
  });

  it('keeps rows the server rejects, each listed with its reason, and sends the rest', async () => {
    await queueLibrary();
    const server = fakeTeamServer();
    // Rows 6 and 7 of the batch are the first two clauses.
    server.answer(published({ inserted: 7, rejected: [{ index: 6, reason: 'clause text too long' }, { index: 7, reason: 'unknown item' }] }));
    const report = await sendOutbox(db, ANA, teamApi('http://t/graphql', server.fetch, 'tok'), noWait);
    const expected = [
      { what: 'clause (i) of item 5, Children and Families Scrutiny Panel, 2016-11-03', reason: 'clause text too long' },
      { what: 'clause (ii) of item 5, Children and Families Scrutiny Panel, 2016-11-03', reason: 'unknown item' },
    ];
    expect(report.rejected).toEqual(expected);
    expect(report.left).toBe(0);
    expect((await rejectedRows(db, ANA)).map(({ what, reason }) => ({ what, reason }))).toEqual(expected);
    expect(await outboxCounts(db, ANA)).toEqual({ queued: 0, rejected: 2 });
    // Sent again when the researcher asks: the same two rows, nothing else.
    expect(await retryRejected(db, ANA)).toBe(2);
    server.answer(published({ inserted: 2 }));
    await sendOutbox(db, ANA, teamApi('http://t/graphql', server.fetch, 'tok'), noWait);
    expect(server.published()[1]?.map((r) => (r.kind === 'clause' ? r.record.label : r.kind))).toEqual(['(i)', '(ii)']);
    expect(await outboxCounts(db, ANA)).toEqual({ queued: 0, rejected: 0 });
  });

  it('a refusal of the whole batch stops sending with every row kept', async () => {
    await queueLibrary();
    const server = fakeTeamServer();
    server.answer({ status: 200, body: { data: null, errors: [{ message: 'jwt expired' }] } });
    const report = await sendOutbox(db, ANA, teamApi('http://t/graphql', server.fetch, 'tok'), noWait);
    expect(report.stopped).toBe('The team server refused it: jwt expired. 9 rows kept in the outbox.');
    expect(server.requests).toHaveLength(1);
    expect(await outboxCounts(db, ANA)).toEqual({ queued: 9, rejected: 0 });
  });

  it('a row queued again while its batch is out stays to be sent: the copy answered for was the older one', async () => {
    await queueLibrary();
    const server = fakeTeamServer();
    const api = teamApi('http://t/graphql', server.fetch, 'tok');
    let calls = 0;
    const report = await sendOutbox(
      db,
      ANA,
      {
        async publish(rows) {
          // The researcher publishes the meeting again (from another tab) while the first batch is out.
          if (++calls === 1) await queueRows(db, ANA, (await publishRows(db, { kind: 'library' }, () => false)).filter((r) => r.kind === 'meeting'));
          server.answer(published({ inserted: rows.length }));
          return api.publish(rows);
        },
      },
      { ...noWait, batchRows: 9 },
    );
    expect(server.published().map((batch) => batch.map((r) => r.kind))).toEqual([
      ['council', 'committee', 'meeting', 'item', 'item', 'item', 'clause', 'clause', 'clause'],
      ['meeting'],
    ]);
    expect(report.left).toBe(0);
  });

  it('resumes after the browser closed mid-way: what was answered is not sent again, nothing is lost', async () => {
    await queueLibrary();
    const server = fakeTeamServer();
    // The first batch is answered; the browser closes while the second is out (its request never returns).
    server.answer(published({ inserted: 4 }));
    const never = new Promise<never>(() => {});
    const api = teamApi('http://t/graphql', server.fetch, 'tok');
    let calls = 0;
    void sendOutbox(db, ANA, { publish: (rows) => (++calls === 1 ? api.publish(rows) : never) }, { ...noWait, batchRows: 4 });
    await expect.poll(() => calls).toBe(2);
    db.close();

    // The next session opens the same database: the five rows not answered for are waiting, in order.
    const reopened = new LibraryDb(db.name);
    await reopened.open();
    expect(await outboxCounts(reopened, ANA)).toEqual({ queued: 5, rejected: 0 });
    server.answer(published({ inserted: 5 }));
    const report = await sendOutbox(reopened, ANA, api, noWait);
    expect(report).toMatchObject({ sent: 5, left: 0 });
    const sent = server.published().flat().map((r) => (r.kind === 'annotation' ? r.target : `${r.kind}`));
    expect(sent).toEqual(['council', 'committee', 'meeting', 'item', 'item', 'item', 'clause', 'clause', 'clause']);
    reopened.close();
    db = reopened;
  });
});

describe("whose rows: the outbox keeps each sign-in's rows apart", () => {
  const BEN = { server: 'http://t/graphql', memberId: 'b2', email: 'ben@example.org' };
  /** Ana again, signed in to another team's server. */
  const ANA_ELSEWHERE = { ...ANA, server: 'https://other.example.net/graphql' };
  /** Ben's own publish: the library's meeting only (1 row), his note shared. */
  const queueBen = async () => {
    await queueRows(db, BEN, (await publishRows(db, { kind: 'library' }, () => true)).filter((r) => r.kind === 'meeting'));
    return (await outboxCounts(db, BEN)).queued;
  };

  it("another member sends only their own rows: none of Ana's (nor her private note) goes under Ben's name, and hers are kept for her", async () => {
    await db.clauses.toCollection().limit(1).modify({ note: 'Ana private: ask the clerk' });
    // Ana's library publish: 9 records and her private note on the first clause.
    expect(await queueLibrary()).toBe(10);
    expect(await queueBen()).toBe(1);
    expect(await outboxCounts(db, ANA)).toEqual({ queued: 10, rejected: 0 });
    expect(await outboxCounts(db, BEN)).toEqual({ queued: 1, rejected: 0 });

    const server = fakeTeamServer();
    server.answer(published({ updated: 1 }));
    const benReport = await sendOutbox(db, BEN, teamApi('http://t/graphql', server.fetch, 'ben-token'), noWait);
    expect(benReport).toMatchObject({ sent: 1, left: 0, stopped: null });
    expect(server.published()).toHaveLength(1);
    expect(server.published()[0]?.map((r) => r.kind)).toEqual(['meeting']);
    expect(JSON.stringify(server.requests)).not.toContain('Ana private');
    // Ana's rows wait for her, untouched, and Ben's outbox names them as another sign-in's.
    expect(await outboxCounts(db, ANA)).toEqual({ queued: 10, rejected: 0 });
    expect(await othersRows(db, BEN)).toEqual([{ by: ownerKey(ANA), owner: ANA, queued: 10, rejected: 0 }]);

    // Ana signs in again: hers are sent, her note with them.
    server.answer(published({ inserted: 10 }));
    const anaReport = await sendOutbox(db, ANA, teamApi('http://t/graphql', server.fetch, 'ana-token'), noWait);
    expect(anaReport).toMatchObject({ sent: 10, left: 0 });
    const anaRows = server.published()[1] ?? [];
    expect(anaRows.map((r) => r.kind)).toEqual(['council', 'committee', 'meeting', 'item', 'item', 'item', 'clause', 'clause', 'clause', 'annotation']);
    expect(anaRows.at(-1)).toMatchObject({ kind: 'annotation', note: 'Ana private: ask the clerk', shared: false });
    expect(server.requests.at(-1)?.authorization).toBe('Bearer ana-token');
    expect(await othersRows(db, ANA)).toEqual([]);
  });

  it('the same member on another server is another sign-in: rows queued for one server are not sent to the other', async () => {
    await queueLibrary();
    const server = fakeTeamServer();
    const report = await sendOutbox(db, ANA_ELSEWHERE, teamApi(ANA_ELSEWHERE.server, server.fetch, 'tok'), noWait);
    expect(report).toMatchObject({ sent: 0, left: 0, stopped: null });
    expect(server.requests).toEqual([]);
    expect(await outboxCounts(db, ANA)).toEqual({ queued: 9, rejected: 0 });
    expect(await othersRows(db, ANA_ELSEWHERE)).toEqual([{ by: ownerKey(ANA), owner: ANA, queued: 9, rejected: 0 }]);
  });

  it('the same record queued by two members is two rows: queuing it never replaces the other\'s copy', async () => {
    await queueLibrary();
    await queueBen();
    await queueLibrary();
    expect(await outboxCounts(db, ANA)).toEqual({ queued: 9, rejected: 0 });
    expect(await outboxCounts(db, BEN)).toEqual({ queued: 1, rejected: 0 });
    expect(await teamTables(db).outbox.count()).toBe(10);
  });

  it("counts, lists, retries and drops rejected rows per member; another's are forgotten only on request", async () => {
    await queueLibrary();
    await queueBen();
    const server = fakeTeamServer();
    // Ana's batch: the first clause (index 6) refused.
    server.answer(published({ inserted: 8, rejected: [{ index: 6, reason: 'clause text too long' }] }));
    await sendOutbox(db, ANA, teamApi('http://t/graphql', server.fetch, 'tok'), noWait);
    expect(await outboxCounts(db, ANA)).toEqual({ queued: 0, rejected: 1 });
    expect(await outboxCounts(db, BEN)).toEqual({ queued: 1, rejected: 0 });
    expect(await rejectedRows(db, BEN)).toEqual([]);
    expect((await rejectedRows(db, ANA)).map((r) => r.reason)).toEqual(['clause text too long']);
    // Ben's retry and drop act on his rows only: Ana's rejected row stays listed for her.
    expect(await retryRejected(db, BEN)).toBe(0);
    expect(await dropRejected(db, BEN)).toBe(0);
    expect(await outboxCounts(db, ANA)).toEqual({ queued: 0, rejected: 1 });
    // Signed out, every owner's rows are listed as another's.
    expect(await othersRows(db, null)).toEqual([
      { by: ownerKey(ANA), owner: ANA, queued: 0, rejected: 1 },
      { by: ownerKey(BEN), owner: BEN, queued: 1, rejected: 0 },
    ]);
    // Ben forgets Ana's rows deliberately: hers go, his stay.
    expect(await forgetOwnerRows(db, ownerKey(ANA))).toBe(1);
    expect(await othersRows(db, BEN)).toEqual([]);
    expect(await outboxCounts(db, BEN)).toEqual({ queued: 1, rejected: 0 });
  });

  it('a row whose stored owner is damaged is still listed under its index key, kept, and forgotten only on request', async () => {
    await queueBen();
    const [entry] = await teamTables(db).outbox.toArray();
    if (!entry) throw new Error('nothing queued');
    await teamTables(db).outbox.put({ ...entry, by: 'damaged-owner', owner: { email: 42 } as never });
    expect(await othersRows(db, BEN)).toEqual([
      { by: 'damaged-owner', owner: { server: 'an unknown server', memberId: 'damaged-owner', email: 'an unknown member (damaged-owner)' }, queued: 1, rejected: 0 },
    ]);
    expect(await forgetOwnerRows(db, 'damaged-owner')).toBe(1);
    expect(await outboxCounts(db, BEN)).toEqual({ queued: 1, rejected: 0 });
  });
});
