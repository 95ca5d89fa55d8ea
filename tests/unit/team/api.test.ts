import { describe, expect, it } from 'vitest';
import { TeamApiError, teamApi } from '@/lib/team/api';
import { data, fakeTeamServer } from '../../support/fakeTeamServer';

const ENDPOINT = 'http://127.0.0.1:5433/graphql';

describe('the team API client', () => {
  it('signs in: sends the email and password, answers the JWT, or null for wrong credentials', async () => {
    const server = fakeTeamServer();
    server.answer(data('authenticate', { jwtToken: 'a.b.c' }), data('authenticate', { jwtToken: null }));
    const api = teamApi(ENDPOINT, server.fetch);
    expect(await api.authenticate('ana@example.org', 'secret')).toBe('a.b.c');
    expect(await api.authenticate('ana@example.org', 'wrong')).toBeNull();
    expect(server.requests[0]?.variables).toEqual({ email: 'ana@example.org', password: 'secret' });
    expect(server.requests[0]?.authorization).toBeUndefined();
  });

  it('sends the token as a bearer once signed in', async () => {
    const server = fakeTeamServer();
    server.answer(data('currentMember', { id: 3, email: 'ana@example.org', displayName: 'Ana', teamName: 'Housing' }));
    const member = await teamApi(ENDPOINT, server.fetch, 'tok').currentMember();
    expect(member).toEqual({ id: '3', email: 'ana@example.org', displayName: 'Ana', teamName: 'Housing' });
    expect(server.requests[0]?.authorization).toBe('Bearer tok');
  });

  it('refuses a malformed answer with what was wrong, rather than using it', async () => {
    const server = fakeTeamServer();
    server.answer(
      data('publish', { result: { inserted: '3', updated: 0, skipped: 0, rejected: [] } }),
      { status: 200, body: '<html>proxy error</html>' },
      data('pull', [{ kind: 'meeting', key: 'k', updatedAt: '2026-11-30T12:00:00Z', record: {} }]),
    );
    const api = teamApi(ENDPOINT, server.fetch, 'tok');
    const publish = api.publish([]);
    await expect(publish).rejects.toThrow(TeamApiError);
    await expect(publish).rejects.toMatchObject({ kind: 'invalid', message: expect.stringContaining('result.inserted') });
    await expect(api.publish([])).rejects.toMatchObject({ kind: 'invalid', message: expect.stringContaining('not JSON') });
    await expect(api.pull({ hosts: ['h'], committees: [], afterUpdatedAt: null, afterKind: null, afterKey: null, first: 10 })).rejects.toMatchObject({
      kind: 'invalid',
      message: expect.stringContaining('0.annotations'),
    });
  });

  it('tells an unanswered request and a server failure (worth retrying) from a refusal and a refused token (not)', async () => {
    const server = fakeTeamServer();
    server.answer(
      new TypeError('Failed to fetch'),
      { status: 502, body: 'Bad gateway' },
      { status: 200, body: { data: null, errors: [{ message: 'jwt expired' }] } },
      { status: 401, body: {} },
      { status: 200, body: { data: { publish: null }, errors: [{ message: 'new row violates check constraint' }] } },
      { status: 200, body: { data: { publish: null }, errors: [{ message: 'This account is no longer a member of that team: sign in again', errcode: '28000' }] } },
    );
    const api = teamApi(ENDPOINT, server.fetch, 'tok');
    const failures: TeamApiError[] = [];
    for (let i = 0; i < 6; i++) failures.push(await api.publish([]).then(() => Promise.reject(new Error('answered')), (e: TeamApiError) => e));
    expect(failures.map((e) => [e.kind, e.retryable])).toEqual([
      ['offline', true],
      ['server', true],
      ['auth', false],
      ['auth', false],
      ['refused', false],
      ['auth', false],
    ]);
    expect(failures[4]?.message).toContain('new row violates check constraint');
  });
});
