import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, openWithPanel, type ExtensionBrowser } from './support/browser';
import { axeViolations } from './support/axe';
import { SOUTHAMPTON, WORCESTERSHIRE } from './support/councils';
import { FIXTURES_DIR } from './support/paths';
import { serveCouncil, type CouncilServer } from './support/server';
import { withoutFilePicker } from './support/saveFile';

/** The committee's meetings as its list page links them (tests/fixtures/southampton-committee-meetings.html). */
const MEETINGS: [id: string, subtitleDate: string][] = [
  ['7109', 'Thursday, 23rd March, 2017'],
  ['7108', 'Thursday, 2nd February, 2017'],
  ['7106', 'Thursday, 15th December, 2016'],
  ['7105', 'Thursday, 3rd November, 2016'],
  ['7104', 'Thursday, 22nd September, 2016'],
];
const LIST = '/modernGov/ieListMeetings.aspx?CId=600&Year=0';

let site: CouncilServer;
let browser: ExtensionBrowser;
beforeAll(async () => {
  // Five meeting pages of the committee: the Southampton page under each meeting's id and date.
  const dir = mkdtempSync(path.join(tmpdir(), 'council-meetings-'));
  const page = readFileSync(SOUTHAMPTON.routes['/modernGov/ieListDocuments.aspx?CId=600&MId=7105&Ver=4'], 'utf8');
  const routes: Record<string, string> = { [LIST]: path.join(FIXTURES_DIR, 'southampton-committee-meetings.html') };
  for (const [id, date] of MEETINGS) {
    const file = path.join(dir, `meeting-${id}.html`);
    writeFileSync(file, page.replaceAll('Thursday, 3rd November, 2016', date));
    routes[`/modernGov/ieListDocuments.aspx?CId=600&MId=${id}&Ver=4`] = file;
  }
  site = await serveCouncil(routes, SOUTHAMPTON.host);
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('batch collection from a committee meeting list', () => {
  it("saves a committee's meetings one page a second, with progress, skipping them on a second run", async () => {
    const { page: listPage, panel } = await openWithPanel(browser, site.url(LIST));
    await panel.getByRole('status').filter({ hasText: 'Found a ModernGov meeting-list page.' }).waitFor();
    const before = site.requests.length;
    const started = Date.now();
    await panel.getByRole('button', { name: 'Save 5 meetings' }).click();
    await panel.locator('progress').waitFor();
    await panel.getByText('Finished: 5 of 5').waitFor({ timeout: 30_000 });
    const elapsed = Date.now() - started;
    expect(await panel.locator('.collect-progress').textContent()).toContain('Saved 5, skipped 0 already saved.');
    expect(await panel.locator('progress').getAttribute('value')).toBe('5');

    const fetched = site.requests.slice(before);
    expect(fetched.sort()).toEqual(MEETINGS.map(([id]) => `/modernGov/ieListDocuments.aspx?CId=600&MId=${id}&Ver=4`).sort());
    // One request a second: the requests span at least (n - 1) seconds, and none come in a burst.
    // (Arrival times here carry the network stack's jitter, a few tens of milliseconds.)
    const times = site.requestTimes.slice(before);
    expect((times.at(-1) ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual((times.length - 1) * 1000 - 100);
    for (let i = 1; i < times.length; i++) expect((times[i] ?? 0) - (times[i - 1] ?? 0)).toBeGreaterThanOrEqual(500);
    console.log(`batch collection: ${MEETINGS.length} meetings in ${elapsed} ms (${Math.round(elapsed / MEETINGS.length)} ms a meeting)`);

    // Run again: everything is already saved, nothing is fetched.
    await panel.getByRole('button', { name: 'Save 5 meetings' }).click();
    await panel.getByText('Saved 0, skipped 5 already saved.').waitFor();
    expect(site.requests.length).toBe(before + MEETINGS.length);

    const library = await browser.openExtensionPage('library.html');
    await library.getByRole('status').filter({ hasText: '40 clauses match.' }).waitFor();
    expect(await library.locator('table.results tbody tr td:nth-child(3)').allTextContents()).toContain('2016-09-22');
    await Promise.all([listPage.close(), panel.close(), library.close()]);
  });
});

describe('backup and restore', () => {
  it('backs the library up and restores it into a fresh profile; a foreign file changes nothing', async () => {
    const library = await browser.openExtensionPage('library.html');
    await library.getByRole('status').filter({ hasText: '40 clauses match.' }).waitFor();
    await withoutFilePicker(library);
    const [download] = await Promise.all([library.waitForEvent('download'), library.getByRole('button', { name: 'Back up library (JSON)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^council-minutes-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const backup = path.join(mkdtempSync(path.join(tmpdir(), 'backup-')), download.suggestedFilename());
    await download.saveAs(backup);
    const parsed = JSON.parse(readFileSync(backup, 'utf8')) as { format: string; tables: { clauses: unknown[]; meetings: unknown[] } };
    expect(parsed.format).toBe('council-minutes-backup');
    expect([parsed.tables.meetings.length, parsed.tables.clauses.length]).toEqual([5, 40]);

    const fresh = await launchWithExtension();
    try {
      const restored = await fresh.openExtensionPage('library.html');
      await restored.getByRole('status').filter({ hasText: '0 clauses match.' }).waitFor();
      const foreign = path.join(mkdtempSync(path.join(tmpdir(), 'foreign-')), 'zotero.json');
      writeFileSync(foreign, JSON.stringify([{ itemType: 'journalArticle', title: 'Not a backup' }]));
      await restored.getByLabel('Restore from a backup').setInputFiles(foreign);
      await restored.getByRole('status').filter({ hasText: 'This file is not a Council Minutes backup (it holds a list, not a backup).' }).waitFor();
      expect(await restored.locator('table.results tbody tr').count()).toBe(0);

      await restored.getByLabel('Restore from a backup').setInputFiles(backup);
      await restored.getByRole('status').filter({ hasText: /Restored from council-minutes-backup-.*: 5 meetings, 20 items, 40 clauses/ }).waitFor();
      await expect.poll(() => restored.locator('table.results tbody tr').count()).toBe(40);
      // Restoring the same file again adds nothing.
      await restored.getByLabel('Restore from a backup').setInputFiles(backup);
      await expect.poll(() => restored.locator('table.results tbody tr').count()).toBe(40);
    } finally {
      await fresh.close();
    }
    await library.close();
  });
});

describe('comparing councils', () => {
  it("shows Southampton's and Worcestershire's CSE items side by side, and exports the comparison", async () => {
    const worcestershire = await serveCouncil({ ...WORCESTERSHIRE.routes }, WORCESTERSHIRE.host);
    try {
      const meetingUrl = worcestershire.url(WORCESTERSHIRE.meeting);
      const { page, panel } = await openWithPanel(browser, meetingUrl);
      await panel.getByRole('status').filter({ hasText: /^Found 6 items\.$/ }).waitFor();
      await panel.getByRole('button', { name: 'Save meeting (6 items)' }).click();
      await panel.getByText('✓ Meeting saved').waitFor();

      const library = await browser.openExtensionPage('library.html', '', { width: 1400, height: 1000 });
      await library.getByRole('radio', { name: 'Items' }).check();
      const worcesterCse = library.locator('table.results tbody tr').filter({ hasText: 'Child Sexual Exploitation: Update' });
      await worcesterCse.getByRole('button', { name: /^Compare with other councils/ }).click();
      const columns = library.locator('.compare-column');
      await expect.poll(() => columns.locator('h3').allTextContents()).toEqual(['Southampton City Council', 'Worcestershire County Council']);
      expect(await columns.nth(0).locator('.compare-title').allTextContents()).toContain('5. Child Sexual Exploitation in Southampton - Update');
      expect(await columns.nth(1).locator('.compare-title').allTextContents()).toEqual(['5. Child Sexual Exploitation: Update']);
      // Shared wording is marked in both columns.
      expect(await columns.nth(1).locator('mark').allTextContents()).toEqual(expect.arrayContaining(['Child Sexual Exploitation']));
      expect(await columns.nth(1).locator('.clause').allTextContents()).toEqual([expect.stringContaining('that the update be noted.')]);

      expect(await axeViolations(library)).toEqual([]);

      const [download] = await Promise.all([library.waitForEvent('download'), library.getByRole('button', { name: 'Export comparison as CSV' }).click()]);
      const csv = readFileSync((await download.path()) as string, 'utf8');
      expect(csv).toContain('Worcestershire County Council');
      expect(csv).toContain('That the Licensing Committee consider making CSE training a condition of receiving a taxi licence in Southampton;');
      await Promise.all([page.close(), panel.close(), library.close()]);
    } finally {
      await worcestershire.close();
    }
  });
});

describe('a batch resume after a deletion (finding 4)', () => {
  it('does not bring back an item the researcher deleted', async () => {
    const library = await browser.openExtensionPage('library.html', '', { width: 1400, height: 1000 });
    library.on('dialog', (dialog) => void dialog.accept());
    const meetingDay = async (view: 'Items' | 'Clauses') => {
      await library.getByRole('radio', { name: view }).check();
      await library.getByLabel('From', { exact: true }).fill('2016-11-03');
      await library.getByLabel('To', { exact: true }).fill('2016-11-03');
    };
    // Meeting 7105 (3 November 2016): items 5 to 8, with 3 + 4 + 0 + 1 clauses.
    await meetingDay('Items');
    await library.getByRole('status').filter({ hasText: '4 items match.' }).waitFor();
    await library.getByRole('button', { name: 'Delete item 5' }).click();
    await library.getByRole('status').filter({ hasText: 'Deleted the item and its clauses.' }).waitFor();

    const { page, panel } = await openWithPanel(browser, site.url(LIST));
    await panel.getByRole('status').filter({ hasText: 'Found a ModernGov meeting-list page.' }).waitFor();
    const before = site.requests.length;
    await panel.getByRole('button', { name: 'Save 5 meetings' }).click();
    await panel.getByText('Finished: 5 of 5').waitFor({ timeout: 30_000 });
    // The meeting missing an item is read again; the item stays deleted.
    expect(site.requests.slice(before)).toEqual(['/modernGov/ieListDocuments.aspx?CId=600&MId=7105&Ver=4']);

    await library.reload();
    await meetingDay('Items');
    await library.getByRole('status').filter({ hasText: '3 items match.' }).waitFor();
    expect(await library.locator('table.results tbody tr td:nth-child(4)').allTextContents()).toEqual(['6', '7', '8']);
    await meetingDay('Clauses');
    await library.getByRole('status').filter({ hasText: '5 clauses match.' }).waitFor();
    await Promise.all([page.close(), panel.close(), library.close()]);
  });
});

describe('restoring a backup over a library that changed since (finding 5)', () => {
  it('keeps both notes and says so, and recomputes outcome and search words instead of trusting the file', async () => {
    // A note in the library, on clause (i) of item 5 of the meeting of 15 December 2016.
    const { page, panel } = await openWithPanel(browser, site.url('/modernGov/ieListDocuments.aspx?CId=600&MId=7106&Ver=4'));
    await panel.getByText('✓ Meeting saved').waitFor();
    await panel.getByRole('button', { name: 'Tags and note for clause (i) of item 5' }).click();
    await panel.getByLabel('Note').fill('library note');
    await panel.getByRole('button', { name: 'Save tags and note for clause (i) of item 5' }).click();
    await panel.getByRole('status').filter({ hasText: 'Saved tags and note.' }).waitFor();

    const library = await browser.openExtensionPage('library.html', '', { width: 1400, height: 1000 });
    await withoutFilePicker(library);
    const [download] = await Promise.all([library.waitForEvent('download'), library.getByRole('button', { name: 'Back up library (JSON)' }).click()]);
    const backup = JSON.parse(readFileSync((await download.path()) as string, 'utf8')) as { tables: { clauses: Record<string, unknown>[] } };
    const clause = (index: number) => {
      const found = backup.tables.clauses.find((c) => c.meetingId === '7106' && c.itemKey === '12841' && c.clauseIndex === index);
      if (!found) throw new Error(`the backup has no clause ${index} of item 5 of meeting 7106`);
      return found;
    };
    // The backup's copy has another note on the same clause, and a forged outcome, votes and words on the next.
    expect(clause(0).note).toBe('library note');
    clause(0).note = 'backup note';
    Object.assign(clause(1), { outcome: 'deferred', votes: { for: 99, against: 0, abstentions: null }, words: ['zzforged'] });
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'backup-')), 'edited-backup.json');
    writeFileSync(file, JSON.stringify(backup));

    await library.getByLabel('Restore from a backup').setInputFiles(file);
    await library.getByRole('status').filter({ hasText: /Restored from edited-backup\.json: .* 1 conflict resolved, nothing dropped:/ }).waitFor();
    expect(await library.getByRole('list', { name: 'Conflicts resolved' }).locator('li').allTextContents()).toEqual([
      'Southampton City Council, Children and Families Scrutiny Panel 2016-12-15, item 5, clause (i): two different notes; the library’s note is kept and the backup’s is added after it.',
    ]);
    await library.getByRole('searchbox', { name: 'Search' }).fill('taxi');
    await library.getByLabel('From', { exact: true }).fill('2016-12-15');
    await library.getByLabel('To', { exact: true }).fill('2016-12-15');
    await library.getByRole('status').filter({ hasText: '1 clause matches.' }).waitFor();
    expect(await library.locator('table.results tbody tr td').nth(7).textContent()).toBe('library note\n\nFrom the backup: backup note');

    // Into an empty library, the forged fields are not taken from the file.
    const fresh = await launchWithExtension();
    try {
      const restored = await fresh.openExtensionPage('library.html', '', { width: 1400, height: 1000 });
      await restored.getByLabel('Restore from a backup').setInputFiles(file);
      await restored.getByRole('status').filter({ hasText: /Restored from edited-backup\.json/ }).waitFor();
      await restored.getByRole('searchbox', { name: 'Search' }).fill('zzforged');
      await restored.getByRole('status').filter({ hasText: '0 clauses match.' }).waitFor();
      await restored.getByRole('searchbox', { name: 'Search' }).fill('');
      await restored.getByRole('combobox', { name: 'Outcome' }).selectOption('deferred');
      await restored.getByRole('status').filter({ hasText: '0 clauses match.' }).waitFor();
      await restored.getByRole('combobox', { name: 'Outcome' }).selectOption('');
      await restored.getByRole('searchbox', { name: 'Search' }).fill('analysing');
      await restored.getByLabel('From', { exact: true }).fill('2016-12-15');
      await restored.getByLabel('To', { exact: true }).fill('2016-12-15');
      await restored.getByRole('status').filter({ hasText: '1 clause matches.' }).waitFor();
      await expect.poll(() => restored.locator('table.results tbody tr td:nth-child(6)').allTextContents()).toEqual(['resolved']);
    } finally {
      await fresh.close();
    }
    await Promise.all([page.close(), panel.close(), library.close()]);
  });
});
