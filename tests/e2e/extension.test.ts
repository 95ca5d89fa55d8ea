import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WxtBrowser } from 'wxt/browser';
import { clickToolbarButton, iconOf, launchWithExtension, newProfileDir, openWithPanel, recordIconCalls, tabIdOf, toolbarOf, type ExtensionBrowser } from './support/browser';
import { axeViolations } from './support/axe';
import { SOUTHAMPTON, WORCESTERSHIRE } from './support/councils';
import { serveCouncil, type CouncilServer } from './support/server';
import { withoutFilePicker } from './support/saveFile';

/** The extension API inside the service worker. */
declare const chrome: WxtBrowser;

let southampton: CouncilServer;
let worcestershire: CouncilServer;
const profile = newProfileDir();
let browser: ExtensionBrowser;

beforeAll(async () => {
  southampton = await serveCouncil({ ...SOUTHAMPTON.routes }, SOUTHAMPTON.host);
  worcestershire = await serveCouncil({ ...WORCESTERSHIRE.routes }, WORCESTERSHIRE.host);
  browser = await launchWithExtension(profile);
});
afterAll(async () => {
  await browser?.close();
  await southampton?.close();
  await worcestershire?.close();
});

describe('on council pages', () => {
  it('badges a meeting page on its council domain with its item count and the coloured icon, with no grant, and leaves other pages alone', async () => {
    await recordIconCalls(browser.worker);
    const meeting = await browser.context.newPage();
    const meetingUrl = southampton.url(SOUTHAMPTON.meeting);
    await meeting.goto(meetingUrl);
    const meetingTab = await tabIdOf(browser.worker, meetingUrl);
    // Items 5, 6, 7 and 8 of the Southampton page.
    await expect.poll(() => toolbarOf(browser.worker, meetingTab), { timeout: 15_000 }).toEqual({ badge: '4', title: 'Meeting: 4 items' });
    await expect.poll(() => iconOf(browser.worker, meetingTab)).toBe('/icon/16.png');

    const news = await browser.context.newPage();
    const newsUrl = southampton.url('/news/council-news.html');
    await news.goto(newsUrl);
    const newsTab = await tabIdOf(browser.worker, newsUrl);
    expect(await toolbarOf(browser.worker, newsTab)).toEqual({ badge: '', title: 'Council Minutes' });

    // Navigating the meeting tab away clears its badge.
    await meeting.goto(newsUrl);
    await expect.poll(() => toolbarOf(browser.worker, meetingTab), { timeout: 10_000 }).toEqual({ badge: '', title: 'Council Minutes' });
    await expect.poll(() => iconOf(browser.worker, meetingTab)).toBe('/icon-idle/16.png');
    await Promise.all([meeting.close(), news.close()]);
  });

  it('shows the meeting, its items and clauses in the panel, and saves the meeting', async () => {
    const { page, panel } = await openWithPanel(browser, southampton.url(SOUTHAMPTON.meeting));
    await panel.getByRole('status').filter({ hasText: 'Found 4 items.' }).waitFor();
    await expect.poll(() => panel.locator('.meeting-header h2').textContent()).toBe('Children and Families Scrutiny Panel');
    expect(await panel.locator('.meeting-header').textContent()).toContain('Conference Room 3 - Civic Centre');
    expect(await panel.locator('.item h3').allTextContents()).toEqual([
      '5. Child Sexual Exploitation in Southampton - Update',
      '6. Elective Home Education and Safeguarding Arrangements',
      '7. Children and Families Performance',
      '8. Monitoring Scrutiny Recommendations',
    ]);
    const clauses = await panel.locator('.clause').evaluateAll((els) => els.map((el) => el.querySelector('.clause-label')?.textContent ?? ''));
    // Item 8's one decision, "The Panel noted the report …", is unlabelled.
    expect(clauses).toEqual(['(i)', '(ii)', '(iii)', '(i)', '(ii)', '(iii)', '(iv)', '•']);
    expect(await panel.locator('.clause-text').first().textContent()).toBe(
      'That the Licensing Committee consider making CSE training a condition of receiving a taxi licence in Southampton;',
    );
    expect(await axeViolations(panel)).toEqual([]);

    await panel.getByRole('button', { name: 'Save meeting (4 items)' }).click();
    await panel.getByRole('status').filter({ hasText: 'Saved the meeting: 4 items.' }).waitFor();
    await panel.getByText('✓ Meeting saved').waitFor();
    // Saving again is idempotent: the button is gone, every item and clause carries its mark.
    expect(await panel.locator('.saved-mark').count()).toBe(1 + 4 + 8);
    expect(await axeViolations(panel)).toEqual([]);
    await Promise.all([page.close(), panel.close()]);
  });

  it('completes minutes cut short on the page from the item page', async () => {
    const { page, panel } = await openWithPanel(browser, worcestershire.url(WORCESTERSHIRE.meeting));
    await panel.getByRole('status').filter({ hasText: /^Found 6 items\.$/ }).waitFor({ timeout: 20_000 });
    expect(worcestershire.requests).toContain(WORCESTERSHIRE.item);
    const item5 = panel.locator('.item').nth(4);
    await item5.locator('summary').click();
    const minutes = await item5.locator('.minutes-text').textContent();
    expect(minutes).toContain('A Member referred to a recent incident in a Kidderminster');
    expect(minutes).not.toContain('view the full minutes text');
    expect(await item5.locator('summary').textContent()).not.toContain('cut short');
    expect(await item5.locator('.clause-text').allTextContents()).toEqual(['that the update be noted.']);
    await Promise.all([page.close(), panel.close()]);
  });
});

describe('a council on unusual addresses', () => {
  it('reads its pages once the site is allowed from the panel', async () => {
    // The same ModernGov markup, served where no content-script pattern matches: committees.example.org
    // is the one site the e2e build has allowed already (its permission prompt cannot be clicked here).
    const site = await serveCouncil({ '/committees/children-families/3-november-2016': SOUTHAMPTON.meetingFile }, 'committees.example.org');
    const url = site.url('/committees/children-families/3-november-2016');
    const { page, panel, tabId } = await openWithPanel(browser, url);
    await panel.getByRole('status').filter({ hasText: 'Not a council meeting page.' }).waitFor();
    expect(await toolbarOf(browser.worker, tabId)).toEqual({ badge: '', title: 'Council Minutes' });
    await panel.getByRole('button', { name: "Read this site's pages" }).click();
    await panel.getByRole('status').filter({ hasText: 'Found 4 items.' }).waitFor();
    await expect.poll(() => toolbarOf(browser.worker, tabId)).toEqual({ badge: '4', title: 'Meeting: 4 items' });
    // And from now on the site's pages are read as they load.
    await page.reload();
    await expect.poll(() => toolbarOf(browser.worker, tabId), { timeout: 10_000 }).toEqual({ badge: '4', title: 'Meeting: 4 items' });
    await Promise.all([page.close(), panel.close()]);
    await site.close();
  });

  it('reads a meeting page on a domain the content script is not declared on after a toolbar click', async () => {
    // A council on gov.uk that is not in the declared list: nothing is read until the reader asks.
    const site = await serveCouncil({ [SOUTHAMPTON.meeting]: SOUTHAMPTON.meetingFile }, 'democracy.unlisted-council.gov.uk');
    const { page, panel, tabId } = await openWithPanel(browser, site.url(SOUTHAMPTON.meeting));
    await panel.getByRole('status').filter({ hasText: 'Not a council meeting page.' }).waitFor();
    expect(await toolbarOf(browser.worker, tabId)).toEqual({ badge: '', title: 'Council Minutes' });
    await clickToolbarButton(browser, page);
    await panel.getByRole('status').filter({ hasText: 'Found 4 items.' }).waitFor();
    await expect.poll(() => toolbarOf(browser.worker, tabId)).toEqual({ badge: '4', title: 'Meeting: 4 items' });
    // The click granted this tab for this page only: the next page load is not read.
    await page.reload();
    await expect.poll(() => toolbarOf(browser.worker, tabId), { timeout: 10_000 }).toEqual({ badge: '', title: 'Council Minutes' });
    await panel.getByRole('status').filter({ hasText: 'Not a council meeting page.' }).waitFor();
    await Promise.all([page.close(), panel.close()]);
    await site.close();
  });

  it('does not run where a page name is only in the query string of a council page', async () => {
    // After a slash, as in a path: only the exclusion of query strings keeps the script out.
    const address = '/redirect.aspx?to=/modernGov/ieListDocuments.aspx';
    southampton.routes[address] = SOUTHAMPTON.meetingFile;
    const { page, panel, tabId } = await openWithPanel(browser, southampton.url(address));
    // The page holds a whole meeting's markup: read, it would be badged; it is not read at all.
    await panel.getByRole('status').filter({ hasText: 'Not a council meeting page.' }).waitFor();
    expect(await toolbarOf(browser.worker, tabId)).toEqual({ badge: '', title: 'Council Minutes' });
    expect(await browser.worker.evaluate((id) => chrome.storage.session.get(`tab:${id}`), tabId)).toEqual({});
    await Promise.all([page.close(), panel.close()]);
  });
});

describe('the library', () => {
  it('still has the meeting after the browser restarts; search finds a clause; CSV has the rows', async () => {
    await browser.close();
    browser = await launchWithExtension(profile);
    const library = await browser.openExtensionPage('library.html');
    await library.getByRole('status').filter({ hasText: '8 clauses match.' }).waitFor();
    expect(await library.locator('table.results tbody tr').count()).toBe(8);
    expect(await axeViolations(library)).toEqual([]);

    await library.getByRole('searchbox', { name: 'Search' }).fill('taxi');
    await library.getByRole('status').filter({ hasText: '1 clause matches.' }).waitFor();
    expect(await library.locator('table.results tbody tr .clause-cell').textContent()).toBe(
      '(i) That the Licensing Committee consider making CSE training a condition of receiving a taxi licence in Southampton;',
    );

    await library.getByRole('searchbox', { name: 'Search' }).fill('');
    await library.getByRole('status').filter({ hasText: '8 clauses match.' }).waitFor();
    await withoutFilePicker(library);
    const [download] = await Promise.all([library.waitForEvent('download'), library.getByRole('button', { name: 'Export clauses as CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^council-minutes-clauses-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = readFileSync((await download.path()) as string, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true }).data;
    expect(rows).toHaveLength(8);
    expect(rows.map((r) => `${r.item_number} ${r.clause_label}`.trim())).toEqual(['5 (i)', '5 (ii)', '5 (iii)', '6 (i)', '6 (ii)', '6 (iii)', '6 (iv)', '8']);
    expect(rows.map((r) => [r.formula, r.section, r.exempt])[7]).toEqual(['The Panel noted', 'minutes', 'no']);
    expect(rows[6]).toMatchObject({
      committee: 'Children and Families Scrutiny Panel',
      meeting_date: '2016-11-03',
      item_title: 'Elective Home Education and Safeguarding Arrangements',
      clause_text:
        'That, the Cabinet Member writes to the 3 Southampton MPs encouraging them to lobby Government to strengthen the statutory duties placed upon local authorities with regards to the oversight of children educated at home.',
    });
    await library.close();
  });
});

describe('a page edited since it was saved', () => {
  it('says "changed since saved", updates the saved copy on request, and keeps tags', async () => {
    // The council corrects clause (i) of item 5 after the meeting was saved.
    const edited = path.join(mkdtempSync(path.join(tmpdir(), 'council-page-')), 'southampton-edited.html');
    const original = readFileSync(SOUTHAMPTON.routes['/modernGov/ieListDocuments.aspx?CId=600&MId=7105&Ver=4'], 'utf8');
    expect(original).toContain('condition of receiving a taxi licence');
    writeFileSync(edited, original.replace('condition of receiving a taxi licence', 'condition of receiving a taxi or private hire licence'));
    southampton.routes[SOUTHAMPTON.meeting] = edited;

    const { page, panel } = await openWithPanel(browser, southampton.url(SOUTHAMPTON.meeting));
    await panel.getByText('Changed since saved.').waitFor();
    await panel.getByRole('button', { name: 'Tags and note for clause (i) of item 5' }).click();
    await panel.getByLabel('Tags (comma separated)').fill('taxis, licensing');
    await panel.getByLabel('Note').fill('compare with Worcestershire');
    await panel.getByRole('button', { name: 'Save tags and note for clause (i) of item 5' }).click();
    await panel.getByRole('status').filter({ hasText: 'Saved tags and note.' }).waitFor();

    await panel.getByRole('button', { name: 'Update saved copy' }).click();
    // What will change is shown first; nothing is written until it is applied.
    const preview = panel.getByRole('region', { name: 'What the update will change' });
    await preview.waitFor();
    expect(await preview.locator('dt, dd').allTextContents()).toEqual([
      'Changed on the page',
      'item 5; clause (i) of item 5',
      'Tags and notes kept on',
      'clause (i) of item 5',
    ]);
    await preview.getByRole('button', { name: 'Apply update' }).click();
    await panel.getByRole('status').filter({ hasText: 'Updated the saved copy to the page as it is now.' }).waitFor();
    await panel.getByText('✓ Meeting saved').waitFor();
    expect(await panel.getByText('Changed since saved.').count()).toBe(0);

    const library = await browser.openExtensionPage('library.html');
    await library.getByRole('searchbox', { name: 'Search' }).fill('private hire');
    await library.getByRole('status').filter({ hasText: '1 clause matches.' }).waitFor();
    const row = library.locator('table.results tbody tr');
    expect(await row.locator('.clause-cell').textContent()).toContain('a taxi or private hire licence in Southampton;');
    expect(await row.locator('td').nth(6).textContent()).toBe('taxis, licensing');
    expect(await row.locator('td').nth(7).textContent()).toBe('compare with Worcestershire');
    // Still one copy of the meeting: eight clauses.
    await library.getByRole('searchbox', { name: 'Search' }).fill('');
    await library.getByRole('status').filter({ hasText: '8 clauses match.' }).waitFor();
    await Promise.all([page.close(), panel.close(), library.close()]);
  });
});
