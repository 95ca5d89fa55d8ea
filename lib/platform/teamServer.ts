import { browser } from 'wxt/browser';
import type { TeamPlatform } from '../team/service';
import { sitePattern } from './sitePermissions';

/** The browser's side of the team features: fetch, and access to the team server's site, asked at sign-in only. */
export const browserTeamPlatform: TeamPlatform = {
  fetch: (url, init) => fetch(url, init),
  requestOrigin: (url) => browser.permissions.request({ origins: [sitePattern(url)] }),
};
