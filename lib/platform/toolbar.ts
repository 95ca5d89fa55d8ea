import { browser } from 'wxt/browser';
import type { ToolbarSummary } from '../moderngov/summary';

/** The toolbar button's per-tab badge, title and icon (the Zotero pattern). */
export interface Toolbar {
  show(tabId: number, summary: ToolbarSummary): Promise<void>;
  clear(tabId: number): Promise<void>;
}

/** Drawn by `npm run icons` from assets/icon/icon.svg: the coloured tile on pages the extension reads, grey elsewhere. */
const iconPaths = (dir: 'icon' | 'icon-idle') => ({ 16: `/${dir}/16.png`, 32: `/${dir}/32.png`, 48: `/${dir}/48.png`, 128: `/${dir}/128.png` });
export const RECOGNISED_ICON = iconPaths('icon');
export const IDLE_ICON = iconPaths('icon-idle');

export const browserToolbar: Toolbar = {
  async show(tabId, { badge, title, recognised }) {
    await browser.action.setBadgeText({ tabId, text: badge });
    await browser.action.setTitle({ tabId, title });
    await browser.action.setIcon({ tabId, path: recognised ? RECOGNISED_ICON : IDLE_ICON });
  },
  async clear(tabId) {
    await browser.action.setBadgeText({ tabId, text: '' });
    await browser.action.setTitle({ tabId, title: 'Council Minutes' });
    await browser.action.setIcon({ tabId, path: IDLE_ICON });
  },
};
