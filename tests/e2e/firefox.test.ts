import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newProfileDir } from './support/browser';
import { SOUTHAMPTON } from './support/councils';
import { launchFirefox, type FirefoxWithExtension } from './support/firefox';
import { serveCouncil, type CouncilServer } from './support/server';

let southampton: CouncilServer;
const profile = newProfileDir();
let firefox: FirefoxWithExtension;

beforeAll(async () => {
  southampton = await serveCouncil({ ...SOUTHAMPTON.routes }, SOUTHAMPTON.host);
  firefox = await launchFirefox(profile);
});
afterAll(async () => {
  await firefox?.close();
  await southampton?.close();
});

async function tabIdOf(url: string): Promise<number> {
  return firefox.inBackground(async (api, target) => {
    const tab = (await api.tabs.query({})).find((t) => t.url === target);
    if (tab?.id === undefined) throw new Error(`no tab shows ${target}`);
    return tab.id;
  }, url);
}

async function toolbarOf(tabId: number): Promise<{ badge: string; title: string }> {
  return firefox.inBackground(
    async (api, id) => ({ badge: await api.action.getBadgeText({ tabId: id }), title: await api.action.getTitle({ tabId: id }) }),
    tabId,
  );
}

/**
 * The action API has no getter for a tab's icon: the background's `setIcon` is wrapped so that
 * each call is also recorded (the call itself still goes to Firefox).
 */
async function recordIconCalls(): Promise<void> {
  await firefox.inBackground((api) => {
    const calls: { tabId?: number | null; icon: string }[] = [];
    const setIcon = api.action.setIcon.bind(api.action);
    Object.assign(globalThis, { iconCalls: calls });
    api.action.setIcon = (details) => {
      calls.push({ tabId: details.tabId, icon: String((details.path as Record<number, string>)[16]) });
      return setIcon(details);
    };
    return null;
  }, null);
}

/** The 16 px icon last set for a tab, e.g. `/icon/16.png`. */
async function iconOf(tabId: number): Promise<string | undefined> {
  return firefox.inBackground(
    (_api, id) => (globalThis as unknown as { iconCalls: { tabId?: number; icon: string }[] }).iconCalls.filter((c) => c.tabId === id).at(-1)?.icon,
    tabId,
  );
}

/** Text of the first element matching `selector` whose text contains `text`, once there is one. */
async function waitForText(page: Page, selector: string, text: string): Promise<void> {
  await page.waitForFunction(
    (s: string, t: string) => [...document.querySelectorAll(s)].some((el) => el.textContent?.includes(t)),
    { timeout: 20_000 },
    selector,
    text,
  );
}

const texts = (page: Page, selector: string) => page.$$eval(selector, (els) => els.map((el) => el.textContent ?? ''));

async function clickButton(page: Page, name: string): Promise<void> {
  const button = await page.waitForSelector(`::-p-aria([name="${name}"][role="button"])`, { timeout: 10_000 });
  await button?.click();
}

describe('Firefox: the add-on on council pages', () => {
  it('runs its content script on a meeting page, badges it and gives it the coloured icon; other pages stay grey', async () => {
    await recordIconCalls();
    const meeting = await firefox.firefox.newPage();
    const meetingUrl = southampton.url(SOUTHAMPTON.meeting);
    await meeting.goto(meetingUrl);
    const meetingTab = await tabIdOf(meetingUrl);
    // Items 5, 6, 7 and 8 of the Southampton page.
    await expect.poll(() => toolbarOf(meetingTab), { timeout: 15_000 }).toEqual({ badge: '4', title: 'Meeting: 4 items' });
    await expect.poll(() => iconOf(meetingTab)).toBe('/icon/16.png');

    const newsUrl = southampton.url('/news/council-news.html');
    await meeting.goto(newsUrl);
    await expect.poll(() => toolbarOf(meetingTab), { timeout: 10_000 }).toEqual({ badge: '', title: 'Council Minutes' });
    await expect.poll(() => iconOf(meetingTab)).toBe('/icon-idle/16.png');
    await meeting.close();
  });

  it('shows the meeting, its items and clauses in the sidebar page (opened in a tab by the add-on), and saves the meeting', async () => {
    const page = await firefox.firefox.newPage();
    const url = southampton.url(SOUTHAMPTON.meeting);
    await page.goto(url);
    const tabId = await tabIdOf(url);
    const panel = await firefox.openExtensionPage('sidepanel.html', `?tabId=${tabId}`);
    await waitForText(panel, '[role="status"]', 'Found 4 items.');
    expect(await panel.$eval('.meeting-header h2', (el) => el.textContent)).toBe('Children and Families Scrutiny Panel');
    expect(await texts(panel, '.item h3')).toEqual([
      '5. Child Sexual Exploitation in Southampton - Update',
      '6. Elective Home Education and Safeguarding Arrangements',
      '7. Children and Families Performance',
      '8. Monitoring Scrutiny Recommendations',
    ]);
    expect(await texts(panel, '.clause .clause-label')).toEqual(['(i)', '(ii)', '(iii)', '(i)', '(ii)', '(iii)', '(iv)', '•']);

    await clickButton(panel, 'Save meeting (4 items)');
    await waitForText(panel, '[role="status"]', 'Saved the meeting: 4 items.');
    await waitForText(panel, '*', '✓ Meeting saved');
    expect(await panel.$$eval('.saved-mark', (els) => els.length)).toBe(1 + 4 + 8);
    await Promise.all([page.close(), panel.close()]);
  });
});

describe('Firefox: the library', () => {
  it('still has the meeting after Firefox restarts on the same profile; search finds a clause; CSV has the rows', async () => {
    await firefox.close();
    firefox = await launchFirefox(profile);
    const library = await firefox.openExtensionPage('library.html');
    await waitForText(library, '[role="status"]', '8 clauses match.');
    expect(await library.$$eval('table.results tbody tr', (rows) => rows.length)).toBe(8);

    const search = await library.waitForSelector('::-p-aria([name="Search"][role="searchbox"])');
    await search?.type('taxi');
    await waitForText(library, '[role="status"]', '1 clause matches.');
    expect(await library.$eval('table.results tbody tr .clause-cell', (el) => el.textContent)).toBe(
      '(i) That the Licensing Committee consider making CSE training a condition of receiving a taxi licence in Southampton;',
    );

    await search?.click({ count: 3 });
    await library.keyboard.press('Backspace');
    await waitForText(library, '[role="status"]', '8 clauses match.');
    await clickButton(library, 'Export clauses as CSV');
    // Firefox makes an empty file of the final name, writes `<name>.part`, then moves it over: done when no .part is left.
    const csvFile = () => {
      const files = readdirSync(firefox.downloads);
      if (files.some((f) => f.endsWith('.part'))) return undefined;
      return files.find((f) => /^council-minutes-clauses-\d{4}-\d{2}-\d{2}\.csv$/.test(f) && statSync(path.join(firefox.downloads, f)).size > 0);
    };
    await expect.poll(csvFile, { timeout: 15_000 }).toBeDefined();
    const file = path.join(firefox.downloads, csvFile() as string);
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true }).data;
    expect(rows.map((r) => `${r.item_number} ${r.clause_label}`.trim())).toEqual(['5 (i)', '5 (ii)', '5 (iii)', '6 (i)', '6 (ii)', '6 (iii)', '6 (iv)', '8']);
    expect(rows[0]).toMatchObject({ committee: 'Children and Families Scrutiny Panel', meeting_date: '2016-11-03', item_title: 'Child Sexual Exploitation in Southampton - Update' });
    await library.close();
  });
});

describe('Firefox: host access is the user’s to give', () => {
  it('reads no page once the user turns site access off, and reads it again once granted', async () => {
    // Firefox grants an MV3 add-on its content-script sites at install (the badge test above ran
    // on them); the user can switch that off in about:addons, which is what this removal does.
    const granted = await firefox.inBackground(async (api) => (await api.permissions.getAll()).origins ?? [], null);
    expect(granted).toContain('*://*.southampton.gov.uk/*');
    await firefox.inBackground(async (api, origins) => api.permissions.remove({ origins }), granted);

    const page = await firefox.firefox.newPage();
    // Without host access the tab's address is hidden from the add-on: the active tab is this one.
    const tabId = await firefox.inBackground(async (api) => (await api.tabs.query({ active: true, currentWindow: true }))[0]?.id as number, null);
    await page.goto(southampton.url(SOUTHAMPTON.meeting));
    await page.waitForFunction(() => document.readyState === 'complete');
    expect(await firefox.inBackground(async (api) => api.permissions.contains({ origins: ['*://*.southampton.gov.uk/*'] }), null)).toBe(false);
    expect(await toolbarOf(tabId)).toEqual({ badge: '', title: 'Council Minutes' });

    await firefox.grantHostAccess(['*://*.southampton.gov.uk/*']);
    await page.reload();
    await expect.poll(() => toolbarOf(tabId), { timeout: 15_000 }).toEqual({ badge: '4', title: 'Meeting: 4 items' });
    await page.close();
  });
});
