import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, openWithPanel, type ExtensionBrowser } from './support/browser';
import { FIXTURES_DIR } from './support/paths';
import { serveCouncil, type CouncilServer } from './support/server';

/**
 * Council Tax Support schemes of four councils as researchers save them (tests/fixtures/topics,
 * labelled `council-tax-support` there): Darlington's agenda-item page (item 44), Tameside's
 * decision page (decided at the Executive Cabinet, no agenda item id in its address), Medway's and
 * Bath and North East Somerset's meeting pages (item 656; item 68), each with procedural items
 * (Medway 650–652; Bath 64–67).
 */
const topic = (file: string) => path.join(FIXTURES_DIR, 'topics', file);
const PAGES = {
  darlington: { host: 'democracy.darlington.gov.uk', path: '/mgAi.aspx?ID=10486', file: topic('darlington-item-2023-11-30.html') },
  tameside: { host: 'tameside.moderngov.co.uk', path: '/ieDecisionDetails.aspx?ID=229', file: topic('tameside-decision-2018-12-12.html') },
  medway: { host: 'democracy.medway.gov.uk', path: '/ieListDocuments.aspx?CId=122&MId=6870', file: topic('medway-meeting-2024-02-29.html') },
  bath: { host: 'democracy.bathnes.gov.uk', path: '/ieListDocuments.aspx?CId=124&MId=5268', file: topic('bathnes-meeting-2019-11-14.html') },
};
type Council = keyof typeof PAGES;

let browser: ExtensionBrowser;
const sites = new Map<Council, CouncilServer>();
beforeAll(async () => {
  for (const [name, page] of Object.entries(PAGES) as [Council, (typeof PAGES)[Council]][]) sites.set(name, await serveCouncil({ [page.path]: page.file }, page.host));
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
  for (const site of sites.values()) await site.close();
});

/** Opens a council's page with the panel, waits for it to be read, and clicks the save button named. */
async function saveFromPanel(council: Council, found: string, button: string | RegExp, saved: string): Promise<void> {
  const site = sites.get(council) as CouncilServer;
  const { page, panel } = await openWithPanel(browser, site.url(PAGES[council].path));
  await panel.getByRole('status').filter({ hasText: found }).waitFor();
  await panel.getByRole('button', { name: button }).click();
  await panel.getByText(saved).first().waitFor();
  await Promise.all([page.close(), panel.close()]);
}

const texts = async (page: Page | Locator, selector: string) => (await page.locator(selector).allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());

describe('comparing what researchers save: agenda-item, decision and meeting pages', () => {
  it('saves an agenda-item page and a decision page as items, and groups them with a meeting item of a third council', async () => {
    await saveFromPanel('darlington', 'Found a ModernGov item page.', /^Save item 44/, '✓ Saved');
    await saveFromPanel('tameside', 'Found a ModernGov decision page.', 'Save item Council Tax Support Scheme', '✓ Saved');
    await saveFromPanel('medway', 'Found 4 items.', 'Save meeting (4 items)', '✓ Meeting saved');

    const library = await browser.openExtensionPage('library.html', '', { width: 1400, height: 1000 });
    // The items view and search take the items saved from their own pages.
    await library.getByRole('radio', { name: 'Items' }).check();
    await library.getByRole('status').filter({ hasText: '6 items match.' }).waitFor();
    expect(await texts(library, 'table.results tbody tr td:nth-child(5) summary')).toEqual(expect.arrayContaining(['Council Tax Support Scheme 2024/25', 'Council Tax Support Scheme', 'Council Tax Reduction Scheme 2024/2025']));

    await library.getByRole('radio', { name: 'Compare councils' }).check();
    const topics = library.getByLabel('Topic found in your library');
    await expect.poll(() => texts(library, '.compare select option')).toEqual([expect.stringMatching(/ — 3 items, 3 councils$/)]);
    expect(await texts(library, '.compare-column h3')).toEqual(expect.arrayContaining(['Darlington Borough Council', 'Tameside Metropolitan Borough Council', 'Medway Council']));
    expect(await texts(library, '.compare-title')).toEqual(expect.arrayContaining(['44. Council Tax Support Scheme 2024/25', 'Council Tax Support Scheme', '656. Council Tax Reduction Scheme 2024/2025']));

    // Procedure apart, listed on request: Medway's apologies, record of meeting and declarations.
    const procedural = library.locator('.compare-procedural');
    expect(await texts(library, '.compare-procedural summary')).toEqual(['3 procedural items not compared']);
    expect(await procedural.locator('li').first().isVisible()).toBe(false);
    await procedural.locator('summary').click();
    await expect.poll(() => procedural.locator('li').first().isVisible()).toBe(true);
    expect(await texts(library, '.compare-procedural li')).toEqual([
      expect.stringContaining('650. Apologies for absence'),
      expect.stringContaining('651. Record of meeting'),
      expect.stringContaining('652. Declarations of Disclosable Pecuniary Interests'),
    ]);

    // Over time: councils by year, each cell linking its items; a council's items in date order; CSV.
    expect(await texts(library, 'table.over-time thead th')).toEqual(['Council', '2018', '2023', '2024']);
    expect((await texts(library, 'table.over-time tbody th')).sort()).toEqual(['Darlington Borough Council', 'Medway Council', 'Tameside Metropolitan Borough Council']);
    const tameside = library.locator('table.over-time tbody tr').filter({ hasText: 'Tameside' });
    expect(await texts(tameside, 'td a')).toEqual(['2018-12-12 Council Tax Support Scheme']);
    await tameside.getByRole('button', { name: 'Tameside Metropolitan Borough Council' }).click();
    expect(await texts(library, '.council-history li')).toEqual([expect.stringContaining('Executive Cabinet: 2018-12-12 Council Tax Support Scheme')]);
    const [download] = await Promise.all([library.waitForEvent('download'), library.getByRole('button', { name: 'Export over time as CSV' }).click()]);
    const csv = readFileSync((await download.path()) as string, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(csv[0]).toBe('topic,council,host,year,meeting_date,committee,item_number,item_title,outcome');
    expect(csv.slice(1).map((row) => row.split(',')[1]).sort()).toEqual(['Darlington Borough Council', 'Medway Council', 'Tameside Metropolitan Borough Council']);

    // The view stays open while another council's meeting is saved from the panel: the group takes it in.
    await saveFromPanel('bath', 'Found 5 items.', 'Save meeting (5 items)', '✓ Meeting saved');
    await expect.poll(() => texts(library, '.compare select option')).toEqual([expect.stringMatching(/ — 4 items, 4 councils$/)]);
    expect(await topics.inputValue()).toMatch(/^group:/);
    expect(await texts(library, '.compare-column h3')).toContain('Bath and North East Somerset Council');
    expect(await texts(library, '.compare-title')).toContain('68. LOCAL COUNCIL TAX REDUCTION SCHEME 2020/21');
    expect(await texts(library, 'table.over-time thead th')).toEqual(['Council', '2018', '2019', '2023', '2024']);
    expect(await texts(library, '.compare-procedural summary')).toEqual(['7 procedural items not compared']);

    // Still open while Bath's item 68 is deleted in another library tab: it leaves the group.
    const other = await browser.openExtensionPage('library.html', '', { width: 1400, height: 1000 });
    other.on('dialog', (dialog) => void dialog.accept());
    await other.getByRole('radio', { name: 'Items' }).check();
    await other.getByRole('status').filter({ hasText: '11 items match.' }).waitFor();
    await other.getByRole('button', { name: 'Delete item 68' }).click();
    await other.getByRole('status').filter({ hasText: 'Deleted the item and its clauses.' }).waitFor();
    await other.close();
    // A bound on the wait, not on speed: the other tab's write reaches this one through the browser.
    await expect.poll(() => texts(library, '.compare select option'), { timeout: 10_000 }).toEqual([expect.stringMatching(/ — 3 items, 3 councils$/)]);
    expect(await texts(library, '.compare-column h3')).not.toContain('Bath and North East Somerset Council');
    expect(await texts(library, '.compare-title')).not.toContain('68. LOCAL COUNCIL TAX REDUCTION SCHEME 2020/21');
    expect(await texts(library, 'table.over-time thead th')).toEqual(['Council', '2018', '2023', '2024']);
    await library.close();
  });
});
