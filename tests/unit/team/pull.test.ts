import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LibraryDb } from '@/lib/library/db';
import { saveSelection } from '@/lib/library/save';
import { teamApi } from '@/lib/team/api';
import { pullTeam } from '@/lib/team/pull';
import type { Follows } from '@/lib/team/schema';
import { annotate } from '../../support/annotate';
import { data, fakeTeamServer } from '../../support/fakeTeamServer';
import { meeting } from '../../support/records';
import { teamTables } from '@/lib/team/tables';

let db: LibraryDb;
let n = 0;
beforeEach(async () => {
  db = new LibraryDb(`pull-${++n}-${Date.now()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const HOST = 'www.southampton.gov.uk';
const follows: Follows = { councils: [HOST], committees: [{ host: 'democracy.leeds.gov.uk', committeeId: '102', name: 'Executive Board' }] };
const clauseRow = (index: number, updatedAt: string, note: string | null = null) => ({
  kind: 'clause',
  key: JSON.stringify([HOST, '7105', '15', index]),
  updatedAt,
  record: { host: HOST, meetingId: '7105', itemKey: '15', clauseIndex: index, date: '2016-11-03', text: `clause ${index} as the team has it` },
  annotations: note ? [{ author: 7, displayName: 'Bea', note, tags: [], shared: true, mine: false }] : [],
});

describe('pulling the team corpus', () => {
  it('pages by (updatedAt, key) from where the last pull stopped, only the followed councils and committees', async () => {
    const server = fakeTeamServer();
    const api = teamApi('http://t/graphql', server.fetch, 'tok');
    server.answer(
      data('pull', [clauseRow(0, '2026-11-30T10:00:00Z'), clauseRow(1, '2026-11-30T10:00:00Z')]),
      data('pull', [clauseRow(2, '2026-11-30T10:05:00Z')]),
    );
    const progress: number[] = [];
    expect(await pullTeam(db, api, follows, { pageRows: 2, onProgress: (p) => progress.push(p) })).toEqual({ pulled: 3, restarted: true });
    expect(progress).toEqual([2, 3]);
    expect(server.requests.map((r) => r.variables)).toEqual([
      { hosts: [HOST], committees: ['["democracy.leeds.gov.uk","102"]'], afterUpdatedAt: null, afterKind: null, afterKey: null, first: 2 },
      { hosts: [HOST], committees: ['["democracy.leeds.gov.uk","102"]'], afterUpdatedAt: '2026-11-30T10:00:00Z', afterKind: 'clause', afterKey: JSON.stringify([HOST, '7105', '15', 1]), first: 2 },
    ]);
    expect(await teamTables(db).teamRows.count()).toBe(3);

    // Later: one clause changed (a colleague's note on it); the pull asks only after the last row it has.
    server.answer(data('pull', [clauseRow(0, '2026-11-30T11:00:00Z', 'worth comparing')]));
    expect(await pullTeam(db, api, follows, { pageRows: 2 })).toEqual({ pulled: 1, restarted: false });
    expect(server.requests[2]?.variables).toMatchObject({ afterUpdatedAt: '2026-11-30T10:05:00Z', afterKey: JSON.stringify([HOST, '7105', '15', 2]) });
    expect(await teamTables(db).teamRows.count()).toBe(3);
    expect((await teamTables(db).teamRows.get(['clause', JSON.stringify([HOST, '7105', '15', 0])]))?.annotations).toEqual([
      { author: '7', displayName: 'Bea', note: 'worth comparing', tags: [], shared: true, mine: false },
    ]);
  });

  it('a pull cut short resumes after its last page written', async () => {
    const server = fakeTeamServer();
    const api = teamApi('http://t/graphql', server.fetch, 'tok');
    server.answer(data('pull', [clauseRow(0, '2026-11-30T10:00:00Z'), clauseRow(1, '2026-11-30T10:01:00Z')]), new TypeError('Failed to fetch'));
    await expect(pullTeam(db, api, follows, { pageRows: 2 })).rejects.toMatchObject({ kind: 'offline' });
    server.answer(data('pull', [clauseRow(2, '2026-11-30T10:02:00Z')]));
    expect(await pullTeam(db, api, follows, { pageRows: 2 })).toEqual({ pulled: 1, restarted: false });
    expect(server.requests[2]?.variables).toMatchObject({ afterUpdatedAt: '2026-11-30T10:01:00Z' });
    expect(await teamTables(db).teamRows.count()).toBe(3);
  });

  it('never touches the researcher’s own records and notes, even for the same clause', async () => {
    await saveSelection(db, meeting(), { scope: 'meeting' });
    await annotate(db, [HOST, '7105', '15', 0], ['taxis'], 'my own note');
    const own = await db.clauses.toArray();
    const server = fakeTeamServer();
    server.answer(data('pull', [clauseRow(0, '2026-11-30T10:00:00Z', 'a colleague’s note')]));
    await pullTeam(db, teamApi('http://t/graphql', server.fetch, 'tok'), follows);
    expect(await db.clauses.toArray()).toEqual(own);
    expect((await db.clauses.get([HOST, '7105', '15', 0]))?.note).toBe('my own note');
    expect(await teamTables(db).teamRows.count()).toBe(1);
  });

  it('other follows start again from the beginning, without the rows of the old ones; no follows, no request', async () => {
    const server = fakeTeamServer();
    const api = teamApi('http://t/graphql', server.fetch, 'tok');
    server.answer(data('pull', [clauseRow(0, '2026-11-30T10:00:00Z')]));
    await pullTeam(db, api, follows);
    server.answer(data('pull', []));
    expect(await pullTeam(db, api, { councils: ['democracy.leeds.gov.uk'], committees: [] })).toEqual({ pulled: 0, restarted: true });
    expect(server.requests[1]?.variables).toMatchObject({ hosts: ['democracy.leeds.gov.uk'], committees: [], afterUpdatedAt: null, afterKey: null });
    expect(await teamTables(db).teamRows.count()).toBe(0);
    expect(await pullTeam(db, api, { councils: [], committees: [] })).toEqual({ pulled: 0, restarted: true });
    expect(server.requests).toHaveLength(2);
  });
});
