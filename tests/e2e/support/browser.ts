import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import type { WxtBrowser } from 'wxt/browser';
import { CHROMIUM, EXTENSION_DIR } from './paths';

/** The extension API inside the service worker, where these helpers' callbacks run. */
declare const chrome: WxtBrowser;

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /** A page of the extension (`sidepanel.html`, `library.html`) in a tab. */
  openExtensionPage(file: string, query?: string, viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

export function newProfileDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'council-minutes-profile-'));
}

/** Debian's Chromium with the built extension loaded, on a given profile (reuse it to test persistence). */
/** The flags every test and bench browser starts with. */
export const CHROMIUM_ARGS = [
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  // This machine's network is closed: without these Chromium keeps dialling out.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchWithExtension(userDataDir = newProfileDir()): Promise<ExtensionBrowser> {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      // Every host name is the local test server: council pages load at their real host names.
      '--host-resolver-rules=MAP * 127.0.0.1',
      // Lets the tests click the toolbar button (CDP Extensions.triggerAction, over Playwright's pipe).
      '--enable-unsafe-extension-debugging',
      ...CHROMIUM_ARGS,
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    worker,
    async openExtensionPage(file, query = '', viewport = { width: 1200, height: 900 }) {
      const page = await context.newPage();
      await page.setViewportSize(viewport);
      await page.goto(`chrome-extension://${extensionId}/${file}${query}`);
      return page;
    },
    close: () => context.close(),
  };
}

/**
 * The browser's id for the tab showing `url`, asked of the extension's service worker. The
 * extension sees the address only of pages it may read; a page elsewhere is taken to be the
 * newest tab whose address it cannot see (the tests open it just before asking).
 */
export async function tabIdOf(worker: Worker, url: string): Promise<number> {
  return worker.evaluate(async (target) => {
    const tabs = await chrome.tabs.query({});
    const tab = tabs.find((t) => t.url === target) ?? tabs.filter((t) => t.url === undefined).sort((a, b) => (b.id ?? 0) - (a.id ?? 0))[0];
    if (tab?.id === undefined) throw new Error(`no tab shows ${target}`);
    return tab.id;
  }, url);
}

/** Clicks the extension's toolbar button on the tab showing `page`, as the reader would
 * (Chromium's CDP Extensions.triggerAction: the click grants activeTab). */
export async function clickToolbarButton(browser: ExtensionBrowser, page: Page): Promise<void> {
  // The button acts on the window's active tab, as a reader's click does.
  await page.bringToFront();
  const cdp = await browser.context.browser()?.newBrowserCDPSession();
  if (!cdp) throw new Error('no browser CDP session');
  try {
    const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
    const tab = targetInfos.find((t) => t.url === page.url());
    if (!tab) throw new Error(`no tab target shows ${page.url()}`);
    await cdp.send('Extensions.triggerAction', { id: browser.extensionId, targetId: tab.targetId });
  } finally {
    await cdp.detach();
  }
}

/** Opens a council page in a tab, then the panel (as a page pinned to that tab). */
export async function openWithPanel(browser: ExtensionBrowser, url: string): Promise<{ page: Page; panel: Page; tabId: number }> {
  const page = await browser.context.newPage();
  await page.goto(url);
  const tabId = await tabIdOf(browser.worker, url);
  const panel = await browser.openExtensionPage('sidepanel.html', `?tabId=${tabId}`, { width: 420, height: 1000 });
  return { page, panel, tabId };
}

/** The toolbar badge and title for a tab. */
export async function toolbarOf(worker: Worker, tabId: number): Promise<{ badge: string; title: string }> {
  return worker.evaluate(async (id) => ({
    badge: await chrome.action.getBadgeText({ tabId: id }),
    title: await chrome.action.getTitle({ tabId: id }),
  }), tabId);
}

/**
 * The action API has no getter for a tab's icon: the service worker's `setIcon` is wrapped so
 * that each call is also recorded (the call itself still goes to Chromium). Lasts as long as the
 * worker does (it stops after ~30 s idle).
 */
export async function recordIconCalls(worker: Worker): Promise<void> {
  await worker.evaluate(() => {
    const calls: { tabId?: number | null; icon: string }[] = [];
    const setIcon = chrome.action.setIcon.bind(chrome.action);
    Object.assign(globalThis, { iconCalls: calls });
    chrome.action.setIcon = (details) => {
      calls.push({ tabId: details.tabId, icon: String((details.path as Record<number, string>)[16]) });
      return setIcon(details);
    };
  });
}

/** The 16 px icon last set for a tab, e.g. `/icon/16.png` (after `recordIconCalls`). */
export async function iconOf(worker: Worker, tabId: number): Promise<string | undefined> {
  return worker.evaluate(
    (id) => (globalThis as unknown as { iconCalls: { tabId?: number; icon: string }[] }).iconCalls.filter((c) => c.tabId === id).at(-1)?.icon,
    tabId,
  );
}
