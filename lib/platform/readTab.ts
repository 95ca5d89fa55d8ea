import { browser } from 'wxt/browser';

/** The content script's built file: the same one the manifest declares on council domains. */
export const CONTENT_SCRIPT = '/content-scripts/content.js';

/** Reads the tab's page with the content script; the extension must have access to the tab
 * (activeTab after a toolbar click, or the site allowed). */
export async function readTabPage(tabId: number): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT] });
}
