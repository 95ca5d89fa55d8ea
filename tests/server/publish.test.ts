import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { item, meeting } from '../support/records';
import { rowsOfMeeting, type TeamRow } from '../support/teamRows';
import { graphql, signIn, startTeamServer, type TeamServer } from '../support/teamServer';
import { publish } from './api';

let server: TeamServer;
let token: string;

beforeAll(async () => {
  server = await startTeamServer();
  await server.createTeam('Housing group');
  await server.createMember('Housing group', 'ann@uni.example', 'ann-password', 'Ann');
  token = await signIn(server.url, 'ann@uni.example', 'ann-password');
});
afterAll(async () => {
  await server?.stop();
});

async function counts(): Promise<Record<string, number>> {
  const [row] = await server.sql<Record<string, string>>(`select
    (select count(*) from team.councils) as councils, (select count(*) from team.committees) as committees,
    (select count(*) from team.meetings) as meetings, (select count(*) from team.items) as items,
    (select count(*) from team.clauses) as clauses, (select count(*) from team.annotations) as annotations`);
  return Object.fromEntries(Object.entries(row!).map(([k, v]) => [k, Number(v)]));
}

describe('publish', () => {
  // The default fixture meeting (tests/support/records.ts): items 5, 6 and 8; clauses (i), (ii) of 5 and (i) of 6.
  const rows = rowsOfMeeting(meeting({ host: 'democracy.publish.gov.uk' }));

  it('is idempotent: the same batch twice stores each record once', async () => {
    expect(rows.map((r) => r.kind)).toEqual(['council', 'committee', 'meeting', 'item', 'item', 'item', 'clause', 'clause', 'clause']);
    expect(await publish(server.url, token, rows)).toEqual({ inserted: 9, updated: 0, skipped: 0, rejected: [] });
    expect(await publish(server.url, token, rows)).toEqual({ inserted: 0, updated: 0, skipped: 9, rejected: [] });
    expect(await counts()).toEqual({ councils: 1, committees: 1, meetings: 1, items: 3, clauses: 3, annotations: 0 });
  });

  it('never replaces a fuller copy with a poorer one, and takes a fuller one', async () => {
    const item5 = rows[3] as Extract<TeamRow, { record: unknown }>;
    const meetingRow = rows[2] as Extract<TeamRow, { record: unknown }>;
    const poorer = [
      { kind: 'meeting', record: { ...meetingRow.record, whole: 0, venue: null } },
      { kind: 'item', record: { ...item5.record, minutesTruncated: 1, minutes: 'That the Licensing Committee consider…' } },
    ];
    expect(await publish(server.url, token, poorer)).toEqual({ inserted: 0, updated: 0, skipped: 2, rejected: [] });
    const [kept] = await server.sql<{ minutes: string; truncated: number }>(
      `select record->>'minutes' as minutes, (record->>'minutesTruncated')::int as truncated from team.items where item_key = $1`,
      [item5.record.itemKey],
    );
    expect(kept).toEqual({ minutes: item5.record.minutes, truncated: 0 });

    const before = await server.sql<{ updated_at: Date }>('select updated_at from team.items where item_key = $1', [item5.record.itemKey]);
    const fuller = [{ kind: 'item', record: { ...item5.record, notedPoints: ['The Panel noted the update from the police.'] } }];
    expect(await publish(server.url, token, fuller)).toEqual({ inserted: 0, updated: 1, skipped: 0, rejected: [] });
    const after = await server.sql<{ noted: string[]; updated_at: Date }>(
      `select record->'notedPoints' as noted, updated_at from team.items where item_key = $1`,
      [item5.record.itemKey],
    );
    expect(after[0]!.noted).toEqual(['The Panel noted the update from the police.']);
    expect(after[0]!.updated_at.getTime()).toBeGreaterThan(before[0]!.updated_at.getTime());
    expect(await counts()).toMatchObject({ items: 3 });
  });

  it('rejects malformed rows with a reason and takes the rest of the batch', async () => {
    const clause = rows[6] as Extract<TeamRow, { record: unknown }>;
    const result = await publish(server.url, token, [
      { kind: 'clause', record: { ...clause.record, clauseIndex: 1.5 } },
      { kind: 'minute', record: {} },
      { kind: 'item', record: { host: 'democracy.publish.gov.uk', meetingId: '7105' } },
      { kind: 'annotation', target: clause.record.host, targetKind: 'clause', note: 'x', tags: [1], shared: false },
      { kind: 'council', record: { host: 'democracy.other.gov.uk', name: 'Other Council' } },
    ]);
    expect(result).toEqual({
      inserted: 1,
      updated: 0,
      skipped: 0,
      rejected: [
        { index: 0, reason: 'record.clauseIndex must be a whole number' },
        { index: 1, reason: 'kind must be council, committee, meeting, item, clause or annotation' },
        { index: 2, reason: 'record.itemKey must be a string' },
        { index: 3, reason: 'tags must be an array of strings' },
      ],
    });
  });

  it('keeps nothing of a batch that fails half way; the retry loses nothing and doubles nothing', async () => {
    const first = rowsOfMeeting(meeting({ host: 'democracy.halfway.gov.uk', id: '1' }));
    const marker = {
      kind: 'clause',
      record: { ...(first[6] as Extract<TeamRow, { record: unknown }>).record, clauseIndex: 99, text: 'FAIL HERE' },
    };
    const second = rowsOfMeeting(meeting({ host: 'democracy.halfway.gov.uk', id: '2' })).slice(2);
    const batch = [...first, marker, ...second];
    // A real database error in the middle of the batch: a trigger refuses the marked clause.
    await server.sql(`create function public.fail_on_marker() returns trigger language plpgsql as $$
      begin if new.record->>'text' = 'FAIL HERE' then raise exception 'simulated failure half way'; end if; return new; end $$;
      create trigger fail_on_marker before insert on team.clauses for each row execute function public.fail_on_marker()`);
    await expect(publish(server.url, token, batch)).rejects.toThrow('simulated failure half way');
    const [none] = await server.sql<{ n: string }>(`select
      (select count(*) from team.councils where host = 'democracy.halfway.gov.uk') + (select count(*) from team.meetings where host = 'democracy.halfway.gov.uk')
      + (select count(*) from team.items where host = 'democracy.halfway.gov.uk') + (select count(*) from team.clauses where host = 'democracy.halfway.gov.uk') as n`);
    expect(Number(none!.n)).toBe(0);

    await server.sql('drop trigger fail_on_marker on team.clauses; drop function public.fail_on_marker()');
    // first: council, committee, meeting, 3 items, 3 clauses; the marker; second: meeting, 3 items, 3 clauses.
    expect(await publish(server.url, token, batch)).toEqual({ inserted: 17, updated: 0, skipped: 0, rejected: [] });
    expect(await publish(server.url, token, batch)).toEqual({ inserted: 0, updated: 0, skipped: 17, rejected: [] });
    const [stored] = await server.sql<{ meetings: string; items: string; clauses: string }>(`select
      (select count(*) from team.meetings where host = 'democracy.halfway.gov.uk') as meetings,
      (select count(*) from team.items where host = 'democracy.halfway.gov.uk') as items,
      (select count(*) from team.clauses where host = 'democracy.halfway.gov.uk') as clauses`);
    expect(stored).toEqual({ meetings: '2', items: '6', clauses: '7' });
  });

  it('takes a batch of 2,000 rows (a few megabytes, past the default body limit)', async () => {
    const long = 'That the Council notes the consultation responses and approves the revised housing allocation policy. '.repeat(3);
    const items = Array.from({ length: 999 }, (_, n) => item(String(n + 1), `Housing item ${n + 1}`, [['(i)', `${long} (${n + 1})`]]));
    const batch = rowsOfMeeting(meeting({ host: 'democracy.large.gov.uk', items }));
    expect(batch).toHaveLength(2001);
    expect(JSON.stringify({ rows: batch }).length).toBeGreaterThan(1_000_000);
    expect(await publish(server.url, token, batch)).toEqual({ inserted: 2001, updated: 0, skipped: 0, rejected: [] });
  });

  it('refuses to publish when signed out, and a batch over 5,000 rows, with their Postgres codes', async () => {
    await expect(publish(server.url, '', rows)).rejects.toThrow(/permission denied for function publish/);
    const mutation = 'mutation($rows: JSON!) { publish(input: { rows: $rows }) { result } }';
    const signedOut = await graphql(server.url, mutation, { rows });
    expect(signedOut.errors?.[0]).toMatchObject({ errcode: '42501' });
    const tooMany = await graphql(server.url, mutation, { rows: Array.from({ length: 5001 }, () => rows[0]) }, token);
    expect(tooMany.errors?.[0]).toMatchObject({ message: 'A batch holds at most 5000 rows; this one has 5001', errcode: '54000' });
  });
});
