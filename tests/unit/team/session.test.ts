import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readFollows, readSession, readShareNotes, tokenExpiry, writeSession } from '@/lib/team/session';

beforeEach(() => fakeBrowser.reset());

/** A JWT as the server signs it; only its payload matters here. */
const jwt = (claims: object) => `eyJhbGciOiJIUzI1NiJ9.${btoa(JSON.stringify(claims)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')}.c2lnbmF0dXJl`;
const session = (expiresAt: string) => ({ server: 'http://127.0.0.1:5433/graphql', token: 'a.b.c', expiresAt, member: { id: '3', email: 'ana@example.org', displayName: 'Ana', teamName: 'Housing' } });

describe('the sign-in kept in storage', () => {
  it('reads the token’s expiry from its exp claim', () => {
    expect(tokenExpiry(jwt({ role: 'team_member', member_id: 3, exp: 1_800_000_000 })).toISOString()).toBe('2027-01-15T08:00:00.000Z');
    expect(() => tokenExpiry('not-a-token')).toThrow('not a JWT');
    expect(() => tokenExpiry(jwt({ role: 'team_member' }))).toThrow('without an expiry');
  });

  it('is signed in until the token expires, then says it expired', async () => {
    await writeSession(session('2026-12-01T00:00:00.000Z'));
    expect(await readSession(new Date('2026-11-30T12:00:00Z'))).toMatchObject({ kind: 'signed-in', session: { member: { displayName: 'Ana' } } });
    expect(await readSession(new Date('2026-12-01T00:00:00Z'))).toMatchObject({ kind: 'expired' });
  });

  it('a damaged stored value counts as not set, and says so', async () => {
    await browser.storage.local.set({ teamSession: { server: 'not a url', token: '' }, teamFollows: { councils: 'all' }, teamShareNotes: 'yes' });
    expect(await readSession()).toEqual({ kind: 'signed-out', problem: 'The stored teamSession setting is damaged and was ignored. Sign in again.' });
    expect(await readFollows()).toEqual({ councils: [], committees: [] });
    expect(await readShareNotes()).toBe(false);
  });
});
