import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meeting } from '../support/records';
import { rowsOfMeeting } from '../support/teamRows';
import { signIn, startTeamServer, type TeamServer } from '../support/teamServer';
import { annotation, publish } from './api';

const run = promisify(execFile);
let server: TeamServer;
let analyst: pg.Client;
let dir: string;

const southampton = rowsOfMeeting(meeting({ host: 'democracy.southampton.gov.uk', id: '7105' }));
const portsmouth = rowsOfMeeting(
  meeting({ host: 'democracy.portsmouth.gov.uk', id: '300', council: 'Portsmouth City Council', committee: 'Licensing Committee', date: '2017-01-10' }),
);

beforeAll(async () => {
  server = await startTeamServer();
  await server.createTeam('Housing group');
  await server.createTeam('Transport group');
  await server.createMember('Housing group', 'ann@uni.example', 'ann-password', 'Ann');
  await server.createMember('Transport group', 'cat@other.example', 'cat-password', 'Cat');
  const ann = await signIn(server.url, 'ann@uni.example', 'ann-password');
  const cat = await signIn(server.url, 'cat@other.example', 'cat-password');
  await publish(server.url, ann, [
    ...southampton,
    annotation('["democracy.southampton.gov.uk","7105","15",0]', 'clause', 'Shared: taxi licensing', true),
    annotation('["democracy.southampton.gov.uk","7105","15",1]', 'clause', 'Private: check the figures', false),
  ]);
  await publish(server.url, cat, portsmouth);
  analyst = new pg.Client({ connectionString: server.analystUrl });
  await analyst.connect();
  dir = await mkdtemp(path.join(os.tmpdir(), 'team-readme-'));
});
afterAll(async () => {
  await analyst?.end();
  if (dir) await rm(dir, { recursive: true, force: true });
  await server?.stop();
});

/** The fenced block that follows the README's marker comment naming its runner. */
async function readmeBlock(runner: string): Promise<string> {
  const readme = await readFile(path.resolve(import.meta.dirname, '../../README.md'), 'utf8');
  const marker = `<!-- tests/server/readme.test.ts runs this block with ${runner} -->`;
  const at = readme.indexOf(marker);
  expect(at, `README marker for ${runner}`).toBeGreaterThan(-1);
  const block = /```\w*\n([\s\S]*?)```/.exec(readme.slice(at + marker.length));
  return block![1]!;
}

describe('the analyst role', () => {
  it('reads meeting → item → clause flattened, with each team\u2019s name', async () => {
    const { rows } = await analyst.query<{ team: string; council_name: string; meeting_date: string; item_number: string; label: string; clauses: string }>(
      `select team, council_name, to_char(meeting_date, 'YYYY-MM-DD') as meeting_date, count(*) as clauses
       from analysis.clauses group by 1, 2, 3 order by 1`,
    );
    // The fixture meeting: clauses (i), (ii) of item 5 and (i) of item 6.
    expect(rows).toEqual([
      { team: 'Housing group', council_name: 'Southampton City Council', meeting_date: '2016-11-03', clauses: '3' },
      { team: 'Transport group', council_name: 'Portsmouth City Council', meeting_date: '2017-01-10', clauses: '3' },
    ]);
    const items = await analyst.query('select item_number, title from analysis.items where team = $1 order by item_order', ['Housing group']);
    expect(items.rows).toEqual([
      { item_number: '5', title: 'Child Sexual Exploitation in Southampton - Update' },
      { item_number: '6', title: 'Elective Home Education and Safeguarding Arrangements' },
      { item_number: '8', title: 'Monitoring Scrutiny Recommendations' },
    ]);
    const notes = await analyst.query('select author, note from analysis.shared_annotations');
    expect(notes.rows).toEqual([{ author: 'Ann', note: 'Shared: taxi licensing' }]);
  });

  it('cannot write, nor read the tables behind the views', async () => {
    // The views join tables, so Postgres itself refuses writes through them, whatever the role.
    await expect(analyst.query(`insert into analysis.meetings (host, meeting_id) values ('x', 'y')`)).rejects.toThrow(/cannot insert into view/);
    await expect(analyst.query(`update analysis.clauses set text = 'changed'`)).rejects.toThrow(/cannot update view/);
    await expect(analyst.query(`delete from analysis.items`)).rejects.toThrow(/cannot delete from view/);
    await expect(analyst.query(`update team.clauses set record = '{}'`)).rejects.toThrow(/permission denied for schema team/);
    await expect(analyst.query(`select * from team_private.member_secrets`)).rejects.toThrow(/permission denied/);
    await expect(analyst.query(`create table analysis.mine (x int)`)).rejects.toThrow(/permission denied/);
    await expect(analyst.query(`create table public.mine (x int)`)).rejects.toThrow(/permission denied/);
    const [count] = await server.sql<{ n: string }>('select count(*) as n from team.clauses');
    expect(count!.n).toBe('6');
  });
});

describe('the README\u2019s queries', () => {
  it('the psql query runs as the README gives it', async () => {
    const file = path.join(dir, 'query.sql');
    await writeFile(file, await readmeBlock('psql'));
    const { stdout } = await run('psql', [server.analystUrl, '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-A', '-t', '-F', '|', '-f', file]);
    // Expected: the published clauses grouped as the query groups them.
    const expected = new Map<string, number>();
    for (const row of [...southampton, ...portsmouth]) {
      if (row.kind !== 'clause') continue;
      const r = row.record as { councilName: string; committeeName: string; outcome: string };
      const key = `${r.councilName}|${r.committeeName}|${r.outcome}`;
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    const lines = [...expected].map(([k, n]) => `${k}|${n}`).sort();
    expect(stdout.trim().split('\n')).toEqual(lines);
    expect(lines.length).toBeGreaterThan(1);
  });

  it('the Python query runs as the README gives it, with Debian\u2019s psycopg2', async () => {
    const file = path.join(dir, 'query.py');
    await writeFile(file, await readmeBlock('/usr/bin/python3'));
    const { stdout } = await run('/usr/bin/python3', [file], { env: { ...process.env, TEAM_ANALYST_URL: server.analystUrl } });
    const text = 'That the Licensing Committee consider making CSE training a condition of receiving a taxi licence in Southampton;';
    expect(stdout.split('\n').filter(Boolean)).toEqual([`2016-11-03 5 (i) ${text.slice(0, 70)}`, `2017-01-10 5 (i) ${text.slice(0, 70)}`]);
  });
});
