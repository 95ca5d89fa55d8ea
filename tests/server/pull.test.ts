import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clauseKey, councilKey, itemKey, meetingKey } from '@/lib/library/identity';
import { meeting } from '../support/records';
import { rowsOfMeeting, type TeamRow } from '../support/teamRows';
import { signIn, startTeamServer, type TeamServer } from '../support/teamServer';
import { annotation, publish, pull, pullAll, type PulledRow } from './api';

let server: TeamServer;
let ann: string;
let bob: string;
let annId: string;
let teamId: string;

const h1 = 'democracy.southampton.gov.uk';
const h2 = 'moderngov.portsmouth.gov.uk';
const m1 = rowsOfMeeting(meeting({ host: h1, id: '1' }));
const m2 = rowsOfMeeting(meeting({ host: h1, id: '2' }));
const m3 = rowsOfMeeting(meeting({ host: h2, id: '3', council: 'Portsmouth City Council' }));

beforeAll(async () => {
  server = await startTeamServer();
  teamId = await server.createTeam('Housing group');
  annId = await server.createMember('Housing group', 'ann@uni.example', 'ann-password', 'Ann');
  await server.createMember('Housing group', 'bob@uni.example', 'bob-password', 'Bob');
  ann = await signIn(server.url, 'ann@uni.example', 'ann-password');
  bob = await signIn(server.url, 'bob@uni.example', 'bob-password');
  // Three batches, so rows carry three different updatedAt.
  for (const batch of [m1, m2, m3]) await publish(server.url, ann, batch);
});
afterAll(async () => {
  await server?.stop();
});

const id = (r: PulledRow) => `${r.kind} ${r.key}`;
/** The documented order: updatedAt, then kind and key in byte order. */
function inOrder(rows: PulledRow[]): boolean {
  return rows.every((r, i) => {
    const prev = rows[i - 1];
    if (!prev) return true;
    const a = [Date.parse(prev.updatedAt), prev.kind, prev.key] as const;
    const b = [Date.parse(r.updatedAt), r.kind, r.key] as const;
    if (a[0] !== b[0]) return prev.updatedAt < r.updatedAt;
    return a[1] !== b[1] ? a[1] < b[1] : a[2] < b[2];
  });
}

describe('pull', () => {
  let everything: PulledRow[];

  it('pages through every row once, in (updatedAt, kind, key) order', async () => {
    // Southampton: council, committee and two meetings of 7 rows; Portsmouth: council, committee and one meeting.
    everything = await pullAll(server.url, ann, {}, 4);
    expect(everything).toHaveLength(25);
    expect(new Set(everything.map(id)).size).toBe(25);
    expect(inOrder(everything)).toBe(true);
    expect(everything.map(id).sort()).toEqual([...m1, ...m2.slice(2), ...m3].map((r) => `${r.kind} ${keyOf(r)}`).sort());
  });

  it('after changes, gives from the cursor exactly the new and changed rows', async () => {
    const last = everything.at(-1)!;
    const cursor = { afterUpdatedAt: last.updatedAt, afterKind: last.kind, afterKey: last.key };
    expect(await pull(server.url, ann, cursor)).toEqual([]);

    const item5 = m1[3] as Extract<TeamRow, { record: unknown }>;
    const m4 = rowsOfMeeting(meeting({ host: h1, id: '4' }));
    // Bob: a fuller copy of one item, a poorer copy of a meeting (skipped), a new meeting.
    expect(
      await publish(server.url, bob, [
        { kind: 'item', record: { ...item5.record, notedPoints: ['The Panel asked for figures by ward.'] } },
        { kind: 'meeting', record: { ...(m2[2] as Extract<TeamRow, { record: unknown }>).record, whole: 0 } },
        ...m4,
      ]),
    ).toEqual({ inserted: 7, updated: 1, skipped: 3, rejected: [] });
    // Ann: a note on a clause of the third meeting.
    const clauseOfM3 = `["${h2}","3","16",0]`;
    expect(await publish(server.url, ann, [annotation(clauseOfM3, 'clause', 'Compare with Southampton', true)])).toMatchObject({ inserted: 1 });

    const changed = await pullAll(server.url, bob, cursor, 3);
    expect(changed.map(id).sort()).toEqual(
      [`item ${keyOf(item5)}`, ...m4.slice(2).map((r) => `${r.kind} ${keyOf(r)}`), `clause ${clauseOfM3}`].sort(),
    );
    expect(inOrder(changed)).toBe(true);
    expect(changed.find((r) => r.kind === 'item')!.record.notedPoints).toEqual(['The Panel asked for figures by ward.']);
    expect(changed.find((r) => r.key === clauseOfM3)!.annotations.map((a) => a.note)).toEqual(['Compare with Southampton']);

    const end = changed.at(-1)!;
    expect(await pull(server.url, bob, { afterUpdatedAt: end.updatedAt, afterKind: end.kind, afterKey: end.key })).toEqual([]);
  });

  it('pulls only the councils or committees followed', async () => {
    const portsmouth = await pullAll(server.url, ann, { hosts: [h2] });
    expect(portsmouth.map(id).sort()).toEqual(m3.map((r) => `${r.kind} ${keyOf(r)}`).sort());
    // The fixture's committee is CId 600: following Southampton's brings its council, committee and meetings 1, 2 and 4.
    const panel = await pullAll(server.url, ann, { committees: [JSON.stringify([h1, '600'])] });
    expect(panel).toHaveLength(2 + 3 * 7);
    expect(new Set(panel.map((r) => (r.record as { host: string }).host))).toEqual(new Set([h1]));
  });

  it('never lets a cursor pass a publish still being written', async () => {
    const start = await pullAll(server.url, bob);
    const last = start.at(-1)!;
    const cursor = { afterUpdatedAt: last.updatedAt, afterKind: last.kind, afterKey: last.key };
    const slow = rowsOfMeeting(meeting({ host: h2, id: '5' })).slice(2);
    const quick = rowsOfMeeting(meeting({ host: h2, id: '6' })).slice(2);

    // Ann's publish, as the API runs it, held open before its commit.
    const held = new pg.Client({ connectionString: server.pgUrl });
    await held.connect();
    try {
      await held.query('begin');
      await held.query('set local role team_member');
      await held.query(`select set_config('jwt.claims.member_id', $1, true), set_config('jwt.claims.team_id', $2, true)`, [annId, teamId]);
      await held.query('select team_api.publish($1)', [JSON.stringify(slow)]);

      // Bob publishes meanwhile: his batch waits for Ann's (the team's publish lock) instead of committing first.
      const bobs = publish(server.url, bob, quick);
      for (;;) {
        const [waiting] = await server.sql<{ n: string }>(`select count(*) as n from pg_locks where locktype = 'advisory' and not granted`);
        if (waiting!.n === '1') break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(await pull(server.url, bob, cursor)).toEqual([]);

      await held.query('commit');
      expect(await bobs).toMatchObject({ inserted: 7 });
    } finally {
      await held.end();
    }
    const after = await pullAll(server.url, bob, cursor);
    expect(after.map(id).sort()).toEqual([...slow, ...quick].map((r) => `${r.kind} ${keyOf(r)}`).sort());
    // Ann's rows, committed first, are stamped before Bob's: a cursor taken between the two commits misses neither.
    const annsLatest = Math.max(...after.filter((r) => r.key.includes('"5"')).map((r) => Date.parse(r.updatedAt)));
    const bobsEarliest = Math.min(...after.filter((r) => r.key.includes('"6"')).map((r) => Date.parse(r.updatedAt)));
    expect(annsLatest).toBeLessThanOrEqual(bobsEarliest);
    expect(after.findIndex((r) => r.key.includes('"6"'))).toBeGreaterThan(after.findLastIndex((r) => r.key.includes('"5"')));
  });

  it('says what is wrong with a half cursor', async () => {
    await expect(pull(server.url, ann, { afterUpdatedAt: everything[0]!.updatedAt })).rejects.toThrow(
      'afterUpdatedAt, afterKind and afterKey go together',
    );
  });
});

/** The key docs/team-api.md gives each kind: the extension's identity keys (committees: [host, committeeId]). */
function keyOf(row: TeamRow): string {
  if (row.kind === 'annotation') return row.target;
  const r = row.record as { host: string; committeeId: string; meetingId: string; itemKey: string; clauseIndex: number };
  switch (row.kind) {
    case 'council':
      return councilKey(r.host);
    case 'committee':
      return JSON.stringify([r.host, r.committeeId]);
    case 'meeting':
      return meetingKey(r);
    case 'item':
      return itemKey(r);
    case 'clause':
      return clauseKey(r);
  }
}
