import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LibraryDb } from '@/lib/library/db';
import { dexieTeam } from '@/lib/team/service';
import { readSession } from '@/lib/team/session';
import { saveSelection } from '@/lib/library/save';
import { ownerKey } from '@/lib/team/outbox';
import { data, fakeTeamServer, published } from '../../support/fakeTeamServer';
import { meeting } from '../../support/records';

let db: LibraryDb;
let n = 0;
beforeEach(async () => {
  fakeBrowser.reset();
  db = new LibraryDb(`team-service-${++n}-${Date.now()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const SERVER = 'https://team.example.org/graphql';
/** A token whose payload says it expires at 2026-12-01T00:00:00Z. */
const TOKEN = `eyJhbGciOiJIUzI1NiJ9.${btoa(JSON.stringify({ role: 'team_member', exp: Date.parse('2026-12-01T00:00:00Z') / 1000 })).replace(/=+$/, '')}.c2ln`;
const ANA = { id: 'a1', email: 'ana@example.org', displayName: 'Ana', teamName: 'Housing' };

describe('signing in to the team server', () => {
  it('asks for access to the server first, then signs in and keeps who is signed in until the token expires', async () => {
    const server = fakeTeamServer();
    const order: string[] = [];
    const requestOrigin = vi.fn(async (url: string) => (order.push(`permission ${url}`), true));
    const fetch: typeof server.fetch = (url, init) => (order.push('fetch'), server.fetch(url, init));
    server.answer(data('authenticate', { jwtToken: TOKEN }), data('currentMember', ANA));
    const team = dexieTeam(db, { fetch, requestOrigin });
    expect(await team.signIn(SERVER, 'ana@example.org', 'secret-1')).toEqual({ server: SERVER, token: TOKEN, expiresAt: '2026-12-01T00:00:00.000Z', member: ANA });
    expect(order).toEqual([`permission ${SERVER}`, 'fetch', 'fetch']);
    expect(server.requests[1]?.authorization).toBe(`Bearer ${TOKEN}`);
    expect(await readSession(new Date('2026-11-30T12:00:00Z'))).toMatchObject({ kind: 'signed-in', session: { member: ANA } });
  });

  it('refused access to the server: no request, not signed in, said plainly', async () => {
    const server = fakeTeamServer();
    const team = dexieTeam(db, { fetch: server.fetch, requestOrigin: async () => false });
    await expect(team.signIn(SERVER, 'ana@example.org', 'secret-1')).rejects.toThrow('Council Minutes was not allowed to reach team.example.org, so you are not signed in.');
    expect(server.requests).toEqual([]);
    expect((await readSession()).kind).toBe('signed-out');
  });

  it('a wrong email or password is said so, and nothing is kept', async () => {
    const server = fakeTeamServer();
    server.answer(data('authenticate', { jwtToken: null }));
    const team = dexieTeam(db, { fetch: server.fetch, requestOrigin: async () => true });
    await expect(team.signIn(SERVER, 'ana@example.org', 'wrong')).rejects.toThrow('The team server did not accept that email and password.');
    expect((await readSession()).kind).toBe('signed-out');
  });

  it('publishing or pulling signed out says to sign in and sends nothing', async () => {
    const server = fakeTeamServer();
    const team = dexieTeam(db, { fetch: server.fetch, requestOrigin: async () => true });
    await expect(team.send(() => {})).rejects.toThrow('Sign in to the team server first');
    await expect(team.pull(() => {})).rejects.toThrow('Sign in to the team server first');
    expect(server.requests).toEqual([]);
  });
});

describe("the outbox per sign-in on a shared browser profile", () => {
  /** Tokens that do not expire while the tests run. */
  const token = (who: string) => `eyJhbGciOiJIUzI1NiJ9.${btoa(JSON.stringify({ who, exp: Date.parse('2099-01-01T00:00:00Z') / 1000 })).replace(/=+$/, '')}.c2ln`;
  const BEN = { id: 'b2', email: 'ben@example.org', displayName: 'Ben', teamName: 'Housing' };
  const signIn = async (team: ReturnType<typeof dexieTeam>, server: ReturnType<typeof fakeTeamServer>, member: typeof ANA) => {
    server.answer(data('authenticate', { jwtToken: token(member.id) }), data('currentMember', member));
    await team.signIn(SERVER, member.email, 'secret');
  };

  it("Ana's queued rows and private note are not sent when Ben signs in on the same browser; they wait for her and go when she signs in again", async () => {
    await saveSelection(db, meeting(), { scope: 'meeting' });
    await db.clauses.toCollection().limit(1).modify({ note: 'Ana private: ask the clerk' });
    const server = fakeTeamServer();
    const team = dexieTeam(db, { fetch: server.fetch, requestOrigin: async () => true });

    await signIn(team, server, ANA);
    // Ana queues her 9 records and her private note, and signs out before sending (signing out keeps the outbox).
    expect(await team.queue({ kind: 'library' }, () => false, () => {})).toBe(10);
    await team.signOut();

    await signIn(team, server, BEN);
    const before = server.requests.length;
    expect(await team.outbox()).toEqual({ queued: 0, rejected: [], others: [{ by: ownerKey({ server: SERVER, memberId: 'a1' }), owner: { server: SERVER, memberId: 'a1', email: ANA.email }, queued: 10, rejected: 0 }] });
    // Ben sends: there is nothing of his, so nothing goes, and Ana's rows are untouched.
    expect(await team.send(() => {})).toMatchObject({ sent: 0, left: 0, stopped: null });
    expect(server.published()).toEqual([]);
    expect(server.requests.length).toBe(before);
    // Ben publishes his own, one item (no note on it): only his rows go, under his token.
    const item = await db.items.toCollection().first();
    if (!item) throw new Error('the meeting saved no item');
    server.answer(published({ updated: 4 }));
    expect(await team.queue({ kind: 'selection', items: [item], clauses: [] }, () => false, () => {})).toBe(4);
    expect(await team.send(() => {})).toMatchObject({ sent: 4, left: 0 });
    expect(server.published().flat().map((r) => r.kind)).toEqual(['council', 'committee', 'meeting', 'item']);
    expect(JSON.stringify(server.requests)).not.toContain('Ana private');
    expect(server.requests.at(-1)?.authorization).toBe(`Bearer ${token('b2')}`);
    expect((await team.outbox()).others.map((o) => [o.owner.email, o.queued])).toEqual([[ANA.email, 10]]);
    await team.signOut();

    // Signed out, Ana's rows are still listed as another sign-in's, and nobody can queue.
    expect((await team.outbox()).others.map((o) => [o.owner.email, o.queued])).toEqual([[ANA.email, 10]]);
    await expect(team.queue({ kind: 'library' }, () => false, () => {})).rejects.toThrow('Sign in to the team server first');

    await signIn(team, server, ANA);
    expect(await team.outbox()).toEqual({ queued: 10, rejected: [], others: [] });
    server.answer(published({ inserted: 10 }));
    expect(await team.send(() => {})).toMatchObject({ sent: 10, left: 0 });
    const anas = server.published().at(-1) ?? [];
    expect(anas).toHaveLength(10);
    expect(anas.at(-1)).toMatchObject({ kind: 'annotation', note: 'Ana private: ask the clerk', shared: false });
    expect(server.requests.at(-1)?.authorization).toBe(`Bearer ${token('a1')}`);
  });

  it("forgets another sign-in's rows only when asked, and never the signed-in member's own through that", async () => {
    await saveSelection(db, meeting(), { scope: 'meeting' });
    const server = fakeTeamServer();
    const team = dexieTeam(db, { fetch: server.fetch, requestOrigin: async () => true });
    await signIn(team, server, ANA);
    await team.queue({ kind: 'library' }, () => false, () => {});
    await team.signOut();
    await signIn(team, server, BEN);
    await team.queue({ kind: 'library' }, () => false, () => {});
    const anaKey = ownerKey({ server: SERVER, memberId: 'a1' });
    await expect(team.forgetOthers(ownerKey({ server: SERVER, memberId: 'b2' }))).rejects.toThrow('These rows are yours');
    expect((await team.outbox()).queued).toBe(9);
    expect(await team.forgetOthers(anaKey)).toBe(9);
    expect(await team.outbox()).toEqual({ queued: 9, rejected: [], others: [] });
  });
});

describe('what the library offers to publish and follow', () => {
  it('lists councils and committees from their own tables, and the saved meetings, newest first, only when asked', async () => {
    await saveSelection(db, meeting(), { scope: 'meeting' });
    await saveSelection(db, meeting({ id: '7090', committee: 'Cabinet', date: '2016-10-18' }), { scope: 'meeting' });
    await saveSelection(db, meeting({ host: 'democracy.worcestershire.gov.uk', id: '3001', council: 'Worcestershire County Council', committee: 'Cabinet', date: '2017-01-12' }), { scope: 'meeting' });
    const team = dexieTeam(db, { fetch: () => Promise.reject(new Error('no server here')), requestOrigin: async () => false });
    const meetingsRead = vi.spyOn(db.meetings, 'toArray');
    const choices = await team.choices();
    expect(choices.councils.map((c) => c.name)).toEqual(['Southampton City Council', 'Worcestershire County Council']);
    expect(choices).not.toHaveProperty('meetings');
    expect(meetingsRead).not.toHaveBeenCalled();
    expect((await team.meetingChoices()).map((m) => [m.host, m.meetingId, m.label])).toEqual([
      ['democracy.worcestershire.gov.uk', '3001', 'Worcestershire County Council: Cabinet, 2017-01-12'],
      ['www.southampton.gov.uk', '7105', 'Southampton City Council: Children and Families Scrutiny Panel, 2016-11-03'],
      ['www.southampton.gov.uk', '7090', 'Southampton City Council: Cabinet, 2016-10-18'],
    ]);
  });
});
