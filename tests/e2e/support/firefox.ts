import { mkdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { WxtBrowser as ExtensionApi } from 'wxt/browser';
import { FIREFOX, FIREFOX_EXTENSION_DIR } from './paths';
import { backgroundConsole, connectRdp, type RdpConnection } from './firefoxRdp';

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
  openExtensionPage(file: string, query?: string, viewport?: { width: number; height: number }): Promise<Page>;
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
export async function launchFirefox(profileDir: string): Promise<FirefoxWithExtension> {
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
    const id = await firefox.installExtension(FIREFOX_EXTENSION_DIR);
    rdp = await connectRdp(debuggerPort);
    const evaluate = await backgroundConsole(rdp, id);
    const inBackground: FirefoxWithExtension['inBackground'] = async (fn, arg) => {
      const text = await evaluate(`Promise.resolve((${fn.toString()})(browser, ${JSON.stringify(arg)})).then((r) => JSON.stringify(r ?? null))`);
      if (typeof text !== 'string') throw new Error(`The add-on's background answered ${JSON.stringify(text)}`);
      return JSON.parse(text);
    };
    return {
      firefox,
      downloads,
      inBackground,
      async openExtensionPage(file, query = '', viewport = { width: 1200, height: 900 }) {
        const before = new Set(firefox.targets());
        const opened = firefox.waitForTarget((t) => t.type() === 'page' && !before.has(t), { timeout: 15_000 });
        await inBackground(
          (api, url: string) => api.tabs.create({ url }).then(() => null),
          `moz-extension://${EXTENSION_UUID}/${file}${query}`,
        );
        const page = await (await opened).page();
        if (!page) throw new Error(`no page for ${file}`);
        await page.setViewport(viewport);
        await page.waitForSelector('#app > *');
        return page;
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
