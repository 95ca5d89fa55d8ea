import { browser } from 'wxt/browser';
import { LibraryDb } from '../library/db';
import { CollectedMeetingSchema, type CollectedMeeting, type CollectMeetingRequest } from '../messages/schema';
import { readTabState, type TabState } from '../tabs/tabState';

/** What the side panel needs from the browser, behind one interface so component tests pass fakes. */
export interface PanelServices {
  db: LibraryDb;
  /** The tab the panel shows: `?tabId=` when the panel is opened as a page, else the window's active tab. */
  currentTab(): Promise<{ id: number; url: string | null } | null>;
  tabState(tabId: number): Promise<TabState | null>;
  /** Calls back when the active tab, its page or its state changes; returns the unsubscribe. */
  onChange(callback: () => void): () => void;
  openLibrary(): void;
  /** Asks for this site's pages (optional host permission), then reads the tab's page. */
  readSite(tabId: number, url: string): Promise<boolean>;
  /** Has the tab's content script read another meeting page of its site. */
  collectMeeting(tabId: number, url: string): Promise<CollectedMeeting>;
}

const CONTENT_SCRIPT = '/content-scripts/content.js';

export function browserPanelServices(db = new LibraryDb()): PanelServices {
  const pinned = Number(new URLSearchParams(location.search).get('tabId'));
  return {
    db,
    async currentTab() {
      const [tab] = Number.isInteger(pinned) && pinned > 0 ? [await browser.tabs.get(pinned)] : await browser.tabs.query({ active: true, currentWindow: true });
      return tab?.id === undefined ? null : { id: tab.id, url: tab.url ?? null };
    },
    tabState: (tabId) => readTabState(browser.storage.session, tabId),
    onChange(callback) {
      const onStorage = () => callback();
      const onActivated = () => callback();
      const onUpdated = (_id: number, change: { url?: string; status?: string }) => {
        if (change.url || change.status === 'complete') callback();
      };
      browser.storage.session.onChanged.addListener(onStorage);
      browser.tabs.onActivated.addListener(onActivated);
      browser.tabs.onUpdated.addListener(onUpdated);
      return () => {
        browser.storage.session.onChanged.removeListener(onStorage);
        browser.tabs.onActivated.removeListener(onActivated);
        browser.tabs.onUpdated.removeListener(onUpdated);
      };
    },
    openLibrary() {
      void browser.tabs.create({ url: browser.runtime.getURL('/library.html') });
    },
    async collectMeeting(tabId, url) {
      const request: CollectMeetingRequest = { type: 'collect-meeting', url };
      return CollectedMeetingSchema.parse(await browser.tabs.sendMessage(tabId, request));
    },
    async readSite(tabId, url) {
      const origin = `${new URL(url).origin}/*`;
      // The permission request must be the first await: Firefox drops the click's gesture after one.
      const granted = await browser.permissions.request({ origins: [origin] });
      if (!granted) return false;
      const id = `site:${origin}`;
      const registered = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
      if (registered.length === 0) {
        await browser.scripting.registerContentScripts([{ id, matches: [origin], js: [CONTENT_SCRIPT], runAt: 'document_idle', persistAcrossSessions: true }]);
      }
      await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT] });
      return true;
    },
  };
}
