import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, tabIdOf, toolbarOf, type ExtensionBrowser } from './support/browser';
import { SOUTHAMPTON } from './support/councils';
import { serveCouncil, type CouncilServer } from './support/server';

/** The library on a nearly full disk (issue 15): the browser's estimate is faked in the panel before its scripts run. */

let browser: ExtensionBrowser;
let site: CouncilServer;
beforeAll(async () => {
  site = await serveCouncil(SOUTHAMPTON.routes, SOUTHAMPTON.host);
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** The meeting page in a tab, read; then the panel pinned to it, with `init` run in the panel first. */
async function panelWith(init: string): Promise<{ page: Page; panel: Page }> {
  const url = site.url(SOUTHAMPTON.meeting);
  const page = await browser.context.newPage();
  await page.goto(url);
  const tabId = await tabIdOf(browser.worker, url);
  await expect.poll(() => toolbarOf(browser.worker, tabId).then((t) => t.badge), { timeout: 20_000 }).toBe('4');
  const panel = await browser.context.newPage();
  await panel.setViewportSize({ width: 420, height: 1000 });
  await panel.addInitScript(init);
  await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tabId=${tabId}`);
  return { page, panel };
}

describe('saving when the disk is nearly full', () => {
  it('says nothing was saved when the browser refuses the write for lack of space', async () => {
    // Every IndexedDB write in the panel refused, as a full disk refuses it.
    const { page, panel } = await panelWith(
      "IDBObjectStore.prototype.put = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };",
    );
    await panel.getByRole('button', { name: 'Save meeting (4 items)' }).click();
    const status = panel.getByRole('status').filter({ hasText: 'The disk is full' });
    await status.waitFor({ timeout: 20_000 });
    expect(await status.textContent()).toBe('The disk is full: nothing was saved and the library is unchanged. Free some disk space and try again.');
    expect(await panel.locator('.saved-mark').count()).toBe(0);
    await Promise.all([page.close(), panel.close()]);
  }, 60_000);

  it('saves, and says space is running out and that the library is kept', async () => {
    // 20 MiB left of 10 GiB.
    const { page, panel } = await panelWith(`navigator.storage.estimate = async () => ({ usage: ${10 * 1024 ** 3 - 20 * 1024 ** 2}, quota: ${10 * 1024 ** 3} });`);
    await panel.getByRole('button', { name: 'Save meeting (4 items)' }).click();
    const status = panel.getByRole('status').filter({ hasText: 'Space is running out' });
    await status.waitFor({ timeout: 20_000 });
    expect(await status.textContent()).toBe(
      'Saved the meeting: 4 items. Space is running out: about 20 MiB is left for the library. Everything already in the library is kept. ' +
        'Free some disk space before saving more: a save the browser refuses for lack of space is not written at all.',
    );
    await panel.getByText('✓ Meeting saved').waitFor();
    await Promise.all([page.close(), panel.close()]);
  }, 60_000);
});
