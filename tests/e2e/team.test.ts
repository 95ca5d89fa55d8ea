import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTeamServer, type TeamServer } from '../support/teamServer';
import { axeViolations } from './support/axe';
import { launchWithExtension, openWithPanel, type ExtensionBrowser } from './support/browser';
import { SOUTHAMPTON } from './support/councils';
import { serveCouncil, type CouncilServer } from './support/server';

/**
 * Issue 16: two researchers of one team, each in their own browser profile, publish overlapping
 * parts of one meeting with a shared and a private note, and each pulls the merged corpus; a
 * researcher of another team publishes too and sees only their own team's. The team server is the
 * real one (PostgreSQL and PostGraphile, tests/support/teamServer.ts), reached at team.example.org
 * (every host name resolves to 127.0.0.1 in these browsers; the e2e build has that host allowed,
 * since the sign-in's permission prompt cannot be clicked in automation).
 */

let team: TeamServer;
let council: CouncilServer;
let endpoint: string;
const browsers: ExtensionBrowser[] = [];

beforeAll(async () => {
  team = await startTeamServer();
  endpoint = `http://team.example.org:${new URL(team.url).port}/graphql`;
  await team.createTeam('Housing');
  await team.createTeam('Transport');
  await team.createMember('Housing', 'ana@example.org', 'ana-password', 'Ana');
  await team.createMember('Housing', 'bea@example.org', 'bea-password', 'Bea');
  await team.createMember('Transport', 'cy@example.org', 'cy-password', 'Cy');
  council = await serveCouncil({ ...SOUTHAMPTON.routes }, SOUTHAMPTON.host);
});
afterAll(async () => {
  for (const browser of browsers) await browser.close();
  await council?.close();
  await team?.stop();
});

interface Researcher {
  library: Page;
}

/** Where the Southampton meeting's clauses are named in the panel and in the notes list. */
const clause = (label: string, item: string) => `clause ${label} of item ${item}`;
const inNotesList = (label: string, item: string) => `Share the note on Clause ${label} of item ${item}, Children and Families Scrutiny Panel 2016-11-03`;

/** A researcher in a browser profile of their own: saves the items of the meeting, adds notes in the panel, signs in from the library. */
async function researcher(email: string, password: string, items: string[], notes: [name: string, note: string][]): Promise<Researcher> {
  const browser = await launchWithExtension();
  browsers.push(browser);
  const { panel } = await openWithPanel(browser, council.url(SOUTHAMPTON.meeting));
  await panel.getByRole('status').filter({ hasText: 'Found 4 items.' }).waitFor({ timeout: 20_000 });
  for (const item of items) {
    await panel.getByRole('button', { name: `Save item ${item}`, exact: true }).click();
    await panel.getByRole('status').filter({ hasText: `Saved item ${item}.` }).waitFor();
  }
  for (const [name, note] of notes) {
    await panel.getByRole('button', { name: `Tags and note for ${name}` }).click();
    await panel.getByLabel('Note').fill(note);
    await panel.getByRole('button', { name: `Save tags and note for ${name}` }).click();
    await panel.getByText(`Note: ${note}`).waitFor();
  }
  await panel.close();
  const library = await browser.openExtensionPage('library.html');
  const team = library.getByRole('region', { name: 'Team' });
  await team.getByLabel('Team server address').fill(endpoint);
  await team.getByLabel('Email').fill(email);
  await team.getByLabel('Password').fill(password);
  await team.getByRole('button', { name: 'Sign in' }).click();
  return { library };
}

async function publishWholeLibrary(library: Page, share: string[]): Promise<string> {
  const team = library.getByRole('region', { name: 'Team' });
  await team.getByRole('radio', { name: 'The whole library' }).check();
  for (const name of share) await team.getByRole('checkbox', { name }).check();
  await team.getByRole('button', { name: 'Publish to team' }).click();
  const done = team.getByText(/^Published to the team: /);
  await done.waitFor({ timeout: 30_000 });
  return (await done.textContent()) ?? '';
}

async function followAndFetch(library: Page): Promise<void> {
  const team = library.getByRole('region', { name: 'Team' });
  await team.getByRole('checkbox', { name: 'Follow Southampton City Council' }).check();
  await team.getByRole('button', { name: 'Fetch team records' }).click();
  await team.getByText(/new or changed\.$/).waitFor({ timeout: 30_000 });
}

/**
 * The team records table as [item, clause] rows, and every note shown with its author, once its caption reads `caption`:
 * the table is a live query, redrawn a moment after the fetch's notice appears.
 */
async function teamRecords(library: Page, caption: string): Promise<{ rows: string[]; notes: string[] }> {
  const table = library.getByRole('table', { name: 'Team records' });
  await expect.poll(() => table.locator('caption').textContent(), { timeout: 10_000 }).toBe(caption);
  return {
    rows: await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(3, 5).map((td) => td.textContent).join(' | '))),
    notes: (await table.locator('.team-annotations li').allTextContents()).sort(),
  };
}

const ANA_SHARED = 'Ana: the taxi licence condition is worth comparing';
const ANA_PRIVATE = 'Ana: check the recommendation was followed up';
const BEA_SHARED = 'Bea: Worcestershire has a similar resolution';
const BEA_PRIVATE = 'Bea: ask the clerk about Key Stage data';
const CY_SHARED = 'Cy: nothing to do with transport';

describe('a team corpus shared from two browser profiles, apart from another team', () => {
  let ana: Researcher;
  let bea: Researcher;
  let cy: Researcher;

  it('each researcher signs in, saves overlapping items with a shared and a private note, and publishes', { timeout: 240_000 }, async () => {
    ana = await researcher('ana@example.org', 'ana-password', ['5', '8'], [
      [clause('(i)', '5'), ANA_SHARED],
      [clause('1', '8'), ANA_PRIVATE],
    ]);
    await ana.library.getByText('Signed in as Ana (ana@example.org), team Housing, on team.example.org').waitFor();
    // Ana's library: the council, the committee, the meeting, items 5 and 8, their 3 + 1 clauses, 2 notes.
    expect(await publishWholeLibrary(ana.library, [inNotesList('(i)', '5')])).toBe('Published to the team: 11 rows taken (11 new, 0 fuller copies, 0 already there).');

    bea = await researcher('bea@example.org', 'bea-password', ['5', '6'], [
      [clause('(i)', '5'), BEA_SHARED],
      [clause('(ii)', '6'), BEA_PRIVATE],
    ]);
    await bea.library.getByText('Signed in as Bea (bea@example.org), team Housing').waitFor();
    // Bea's: the same council, committee, meeting, item 5 and its 3 clauses (already there: 7), item 6 and its 4 clauses, 2 notes (new: 7).
    expect(await publishWholeLibrary(bea.library, [inNotesList('(i)', '5')])).toBe('Published to the team: 14 rows taken (7 new, 0 fuller copies, 7 already there).');

    cy = await researcher('cy@example.org', 'cy-password', ['5'], [[clause('(i)', '5'), CY_SHARED]]);
    await cy.library.getByText('Signed in as Cy (cy@example.org), team Transport').waitFor();
    expect(await publishWholeLibrary(cy.library, [inNotesList('(i)', '5')])).toBe('Published to the team: 8 rows taken (8 new, 0 fuller copies, 0 already there).');
  });

  it('each of the team pulls the merged corpus once, with their own notes and the other’s shared note only', { timeout: 120_000 }, async () => {
    // Items 5, 6 and 8 of the meeting and their 3 + 4 + 1 clauses, each once.
    const merged = [
      '5 Child Sexual Exploitation in Southampton - Update | (item)',
      expect.stringMatching(/^5 Child Sexual Exploitation in Southampton - Update \| \(i\) That the Licensing Committee consider making CSE training/),
      expect.stringMatching(/^5 Child Sexual Exploitation in Southampton - Update \| \(ii\) That, in recognition of the benefits/),
      expect.stringMatching(/^5 Child Sexual Exploitation in Southampton - Update \| \(iii\) Under the proposed mandatory reporting duty/),
      '6 Elective Home Education and Safeguarding Arrangements | (item)',
      expect.stringMatching(/^6 Elective Home Education and Safeguarding Arrangements \| \(i\) That the Panel were provided with information/),
      expect.stringMatching(/^6 Elective Home Education and Safeguarding Arrangements \| \(ii\) That available anonymised information on Key Stage/),
      expect.stringMatching(/^6 Elective Home Education and Safeguarding Arrangements \| \(iii\) That, to help support outcomes/),
      expect.stringMatching(/^6 Elective Home Education and Safeguarding Arrangements \| \(iv\) That, the Cabinet Member writes/),
      '8 Monitoring Scrutiny Recommendations | (item)',
      expect.stringMatching(/^8 Monitoring Scrutiny Recommendations \| the report of the Service Director, Legal and Gove/),
    ];
    await followAndFetch(ana.library);
    const anaSees = await teamRecords(ana.library, '11 team items and clauses.');
    expect(anaSees.rows).toEqual(merged);
    expect(anaSees.notes).toEqual([`Ana (you, private): ${ANA_PRIVATE}`, `Ana (you, shared): ${ANA_SHARED}`, `Bea: ${BEA_SHARED}`]);

    await followAndFetch(bea.library);
    const beaSees = await teamRecords(bea.library, '11 team items and clauses.');
    expect(beaSees.rows).toEqual(merged);
    expect(beaSees.notes).toEqual([`Ana: ${ANA_SHARED}`, `Bea (you, private): ${BEA_PRIVATE}`, `Bea (you, shared): ${BEA_SHARED}`]);

    // The team's search goes through the server: the taxi clause, with the notes Bea may read.
    const team = bea.library.getByRole('region', { name: 'Team' });
    await team.getByRole('searchbox', { name: 'Words to find in the team corpus' }).fill('taxi licence');
    await team.getByRole('button', { name: 'Search team' }).click();
    const hits = team.getByRole('table', { name: 'Team search results' });
    await hits.waitFor();
    expect(await hits.locator('caption').textContent()).toBe('1 clause in the team corpus matches, best first.');
    expect(await hits.locator('tbody tr td').nth(4).textContent()).toMatch(/^\(i\) That the Licensing Committee consider making CSE training a condition of receiving a taxi licence/);
    expect((await hits.locator('.team-annotations li').allTextContents()).sort()).toEqual([`Ana: ${ANA_SHARED}`, `Bea (you, shared): ${BEA_SHARED}`]);

    // The researcher's own library is untouched by the pull: Bea's notes only, on her rows only.
    const ownRows = (await bea.library.locator('main.library table.results tbody tr').allTextContents()).join('\n');
    expect(ownRows).toContain(BEA_SHARED);
    expect(ownRows).toContain(BEA_PRIVATE);
    expect(ownRows).not.toContain(ANA_SHARED);
    // Signed in, with team records, notes and search results shown: axe finds nothing.
    expect(await axeViolations(bea.library)).toEqual([]);
  });

  it('a researcher of another team sees only their own team’s records, and the team sees none of theirs', { timeout: 120_000 }, async () => {
    await followAndFetch(cy.library);
    const cySees = await teamRecords(cy.library, '4 team items and clauses.');
    expect(cySees.notes).toEqual([`Cy (you, shared): ${CY_SHARED}`]);
    const team = cy.library.getByRole('region', { name: 'Team' });
    await team.getByRole('searchbox', { name: 'Words to find in the team corpus' }).fill('Key Stage');
    await team.getByRole('button', { name: 'Search team' }).click();
    await team.getByRole('table', { name: 'Team search results' }).getByText('Nothing in the team corpus matches.').waitFor();

    await ana.library.getByRole('region', { name: 'Team' }).getByRole('button', { name: 'Fetch team records' }).click();
    await ana.library.getByText('Up to date: 0 new or changed.').waitFor();
    expect((await teamRecords(ana.library, '11 team items and clauses.')).notes.join('\n')).not.toContain('Cy');
  });
});
