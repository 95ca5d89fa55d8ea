import { mkdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { WxtBrowser as ExtensionApi } from 'wxt/browser';
import { FIREFOX, FIREFOX_EXTENSION_DIR } from './paths';
import { backgroundConsole, browserConsole, connectRdp, type RdpConnection } from './firefoxRdp';

/** The add-on's gecko id (wxt.config.ts) and the internal UUID pinned for it, so its pages have fixed addresses. */
export const GECKO_ID = 'council-minutes@example.org';
export const EXTENSION_UUID = '6d1f3c52-8a4e-4b7f-9c1d-2e5a7b9c0d13';

export interface FirefoxWithExtension {
  firefox: Browser;
  /** Where the profile's downloads land. */
  downloads: string;
  /**
   * Runs `fn(api, arg)` in the add-on's background page, `api` being its `browser` (passed in:
   * WXT's Vitest plugin would rewrite a bare `browser` in the test into an import). JSON in, JSON out.
   */
  inBackground<A, R>(fn: (api: ExtensionApi, arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /**
   * A page of the add-on (`sidepanel.html`, `library.html`) in a tab. BiDi refuses to navigate
   * to `moz-extension://`, so the add-on's background opens the tab and BiDi drives it.
   */
  /**
   * Grants host access as the user does with the add-on's permission switches in about:addons
   * (the same call, in the browser's parent process). Firefox MV3 leaves host access to the user.
   */
  grantHostAccess(origins: string[]): Promise<void>;
  openExtensionPage(file: string, query?: string): Promise<Page>;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Debian's Firefox ESR on a given profile (reuse it to test persistence), with the built add-on
 * installed as a temporary add-on. A temporary add-on is uninstalled when Firefox quits: the
 * `keep…OnUninstall` prefs keep its UUID and its IndexedDB for the next launch's install.
 */
export async function launchFirefox(profileDir: string, extensionDir = FIREFOX_EXTENSION_DIR): Promise<FirefoxWithExtension> {
  const downloads = path.join(profileDir, 'downloads');
  mkdirSync(downloads, { recursive: true });
  const debuggerPort = await freePort();
  const firefox = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: profileDir,
    args: ['--start-debugger-server', String(debuggerPort)],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      'extensions.webextensions.keepUuidOnUninstall': true,
      'extensions.webextensions.keepStorageOnUninstall': true,
      // The remote debugging protocol, without its "allow this connection?" prompt.
      'devtools.debugger.remote-enabled': true,
      'devtools.chrome.enabled': true,
      'devtools.debugger.prompt-connection': false,
      // Every host name resolves to the local test servers, so council pages load at their real
      // host names, where the content script is declared (Chromium's --host-resolver-rules).
      'network.dns.forceResolve': '127.0.0.1',
      // Downloads go straight to a known folder.
      'browser.download.folderList': 2,
      'browser.download.dir': downloads,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.panel.shown': true,
    },
  });
  let rdp: RdpConnection | undefined;
  try {
    const id = await firefox.installExtension(extensionDir);
    rdp = await connectRdp(debuggerPort);
    const evaluate = await backgroundConsole(rdp, id);
    const inBackground: FirefoxWithExtension['inBackground'] = async (fn, arg) => {
      const text = await evaluate(`Promise.resolve((${fn.toString()})(browser, ${JSON.stringify(arg)})).then((r) => JSON.stringify(r ?? null))`);
      if (typeof text !== 'string') throw new Error(`The add-on's background answered ${JSON.stringify(text)}`);
      return JSON.parse(text);
    };
    const parent = await browserConsole(rdp);
    return {
      firefox,
      downloads,
      inBackground,
      async grantHostAccess(origins) {
        await parent(`ChromeUtils.importESModule('resource://gre/modules/ExtensionPermissions.sys.mjs').ExtensionPermissions
          .add(${JSON.stringify(id)}, { origins: ${JSON.stringify(origins)}, permissions: [] }, WebExtensionPolicy.getByID(${JSON.stringify(id)}).extension)`);
      },
      async openExtensionPage(file, query = '') {
        const url = `moz-extension://${EXTENSION_UUID}/${file}${query}`;
        await inBackground(async (api, target) => {
          const tab = await api.tabs.create({ url: target });
          // Loaded, so that BiDi shows the tab's final browsing context (a new tab's first one is replaced).
          while ((await api.tabs.get(tab.id as number)).status !== 'complete') await new Promise((resolve) => setTimeout(resolve, 50));
          return null;
        }, url);
        // BiDi reports an add-on page's address as about:blank: the page is asked for its own (newest tab first).
        for (const page of (await firefox.pages()).reverse()) {
          if ((await page.evaluate(() => location.href).catch(() => '')) !== url) continue;
          await page.waitForSelector('#app > *');
          return page;
        }
        throw new Error(`Firefox shows no tab with ${url}`);
      },
      async close() {
        rdp?.close();
        await firefox.close();
      },
    };
  } catch (error) {
    rdp?.close();
    await firefox.close();
    throw error;
  }
}
