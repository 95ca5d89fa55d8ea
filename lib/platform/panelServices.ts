import { browser } from 'wxt/browser';
import type { LibraryService } from '../library/service';
import { upgradeWatch, type UpgradeWatch } from '../library/upgradeWatch';
import { CollectedMeetingSchema, ExtractionSentSchema, type CancelCollectRequest, type CollectedMeeting, type CollectMeetingRequest, type GetExtractionRequest } from '../messages/schema';
import { readTabState, type TabState } from '../tabs/tabState';
import { browserSiteAccess } from './sitePermissions';

/** The tab the panel shows and what its content script read of the page (null: not read). */
export interface ShownPage {
  tab: { id: number; url: string | null } | null;
  state: TabState | null;
}

/** What the side panel needs from the browser, behind one interface so component tests pass fakes. */
export interface PanelServices {
  /** The library. Dexie is loaded on first use, after the panel has shown the page. */
  library(): Promise<LibraryService>;
  /** The library's first open after an update, while it rewrites a big library (absent: never shown). */
  upgrade?: UpgradeWatch;
  /**
   * Calls back with the shown page as soon as it is known and whenever the active tab, its
   * page or its state changes, in the order the changes happened; returns the unsubscribe.
   */
  watchPage(callback: (page: ShownPage) => void): () => void;
  openLibrary(): void;
  /** Asks for this site's pages (optional host permission), then reads the tab's page. */
  readSite(tabId: number, url: string): Promise<boolean>;
  /** Has the tab's content script read another meeting page of its site; `signal` aborts its request. */
  collectMeeting(tabId: number, url: string, signal: AbortSignal): Promise<CollectedMeeting>;
}

type BrowserTab = { id?: number; url?: string };

function shownTab(tab: BrowserTab | undefined): ShownPage['tab'] {
  return tab?.id === undefined ? null : { id: tab.id, url: tab.url ?? null };
}

/** The tab's state as the background stored it, validated again: storage is a boundary between
 * contexts, and a state written by an older version of the extension reads as none. A reading
 * too large to store is asked of the tab's content script; if it cannot answer, the stored
 * cut-down reading and its note are shown. */
async function storedState(tabId: number): Promise<TabState | null> {
  const state = await readTabState(browser.storage.session, tabId);
  if (!state?.inPage) return state;
  const request: GetExtractionRequest = { type: 'get-extraction' };
  const whole = ExtractionSentSchema.safeParse(await browser.tabs.sendMessage(tabId, request).catch(() => null));
  return whole.success && whole.data.kind === state.extraction.kind ? { ...state, extraction: whole.data } : state;
}

/** `?tabId=` when the panel is opened as a page pinned to a tab, else the window's active tab. */
async function readShownPage(pinned: number | null): Promise<ShownPage> {
  if (pinned !== null) {
    // The tab's id is known: its details and its state are asked for together.
    // A pinned tab that has been closed shows as no tab.
    const [tab, state] = await Promise.all([browser.tabs.get(pinned).catch(() => undefined), storedState(pinned)]);
    return { tab: shownTab(tab), state: tab ? state : null };
  }
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  const tab = shownTab(active);
  return { tab, state: tab ? await storedState(tab.id) : null };
}

/**
 * Reads the shown page now and after every change, keeping the latest answer for the one
 * subscriber, which may come later: the panel's views load while the first read is under way.
 */
function watchShownPage(pinned: number | null): PanelServices['watchPage'] {
  let latest: ShownPage | null = null;
  let subscriber: ((page: ShownPage) => void) | null = null;
  let asked = 0;
  let delivered = 0;
  // Reads overlap when changes come in bursts: an older read's answer is dropped.
  const read = () => {
    const n = ++asked;
    void readShownPage(pinned).then((page) => {
      if (n < delivered) return;
      delivered = n;
      latest = page;
      subscriber?.(page);
    });
  };
  const onUpdated = (_id: number, change: { url?: string; status?: string }) => {
    if (change.url || change.status === 'complete') read();
  };
  browser.storage.session.onChanged.addListener(read);
  browser.tabs.onActivated.addListener(read);
  browser.tabs.onUpdated.addListener(onUpdated);
  read();
  return (callback) => {
    subscriber = callback;
    if (latest) callback(latest);
    return () => {
      subscriber = null;
      browser.storage.session.onChanged.removeListener(read);
      browser.tabs.onActivated.removeListener(read);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  };
}

/** The browser's services; the shown page is read from the moment they are made. */
export function browserPanelServices(): PanelServices {
  const pinnedParam = Number(new URLSearchParams(location.search).get('tabId'));
  const pinned = Number.isInteger(pinnedParam) && pinnedParam > 0 ? pinnedParam : null;
  let library: Promise<LibraryService> | undefined;
  const upgrade = upgradeWatch();
  return {
    library: () =>
      (library ??= Promise.all([import('../library/db'), import('../library/service')]).then(([{ LibraryDb }, { dexieLibrary }]) => {
        const db = new LibraryDb(undefined, { onUpgrade: upgrade.report });
        db.open().then(upgrade.settle, upgrade.settle);
        return dexieLibrary(db);
      })),
    upgrade,
    watchPage: watchShownPage(pinned),
    openLibrary() {
      void browser.tabs.create({ url: browser.runtime.getURL('/library.html') });
    },
    async collectMeeting(tabId, url, signal) {
      const request: CollectMeetingRequest = { type: 'collect-meeting', url };
      const cancel: CancelCollectRequest = { type: 'cancel-collect' };
      const onAbort = () => void browser.tabs.sendMessage(tabId, cancel).catch(() => undefined);
      signal.addEventListener('abort', onAbort);
      try {
        return CollectedMeetingSchema.parse(await browser.tabs.sendMessage(tabId, request));
      } finally {
        signal.removeEventListener('abort', onAbort);
      }
    },
    readSite: (tabId, url) => browserSiteAccess.grant(tabId, url),
  };
}
