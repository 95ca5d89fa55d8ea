import { browser } from 'wxt/browser';

/** The toolbar button's per-tab badge and title (the Zotero pattern). */
export interface Toolbar {
  show(tabId: number, summary: { badge: string; title: string }): Promise<void>;
  clear(tabId: number): Promise<void>;
}

export const browserToolbar: Toolbar = {
  async show(tabId, { badge, title }) {
    await browser.action.setBadgeText({ tabId, text: badge });
    await browser.action.setTitle({ tabId, title });
  },
  async clear(tabId) {
    await browser.action.setBadgeText({ tabId, text: '' });
    await browser.action.setTitle({ tabId, title: 'Council Minutes' });
  },
};
