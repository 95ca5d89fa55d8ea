import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { item, meeting } from '../support/records';
import { rowsOfMeeting } from '../support/teamRows';
import { graphql, signIn, startTeamServer, type TeamServer } from '../support/teamServer';
import { publish, searchTeam } from './api';

let server: TeamServer;
let ann: string;
const host = 'democracy.southampton.gov.uk';

beforeAll(async () => {
  server = await startTeamServer();
  await server.createTeam('Housing group');
  await server.createMember('Housing group', 'ann@uni.example', 'ann-password', 'Ann');
  ann = await signIn(server.url, 'ann@uni.example', 'ann-password');
  await publish(
    server.url,
    ann,
    rowsOfMeeting(
      meeting({
        host,
        id: '900',
        items: [
          item('4', 'Taxi licensing policy', [
            ['(a)', 'That the revised taxi licensing policy be approved, with licences renewed every three years;'],
            ['(b)', 'That officers report on licence fees in six months.'],
          ]),
          item('7', 'Housing Revenue Account budget', [['1.', 'That the housing budget for 2026/27 be approved.']]),
        ],
      }),
    ),
  );
});
afterAll(async () => {
  await server?.stop();
});

describe('searchTeam', () => {
  it('finds clauses by stemmed words, best match first, with their meeting and item', async () => {
    // English stems: "licences" and "licence" are both "licenc" ("licensing" is "licens"), so (a) and (b) match,
    // each once; equal ranks list in key order.
    const hits = await searchTeam(server.url, ann, 'licences');
    expect(hits.map((h) => h.key)).toEqual([`["${host}","900","14",0]`, `["${host}","900","14",1]`]);
    expect(hits[0]!.rank).toBeGreaterThanOrEqual(hits[1]!.rank);
    expect(hits[0]!.item).toEqual({ key: `["${host}","900","14"]`, number: '4', title: 'Taxi licensing policy' });
    expect(hits[0]!.meeting).toMatchObject({ key: `["${host}","900"]`, title: 'Agenda and minutes' });
  });

  it('takes web search syntax: a phrase, and words left out', async () => {
    expect((await searchTeam(server.url, ann, '"housing budget"')).map((h) => h.key)).toEqual([`["${host}","900","17",0]`]);
    expect((await searchTeam(server.url, ann, 'approved -housing')).map((h) => h.key)).toEqual([`["${host}","900","14",0]`]);
  });

  it('says so when there is nothing to search for', async () => {
    const { errors } = await graphql(server.url, 'query { searchTeam(q: "the") }', {}, ann);
    expect(errors?.[0]?.message).toMatch(/Type one or more words/);
  });
});
