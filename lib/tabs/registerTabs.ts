import { browser } from 'wxt/browser';
import { browserToolbar } from '../platform/toolbar';
import { handlePageMessage } from './handleMessage';
import { MessageParts } from './messageParts';
import { clearTabState, readTabState } from './tabState';

const withoutHash = (url: string) => url.replace(/#.*$/, '');

/** Wires content-script messages and tab life to the per-tab state and toolbar. */
export function registerTabs(): void {
  const session = browser.storage.session;
  // A reading's parts arrive within milliseconds of each other: held in the worker, which each message keeps awake.
  const parts = new MessageParts();
  browser.runtime.onMessage.addListener((raw, sender) => {
    void handlePageMessage(raw, sender.tab?.id, session, browserToolbar, parts);
  });
  // A tab that navigates away no longer shows what the old page held.
  // Following an anchor on the same page ("#AI12841") is not leaving it.
  // A page loading with no address given is a reload, or a page the extension may not see (one
  // read after a toolbar click, whose access ends with it): either way the old reading is gone.
  browser.tabs.onUpdated.addListener(async (tabId, change) => {
    if (!change.url && change.status !== 'loading') return;
    const state = await readTabState(session, tabId);
    if (change.url && state && withoutHash(state.url) === withoutHash(change.url)) return;
    await clearTabState(session, tabId);
    await browserToolbar.clear(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => void clearTabState(session, tabId));
}
