import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meeting } from '../support/records';
import { rowsOfMeeting } from '../support/teamRows';
import { graphql, signIn, startTeamServer, type TeamServer } from '../support/teamServer';
import { publish, pullAll, searchTeam } from './api';

let server: TeamServer;
const ids: Record<string, string> = {};
const tokens: Record<string, string> = {};

beforeAll(async () => {
  server = await startTeamServer();
  ids.teamA = await server.createTeam('Housing group');
  ids.teamB = await server.createTeam('Transport group');
  ids.ann = await server.createMember('Housing group', 'ann@uni.example', 'ann-password', 'Ann');
  ids.bob = await server.createMember('Housing group', 'Bob@Uni.example', 'bob-password', 'Bob');
  ids.cat = await server.createMember('Transport group', 'cat@other.example', 'cat-password', 'Cat');
  tokens.ann = await signIn(server.url, 'ann@uni.example', 'ann-password');
  tokens.bob = await signIn(server.url, 'bob@uni.example', 'bob-password');
  tokens.cat = await signIn(server.url, 'cat@other.example', 'cat-password');
});
afterAll(async () => {
  await server?.stop();
});

const host = 'democracy.southampton.gov.uk';
const m1 = rowsOfMeeting(meeting({ host, id: '7105' }));
const m2 = rowsOfMeeting(meeting({ host, id: '7106', date: '2016-12-01' }));

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
function signJwt(claims: Record<string, unknown>, secret: string): string {
  const unsigned = `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url(claims)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}
const currentMember = 'query { currentMember { id email displayName teamName } }';

describe('sign-in', () => {
  it('signs members in to their own team and refuses a wrong password', async () => {
    const { data } = await graphql(server.url, currentMember, {}, tokens.bob);
    expect(data).toEqual({ currentMember: { id: ids.bob, email: 'bob@uni.example', displayName: 'Bob', teamName: 'Housing group' } });
    const wrong = await graphql(server.url, 'mutation { authenticate(input: { email: "ann@uni.example", password: "not-hers-1" }) { jwtToken } }');
    expect(wrong.data).toEqual({ authenticate: { jwtToken: null } });
    const nobody = await graphql(server.url, 'mutation { authenticate(input: { email: "nobody@uni.example", password: "whatever-1" }) { jwtToken } }');
    expect(nobody.data).toEqual({ authenticate: { jwtToken: null } });
  });

  it('refuses a forged token (403) and an expired one (401)', async () => {
    const claims = { role: 'team_member', member_id: ids.ann, team_id: ids.teamA, aud: 'postgraphile', exp: Math.floor(Date.now() / 1000) + 3600 };
    const forged = await graphql(server.url, currentMember, {}, signJwt(claims, 'not the server secret'));
    expect(forged.status).toBe(403);
    expect(forged.data).toBeUndefined();
    expect(forged.errors?.[0]?.message).toMatch(/signature/i);

    // Cat's own token with the team claim changed to Ann's team: the signature no longer matches.
    const [header, payload, signature] = tokens.cat!.split('.');
    const moved = { ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), team_id: ids.teamA };
    const tampered = await graphql(server.url, currentMember, {}, `${header}.${base64url(moved)}.${signature}`);
    expect(tampered.status).toBe(403);
    expect(tampered.data).toBeUndefined();

    const expired = await graphql(server.url, currentMember, {}, signJwt({ ...claims, exp: Math.floor(Date.now() / 1000) - 60 }, server.jwtSecret));
    expect(expired.status).toBe(401);
    expect(expired.data).toBeUndefined();
    expect(expired.errors?.[0]?.message).toMatch(/expired/i);

    // The same claims, signed with the server's secret and not expired, are accepted: the refusals above are the signature's and the expiry's.
    const genuine = await graphql(server.url, currentMember, {}, signJwt(claims, server.jwtSecret));
    expect(genuine.status).toBe(200);
    expect(genuine.data).toEqual({ currentMember: { id: ids.ann, email: 'ann@uni.example', displayName: 'Ann', teamName: 'Housing group' } });
  });
});

describe('two members of one team and a member of another', () => {
  it('merges overlapping publishes without duplicates, seen by both members of the team', async () => {
    expect(await publish(server.url, tokens.ann!, m1)).toMatchObject({ inserted: 9, rejected: [] });
    // Bob saved the same meeting and another: the overlap is skipped, the rest added.
    expect(await publish(server.url, tokens.bob!, [...m1, ...m2])).toEqual({ inserted: 7, updated: 0, skipped: 11, rejected: [] });
    for (const who of ['ann', 'bob']) {
      const rows = await pullAll(server.url, tokens[who]!);
      const byKind = Object.fromEntries(['council', 'committee', 'meeting', 'item', 'clause'].map((k) => [k, rows.filter((r) => r.kind === k).length]));
      expect(byKind).toEqual({ council: 1, committee: 1, meeting: 2, item: 6, clause: 6 });
      expect(new Set(rows.map((r) => `${r.kind} ${r.key}`)).size).toBe(rows.length);
      expect(rows.filter((r) => r.kind === 'meeting').map((r) => r.key).sort()).toEqual([`["${host}","7105"]`, `["${host}","7106"]`]);
    }
  });

  it('shows the other team nothing, by pull or search', async () => {
    expect(await pullAll(server.url, tokens.cat!)).toEqual([]);
    expect(await searchTeam(server.url, tokens.cat!, 'licensing')).toEqual([]);
    expect((await searchTeam(server.url, tokens.ann!, 'licensing')).map((h) => h.key)).toHaveLength(2);
  });

  it('keeps the other team\u2019s copy of the same meeting apart, both ways', async () => {
    const catsCopy = m1.map((row) => ('record' in row && row.kind === 'meeting' ? { ...row, record: { ...row.record, title: 'Agenda, decisions and minutes' } } : row));
    // Not skipped as "already there": the Housing group's copy is not the Transport group's.
    expect(await publish(server.url, tokens.cat!, catsCopy)).toEqual({ inserted: 9, updated: 0, skipped: 0, rejected: [] });
    const cats = await pullAll(server.url, tokens.cat!);
    expect(cats).toHaveLength(9);
    expect(cats.find((r) => r.kind === 'meeting')?.record.title).toBe('Agenda, decisions and minutes');
    const anns = await pullAll(server.url, tokens.ann!);
    expect(anns).toHaveLength(16);
    expect(anns.filter((r) => r.kind === 'meeting').map((r) => r.record.title)).toEqual(['Agenda and minutes', 'Agenda and minutes']);
    expect(await searchTeam(server.url, tokens.cat!, 'licensing')).toHaveLength(1);
  });
});

describe('a token after its member leaves', () => {
  it('is refused once the member is moved to another team or removed, though still signed and unexpired', async () => {
    await server.createMember('Housing group', 'dan@uni.example', 'dan-password', 'Dan');
    await server.createMember('Housing group', 'eve@uni.example', 'eve-password', 'Eve');
    const dan = await signIn(server.url, 'dan@uni.example', 'dan-password');
    const eve = await signIn(server.url, 'eve@uni.example', 'eve-password');
    expect((await pullAll(server.url, dan)).length).toBeGreaterThan(0);

    await server.sql(`update team.members set team_id = $1 where email = 'dan@uni.example'`, [ids.teamB]);
    await server.sql(`delete from team.members where email = 'eve@uni.example'`);
    for (const token of [dan, eve]) {
      await expect(pullAll(server.url, token)).rejects.toThrow('This account is no longer a member of that team: sign in again');
      await expect(publish(server.url, token, m1)).rejects.toThrow('no longer a member');
      await expect(searchTeam(server.url, token, 'licensing')).rejects.toThrow('no longer a member');
    }
    // Signing in again gives Dan his new team's view.
    const again = await signIn(server.url, 'dan@uni.example', 'dan-password');
    expect((await pullAll(server.url, again)).filter((r) => r.kind === 'meeting').map((r) => r.record.title)).toEqual(['Agenda, decisions and minutes']);
  });
});
