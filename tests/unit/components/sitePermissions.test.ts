import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browserSiteAccess, sitePattern } from '@/lib/platform/sitePermissions';

// fakeBrowser has no permissions or scripting: these stand in for the browser's, holding what it would.
const granted = ['*://*.southampton.gov.uk/*', 'http://committees.example.org/*', 'https://democracy.other.example/*'];
const registered = new Set(['site:https://democracy.other.example/*']);

function fakePermissionsAndScripting() {
  Object.assign(fakeBrowser, {
    permissions: {
      getAll: vi.fn(async () => ({ origins: [...granted], permissions: [] })),
      remove: vi.fn(async ({ origins }: { origins: string[] }) => {
        for (const o of origins) granted.splice(granted.indexOf(o), 1);
        return true;
      }),
    },
    scripting: {
      getRegisteredContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => ids.filter((id) => registered.has(id)).map((id) => ({ id }))),
      unregisterContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => ids.forEach((id) => registered.delete(id))),
    },
  });
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
    manifest_version: 3,
    name: 'Council Minutes',
    version: '0.1.0',
    content_scripts: [{ matches: ['*://*.southampton.gov.uk/*'], js: ['content-scripts/content.js'] }],
    host_permissions: ['http://committees.example.org/*'],
  });
}

afterEach(() => vi.restoreAllMocks());

describe('sites allowed one at a time', () => {
  it('are the granted origins the manifest does not name, and revoking one drops its grant and its content script', async () => {
    fakePermissionsAndScripting();
    expect(await browserSiteAccess.list()).toEqual(['https://democracy.other.example/*']);
    await browserSiteAccess.revoke('https://democracy.other.example/*');
    expect(granted).not.toContain('https://democracy.other.example/*');
    expect(registered.size).toBe(0);
    expect(await browserSiteAccess.list()).toEqual([]);
  });

  it('are asked for by host, whatever the port', () => {
    expect(sitePattern('http://democracy.other.example:8080/ieListDocuments.aspx?CId=1')).toBe('http://democracy.other.example/*');
  });
});
