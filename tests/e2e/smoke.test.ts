import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchWithExtension, tabIdOf, toolbarOf, type ExtensionBrowser } from './support/browser';
import { serveCouncil, type CouncilServer } from './support/server';

let browser: ExtensionBrowser;
let site: CouncilServer;
beforeAll(async () => {
  site = await serveCouncil({ '/mg/ieListDocuments.aspx?CId=1&MId=2': '/tmp/smoke/page.html' });
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

it('smoke', async () => {
  const page = await browser.context.newPage();
  const url = site.url('/mg/ieListDocuments.aspx?CId=1&MId=2');
  await page.goto(url);
  const tabId = await tabIdOf(browser.worker, url);
  await expect.poll(() => toolbarOf(browser.worker, tabId), { timeout: 10_000 }).toEqual({ badge: '2', title: 'Meeting: 2 items' });
  const panel = await browser.openExtensionPage('sidepanel.html', `?tabId=${tabId}`, { width: 400, height: 900 });
  await panel.getByRole('status').filter({ hasText: 'Found 2 items' }).waitFor();
  await panel.screenshot({ path: '/tmp/smoke/panel.png' });
});
