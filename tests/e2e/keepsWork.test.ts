import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, openWithPanel, type ExtensionBrowser } from './support/browser';
import { SOUTHAMPTON, WORCESTERSHIRE } from './support/councils';
import { serveCouncil, type CouncilServer } from './support/server';

/** The researcher's work survives what the library used to lose it to (issue 12, findings 1 to 3). */

let browser: ExtensionBrowser;
const servers: CouncilServer[] = [];
beforeAll(async () => {
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
  for (const server of servers) await server.close();
});

/** A council's site at its real host name, where the content script is declared. */
async function council({ routes, host }: { routes: Record<string, string>; host: string }): Promise<CouncilServer> {
  const server = await serveCouncil({ ...routes }, host);
  servers.push(server);
  return server;
}

/** A copy of a fixture with its text edited, served in its place. */
function editedCopy(file: string, edit: (html: string) => string): string {
  const copy = path.join(mkdtempSync(path.join(tmpdir(), 'council-page-')), path.basename(file));
  const original = readFileSync(file, 'utf8');
  const edited = edit(original);
  expect(edited).not.toBe(original);
  writeFileSync(copy, edited);
  return copy;
}

async function annotate(panel: Page, name: string, note: string): Promise<void> {
  await panel.getByRole('button', { name: `Tags and note for ${name}` }).click();
  await panel.getByLabel('Note').fill(note);
  await panel.getByRole('button', { name: `Save tags and note for ${name}` }).click();
  await panel.getByRole('status').filter({ hasText: 'Saved tags and note.' }).waitFor();
  // The status may still be the previous note's: the note shown beside its record is this one's.
  await panel.getByText(`Note: ${note}`).waitFor();
}

/** The library's clause rows of one council's site as [label and text, note]. */
async function clauseRows(library: Page, site: CouncilServer): Promise<string[][]> {
  await library.getByRole('combobox', { name: 'Council' }).selectOption({ value: new URL(site.origin).host });
  await library.getByRole('status').filter({ hasText: /clauses? match/ }).waitFor();
  return library.locator('table.results tbody tr').evaluateAll((rows) =>
    rows.map((row) => {
      const cells = row.querySelectorAll('td');
      return [cells[4]?.textContent ?? '', cells[7]?.textContent ?? ''];
    }),
  );
}

describe('minutes cut short that could not be completed (finding 1)', () => {
  it('never replace the complete saved copy, by "Update saved copy", "Save item" or "Save meeting"; its clause keeps its note', async () => {
    const site = await council(WORCESTERSHIRE);
    const meetingUrl = site.url(WORCESTERSHIRE.meeting);
    const first = await openWithPanel(browser, meetingUrl);
    await first.panel.getByRole('status').filter({ hasText: /^Found 6 items\.$/ }).waitFor({ timeout: 20_000 });
    await first.panel.getByRole('button', { name: 'Save item 5', exact: true }).click();
    await first.panel.getByRole('status').filter({ hasText: 'Saved item 5.' }).waitFor();
    await annotate(first.panel, 'clause 1 of item 5', 'compare with Southampton');
    await Promise.all([first.page.close(), first.panel.close()]);

    // The item page now fails: the meeting page's item 5 stays cut short.
    site.routes[WORCESTERSHIRE.item] = '/nonexistent/item-page.html';
    const { page, panel } = await openWithPanel(browser, meetingUrl);
    await panel.getByRole('status').filter({ hasText: 'Partial: the full minutes of item 5 could not be fetched' }).waitFor({ timeout: 20_000 });
    expect(await panel.getByRole('status').textContent()).toContain("The council's site answered 404");

    await panel.getByRole('button', { name: 'Update saved copy' }).click();
    const preview = panel.getByRole('region', { name: 'What the update will change' });
    await preview.waitFor();
    expect(await preview.locator('dl').textContent()).toContain('Complete saved copy kept (the page’s minutes are cut short)item 5');
    await preview.getByRole('button', { name: 'Apply update' }).click();
    await panel.getByRole('status').filter({ hasText: 'Updated the saved copy to the page as it is now.' }).waitFor();

    await panel.getByRole('button', { name: 'Save item 6', exact: true }).click();
    await panel.getByRole('status').filter({ hasText: 'Saved item 6.' }).waitFor();
    // Saving the meeting offers the cut text only as a separate, explicit choice.
    expect(await panel.getByRole('button', { name: 'Save meeting with cut-short minutes (6 items)' }).count()).toBe(1);
    await panel.getByRole('button', { name: 'Save meeting (5 complete items)' }).click();
    await panel.getByRole('status').filter({ hasText: 'Saved the meeting: 6 items.' }).waitFor();
    expect(await panel.getByRole('list', { name: 'What was kept' }).textContent()).toBe('Complete saved copy kept (the page’s minutes are cut short): item 5.');

    const library = await browser.openExtensionPage('library.html');
    await library.getByRole('radio', { name: 'Items' }).check();
    await library.getByRole('searchbox', { name: 'Search' }).fill('Kidderminster');
    // Words only the item page has: item 5 is still the complete copy.
    await library.getByRole('status').filter({ hasText: '1 item matches.' }).waitFor();
    expect(await library.locator('table.results tbody tr td').nth(4).textContent()).toContain('Child Sexual Exploitation: Update');
    await library.getByRole('searchbox', { name: 'Search' }).fill('');
    await library.getByRole('radio', { name: 'Clauses' }).check();
    expect(await clauseRows(library, site)).toContainEqual(['that the update be noted.', 'compare with Southampton']);
    await Promise.all([page.close(), panel.close(), library.close()]);
  });
});

describe('tags and notes follow their clause (finding 2)', () => {
  it('a clause inserted above keeps the note on its clause; a clause dropped from the page is kept and marked; the update shows its changes first', async () => {
    const site = await council(SOUTHAMPTON);
    const meetingUrl = site.url(SOUTHAMPTON.meeting);
    const first = await openWithPanel(browser, meetingUrl);
    await first.panel.getByRole('status').filter({ hasText: 'Found 4 items.' }).waitFor();
    await first.panel.getByRole('button', { name: 'Save meeting (4 items)' }).click();
    await first.panel.getByText('✓ Meeting saved').waitFor();
    await annotate(first.panel, 'clause (i) of item 5', 'taxi note');
    await annotate(first.panel, 'clause (iii) of item 5', 'lobbying note');
    await Promise.all([first.page.close(), first.panel.close()]);

    // The council inserts a clause before (i), renumbers item 5's clauses and drops (iii).
    const file = SOUTHAMPTON.routes[SOUTHAMPTON.meeting as keyof typeof SOUTHAMPTON.routes];
    site.routes[SOUTHAMPTON.meeting] = editedCopy(file, (html) => {
      const start = html.indexOf('<p class="MsoNormal"><b style="">RESOLVED</b>');
      const end = html.indexOf('limited to statutory bodies.</p>', start) + 'limited to statutory bodies.</p>'.length;
      const block = html.slice(start, end);
      const dropped = block.slice(0, block.indexOf('<p class="MsoNormal" style="margin-left:54.0pt; text-indent:-18.0pt"><span style=""><span style="">(iii)'));
      const renumbered = dropped.replace('(ii)<span', '(iii)<span').replace('(i)<span', '(ii)<span');
      const inserted = renumbered.replace(
        '</span></p>\n',
        '</span></p>\n<p class="MsoNormal" style="margin-left:54.0pt; text-indent:-18.0pt"><span style=""><span style="">(i)<span style="font:7.0pt &quot;Times New Roman&quot;">&nbsp;\n</span></span></span>That the Panel receive a further update in March 2017;</p>\n',
      );
      return html.slice(0, start) + inserted + html.slice(end);
    });

    const { page, panel } = await openWithPanel(browser, meetingUrl);
    await panel.getByText('Changed since saved.').waitFor();
    const item5 = panel.locator('.item').first();
    await expect.poll(() => item5.locator('.clause-label').allTextContents()).toEqual(['(i)', '(ii)', '(iii)']);
    // The panel shows the note beside the taxi clause, now (ii), not beside the new (i).
    await expect.poll(() => item5.locator('.clause').nth(1).textContent()).toContain('Note: taxi note');
    expect(await item5.locator('.clause').nth(0).textContent()).not.toContain('Note:');

    await panel.getByRole('button', { name: 'Update saved copy' }).click();
    const preview = panel.getByRole('region', { name: 'What the update will change' });
    await preview.waitFor();
    const lines = await preview.locator('dt, dd').allTextContents();
    expect(lines).toEqual([
      'Added',
      'clause (i) of item 5',
      'Changed on the page',
      'item 5; clause (ii) of item 5 (was (i)); clause (iii) of item 5 (was (ii))',
      'No longer on the page, kept and marked',
      'clause (iii) of item 5 (kept, with its tags and note)',
      'Tags and notes kept on',
      'clause (ii) of item 5 (they follow the clause from place 1 to 2)',
    ]);
    await preview.getByRole('button', { name: 'Apply update' }).click();
    await panel.getByRole('status').filter({ hasText: 'Updated the saved copy to the page as it is now.' }).waitFor();
    await panel.getByText('✓ Meeting saved').waitFor();

    const library = await browser.openExtensionPage('library.html', '', { width: 1400, height: 1000 });
    const rows = await clauseRows(library, site);
    expect(rows.slice(0, 4)).toEqual([
      ['(i) That the Panel receive a further update in March 2017;', ''],
      ['(ii) That the Licensing Committee consider making CSE training a condition of receiving a taxi licence in Southampton;', 'taxi note'],
      [expect.stringMatching(/^\(iii\) That, in recognition of the benefits/), ''],
      [expect.stringMatching(/^\(iii\) Under the proposed mandatory reporting duty .* \(no longer on the page; kept\)$/), 'lobbying note'],
    ]);
    await Promise.all([page.close(), panel.close(), library.close()]);
  });
});

describe('an edit to a record deleted in another tab (finding 3)', () => {
  it('says the item is no longer in the library, not "Saved", and keeps the typed note in the form', async () => {
    const site = await council(SOUTHAMPTON);
    const { page, panel } = await openWithPanel(browser, site.url(SOUTHAMPTON.meeting));
    await panel.getByRole('status').filter({ hasText: 'Found 4 items.' }).waitFor();
    await panel.getByRole('button', { name: 'Save item 7', exact: true }).click();
    await panel.getByRole('status').filter({ hasText: 'Saved item 7.' }).waitFor();
    await panel.getByRole('button', { name: 'Tags and note for item 7' }).click();
    await panel.getByLabel('Note').fill('performance figures to check');

    // Meanwhile, in the library tab, the item is deleted.
    const library = await browser.openExtensionPage('library.html', '', { width: 1400, height: 1000 });
    library.on('dialog', (dialog) => void dialog.accept());
    await library.getByRole('radio', { name: 'Items' }).check();
    await library.getByRole('combobox', { name: 'Council' }).selectOption({ value: new URL(site.origin).host });
    await library.getByRole('status').filter({ hasText: '1 item matches.' }).waitFor();
    await library.getByRole('button', { name: 'Delete item 7' }).click();
    await library.getByRole('status').filter({ hasText: 'Deleted the item and its clauses.' }).waitFor();

    await panel.getByRole('button', { name: 'Save tags and note for item 7' }).click();
    const status = panel.getByRole('status');
    await status.filter({ hasText: 'Item 7 is no longer in the library (deleted, perhaps in another tab), so the tags and note were not saved.' }).waitFor();
    expect(await status.getAttribute('class')).toContain('status-error');
    expect(await panel.getByLabel('Note').inputValue()).toBe('performance figures to check');
    await Promise.all([page.close(), panel.close(), library.close()]);
  });
});
