import { browser } from 'wxt/browser';
import { readTabState } from '../tabs/tabState';
import { readTabPage } from './readTab';

/** Reads a tab's page unless its content script already has (a council domain's ModernGov page). */
async function readUnreadTab(tabId: number): Promise<void> {
  if (await readTabState(browser.storage.session, tabId)) return;
  // A page no extension may read (the browser's own pages, the web store) stays unread: the panel says so.
  await readTabPage(tabId).catch(() => undefined);
}

/**
 * The toolbar button opens the panel (Chrome's side panel, Firefox's sidebar) and reads the tab's
 * page: the click grants access to that tab (activeTab), so a council on any other domain is read
 * without a standing permission.
 */
export function registerToolbarButton(): void {
  // Opening the panel by itself (openPanelOnActionClick, which older versions set and Chrome keeps)
  // would swallow the click: no action.onClicked, no activeTab grant.
  void browser.sidePanel?.setPanelBehavior?.({ openPanelOnActionClick: false });
  const sidebar = (browser as unknown as { sidebarAction?: { toggle(): Promise<void> } }).sidebarAction;
  browser.action.onClicked.addListener((tab) => {
    // The panel opens first, while the click still counts as the reader's gesture.
    if (browser.sidePanel?.open) void browser.sidePanel.open({ windowId: tab.windowId }).catch(() => undefined);
    else void sidebar?.toggle();
    if (tab.id !== undefined) void readUnreadTab(tab.id);
  });
}
