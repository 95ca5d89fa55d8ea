import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LibraryDb } from '@/lib/library/db';
import { dexieTeam } from '@/lib/team/service';
import { readSession } from '@/lib/team/session';
import { data, fakeTeamServer } from '../../support/fakeTeamServer';

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
