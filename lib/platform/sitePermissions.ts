import { browser } from 'wxt/browser';
import { CONTENT_SCRIPT, readTabPage } from './readTab';

/** The sites the reader allowed one at a time ("Read this site's pages"), to list and revoke. */
export interface SiteAccess {
  /** Asks for the site of `url` (a browser prompt), then reads the tab's page; false when refused. */
  grant(tabId: number, url: string): Promise<boolean>;
  /** The allowed sites' patterns (`https://democracy.example.org/*`), sorted. */
  list(): Promise<string[]>;
  revoke(site: string): Promise<void>;
  /** Calls back whenever a site is allowed or revoked, here or in the browser's settings; returns the unsubscribe. */
  watch(callback: () => void): () => void;
}

/** One site: its scheme and host, any port (match patterns have none). */
export function sitePattern(url: string): string {
  const { protocol, hostname } = new URL(url);
  return `${protocol}//${hostname}/*`;
}

const scriptId = (site: string) => `site:${site}`;

/** Sites the manifest itself names (the council domains the content script is declared on) are not grants. */
function declaredSites(): Set<string> {
  const manifest = browser.runtime.getManifest();
  return new Set([...(manifest.content_scripts ?? []).flatMap((script) => script.matches ?? []), ...(manifest.host_permissions ?? [])]);
}

export const browserSiteAccess: SiteAccess = {
  async grant(tabId, url) {
    const site = sitePattern(url);
    // The permission request must be the first await: Firefox drops the click's gesture after one.
    const granted = await browser.permissions.request({ origins: [site] });
    if (!granted) return false;
    const id = scriptId(site);
    const registered = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
    if (registered.length === 0) {
      await browser.scripting.registerContentScripts([{ id, matches: [site], js: [CONTENT_SCRIPT], runAt: 'document_idle', persistAcrossSessions: true }]);
    }
    await readTabPage(tabId);
    return true;
  },
  async list() {
    const declared = declaredSites();
    const { origins = [] } = await browser.permissions.getAll();
    return origins.filter((origin) => !declared.has(origin)).sort();
  },
  async revoke(site) {
    await browser.permissions.remove({ origins: [site] });
    const registered = await browser.scripting.getRegisteredContentScripts({ ids: [scriptId(site)] });
    if (registered.length > 0) await browser.scripting.unregisterContentScripts({ ids: [scriptId(site)] });
  },
  watch(callback) {
    browser.permissions.onAdded.addListener(callback);
    browser.permissions.onRemoved.addListener(callback);
    return () => {
      browser.permissions.onAdded.removeListener(callback);
      browser.permissions.onRemoved.removeListener(callback);
    };
  },
};
