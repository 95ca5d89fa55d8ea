import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, openWithPanel, toolbarOf, type ExtensionBrowser } from './support/browser';
import { SOUTHAMPTON } from './support/councils';
import { serveCouncil, type CouncilServer } from './support/server';

let site: CouncilServer;
let browser: ExtensionBrowser;
beforeAll(async () => {
  // Southampton's four items, 28 times over, each with 100,000 characters of minutes first
  // (the most one text keeps): 112 items and over 11 MB read, more than storage.session's 10 MB.
  const html = readFileSync(SOUTHAMPTON.meetingFile, 'utf8');
  const start = html.indexOf('<tr>', html.indexOf('</th></tr>'));
  const end = html.indexOf('</table>', start);
  const long = `<p class="MsoNormal">${'The Panel discussed the report at length. '.repeat(2400)}</p>`;
  const rows = html.slice(start, end).replace(/(Minutes:<\/p>\s*<div class="mgWordPara"><div class="WordSection1">)/g, `$1${long}`);
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'large-meeting-')), 'meeting.html');
  writeFileSync(file, html.slice(0, start) + rows.repeat(28) + html.slice(end));
  site = await serveCouncil({ [SOUTHAMPTON.meeting]: file }, SOUTHAMPTON.host);
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('a meeting page too large for session storage', () => {
  it('is shown whole in the panel with a note saying why it is read from the tab, not called "not a council page"', async () => {
    const { page, panel, tabId } = await openWithPanel(browser, site.url(SOUTHAMPTON.meeting));
    await expect.poll(() => toolbarOf(browser.worker, tabId), { timeout: 30_000 }).toEqual({ badge: '112', title: 'Meeting: 112 items' });
    const status = panel.getByRole('status').filter({ hasText: /^Found 112 items\. This page is too large \(\d+\.\d MB read\) to keep in the browser's session storage/ });
    await status.waitFor({ timeout: 30_000 });
    expect(await status.textContent()).toContain('the panel reads it from the open tab, so keep the tab open while you save from it.');
    expect(await panel.getByText('Not a council meeting page.').count()).toBe(0);
    // The whole reading, from the tab: every item, with its minutes.
    await expect.poll(() => panel.locator('.item').count()).toBe(112);
    expect(await panel.getByRole('button', { name: 'Save meeting (112 items)' }).isEnabled()).toBe(true);
    await Promise.all([page.close(), panel.close()]);
  }, 90_000);
});
