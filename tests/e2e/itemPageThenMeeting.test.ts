import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, openWithPanel, type ExtensionBrowser } from './support/browser';
import { WORCESTERSHIRE } from './support/councils';
import { serveCouncil, type CouncilServer } from './support/server';

/** An item saved from its own agenda-item page, then with its meeting, is one record that keeps its note (issue 11: every kind of page saved). */

let browser: ExtensionBrowser;
let site: CouncilServer;
beforeAll(async () => {
  site = await serveCouncil({ ...WORCESTERSHIRE.routes }, WORCESTERSHIRE.host);
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function annotate(panel: Page, name: string, note: string): Promise<void> {
  await panel.getByRole('button', { name: `Tags and note for ${name}` }).click();
  await panel.getByLabel('Note').fill(note);
  await panel.getByRole('button', { name: `Save tags and note for ${name}` }).click();
  await panel.getByText(`Note: ${note}`).waitFor();
}

describe('an agenda-item page and its meeting page', () => {
  it('save one item, not two; the note typed on the item page stays on its clause', async () => {
    const item = await openWithPanel(browser, site.url(WORCESTERSHIRE.item));
    await item.panel.getByRole('status').filter({ hasText: 'Found a ModernGov item page.' }).waitFor({ timeout: 20_000 });
    await item.panel.getByRole('button', { name: 'Save item 5', exact: true }).click();
    await item.panel.getByText('✓ Saved').first().waitFor();
    await annotate(item.panel, 'clause 1 of item 5', 'ask for the action plan');
    await Promise.all([item.page.close(), item.panel.close()]);

    const meeting = await openWithPanel(browser, site.url(WORCESTERSHIRE.meeting));
    await meeting.panel.getByRole('status').filter({ hasText: /^Found 6 items\.$/ }).waitFor({ timeout: 20_000 });
    await meeting.panel.getByRole('button', { name: /^Save meeting \(6 items\)$/ }).click();
    await meeting.panel.getByRole('status').filter({ hasText: 'Saved the meeting: 6 items.' }).waitFor();
    await Promise.all([meeting.page.close(), meeting.panel.close()]);

    const library = await browser.openExtensionPage('library.html');
    await library.getByRole('radio', { name: 'Items' }).check();
    // The meeting's six items, item 5 once (saved first from its own page).
    await library.getByRole('status').filter({ hasText: '6 items match.' }).waitFor();
    await library.getByRole('searchbox', { name: 'Search' }).fill('Kidderminster');
    await library.getByRole('status').filter({ hasText: '1 item matches.' }).waitFor();
    expect(await library.locator('table.results tbody tr td').nth(4).textContent()).toContain('Child Sexual Exploitation: Update');
    await library.getByRole('searchbox', { name: 'Search' }).fill('');
    await library.getByRole('radio', { name: 'Clauses' }).check();
    await library.getByRole('status').filter({ hasText: /clauses? match/ }).waitFor();
    const rows = await library.locator('table.results tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.querySelectorAll('td')[4]?.textContent ?? '', tr.querySelectorAll('td')[7]?.textContent ?? '']));
    expect(rows).toContainEqual(['that the update be noted.', 'ask for the action plan']);
    await library.close();
  });
});
