import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meeting } from '../support/records';
import { rowsOfMeeting } from '../support/teamRows';
import { signIn, startTeamServer, type TeamServer } from '../support/teamServer';
import { annotation, publish, pullAll, searchTeam, type PulledRow } from './api';

let server: TeamServer;
const ids: Record<string, string> = {};
const tokens: Record<string, string> = {};

const host = 'democracy.southampton.gov.uk';
// Clauses (i) and (ii) of item 5 of the fixture meeting (item id "15").
const c1 = `["${host}","7105","15",0]`;
const c2 = `["${host}","7105","15",1]`;
const item6 = `["${host}","7105","16"]`;

beforeAll(async () => {
  server = await startTeamServer();
  ids.teamA = await server.createTeam('Housing group');
  await server.createTeam('Transport group');
  ids.ann = await server.createMember('Housing group', 'ann@uni.example', 'ann-password', 'Ann');
  ids.bob = await server.createMember('Housing group', 'bob@uni.example', 'bob-password', 'Bob');
  ids.cat = await server.createMember('Transport group', 'cat@other.example', 'cat-password', 'Cat');
  for (const who of ['ann', 'bob', 'cat']) tokens[who] = await signIn(server.url, `${who}@${who === 'cat' ? 'other' : 'uni'}.example`, `${who}-password`);
  await publish(server.url, tokens.ann!, rowsOfMeeting(meeting({ host })));
  await publish(server.url, tokens.cat!, rowsOfMeeting(meeting({ host })));
  expect(
    await publish(server.url, tokens.ann!, [
      annotation(c1, 'clause', 'Ann: ask the licensing officer', false, ['follow-up']),
      annotation(c2, 'clause', 'Ann: same wording as Portsmouth', true, ['comparison']),
      annotation(item6, 'item', 'Ann: home education, shared', true),
    ]),
  ).toEqual({ inserted: 3, updated: 0, skipped: 0, rejected: [] });
  expect(await publish(server.url, tokens.bob!, [annotation(c1, 'clause', 'Bob: my own reading', false)])).toMatchObject({ inserted: 1 });
});
afterAll(async () => {
  await server?.stop();
});

const notesOn = (rows: PulledRow[], key: string) =>
  rows.find((r) => r.key === key)!.annotations.map(({ displayName, note, tags, shared, mine }) => ({ displayName, note, tags, shared, mine }));

describe('annotation privacy', () => {
  it('shows a member their own notes and the team\u2019s shared ones, never another\u2019s private note', async () => {
    const anns = await pullAll(server.url, tokens.ann!);
    expect(notesOn(anns, c1)).toEqual([{ displayName: 'Ann', note: 'Ann: ask the licensing officer', tags: ['follow-up'], shared: false, mine: true }]);
    expect(notesOn(anns, c2)).toEqual([{ displayName: 'Ann', note: 'Ann: same wording as Portsmouth', tags: ['comparison'], shared: true, mine: true }]);

    const bobs = await pullAll(server.url, tokens.bob!);
    expect(notesOn(bobs, c1)).toEqual([{ displayName: 'Bob', note: 'Bob: my own reading', tags: [], shared: false, mine: true }]);
    expect(notesOn(bobs, c2)).toEqual([{ displayName: 'Ann', note: 'Ann: same wording as Portsmouth', tags: ['comparison'], shared: true, mine: false }]);
    expect(notesOn(bobs, item6)).toEqual([{ displayName: 'Ann', note: 'Ann: home education, shared', tags: [], shared: true, mine: false }]);

    // The other team's copy of the same clauses carries none of them.
    const cats = await pullAll(server.url, tokens.cat!);
    expect(cats.flatMap((r) => r.annotations)).toEqual([]);
  });

  it('applies the same privacy to search results', async () => {
    const hits = await searchTeam(server.url, tokens.bob!, 'licensing');
    expect(hits.map((h) => h.key)).toEqual([c1]);
    expect(hits[0]!.annotations.map((a) => a.note)).toEqual(['Bob: my own reading']);
  });

  it('lets only the author change a note: a colleague\u2019s publish makes their own, and SQL as a member cannot touch another\u2019s', async () => {
    expect(await publish(server.url, tokens.bob!, [annotation(c2, 'clause', 'Bob: I disagree', true)])).toMatchObject({ inserted: 1, updated: 0 });
    const rows = await server.sql<{ author_id: string; note: string }>('select author_id, note from team.annotations where target_key = $1 order by note', [c2]);
    expect(rows).toEqual([
      { author_id: ids.ann, note: 'Ann: same wording as Portsmouth' },
      { author_id: ids.bob, note: 'Bob: I disagree' },
    ]);

    // As the API runs a request: the member role, with Bob's claims.
    const client = new pg.Client({ connectionString: server.pgUrl });
    await client.connect();
    try {
      await client.query('begin');
      await client.query('set local role team_member');
      await client.query(`select set_config('jwt.claims.member_id', $1, true), set_config('jwt.claims.team_id', $2, true)`, [ids.bob, ids.teamA]);
      const changed = await client.query(`update team.annotations set note = 'rewritten by Bob' where author_id = $1`, [ids.ann]);
      expect(changed.rowCount).toBe(0);
      await expect(
        client.query(`insert into team.annotations (author_id, team_id, target_kind, target_key, note) values ($1, $2, 'clause', $3, 'in Ann''s name')`, [
          ids.ann,
          ids.teamA,
          item6,
        ]),
      ).rejects.toThrow(/row-level security/);
      await client.query('rollback');
    } finally {
      await client.end();
    }
    const [kept] = await server.sql<{ note: string }>('select note from team.annotations where author_id = $1 and target_key = $2', [ids.ann, c2]);
    expect(kept!.note).toBe('Ann: same wording as Portsmouth');
  });

  it('shows a note to colleagues once its author shares it', async () => {
    expect(await publish(server.url, tokens.ann!, [annotation(c1, 'clause', 'Ann: ask the licensing officer', true, ['follow-up'])])).toMatchObject({ updated: 1 });
    const bobs = await pullAll(server.url, tokens.bob!);
    expect(notesOn(bobs, c1).map((a) => a.displayName)).toEqual(expect.arrayContaining(['Ann', 'Bob']));
    expect(notesOn(bobs, c1)).toHaveLength(2);
  });
});
