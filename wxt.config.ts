import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

export default defineConfig({
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser, mode }) => ({
    name: 'Council Minutes',
    description:
      'Reads UK council committee pages published with ModernGov: items, minutes and resolutions, saved, compared and exported.',
    action: { default_title: 'Council Minutes' },
    // storage.session: per-tab page state; activeTab + scripting: reading the page of the tab whose
    // toolbar button was clicked, or a site its reader allowed; unlimitedStorage: the library must
    // not be evicted. No host permission at install: the content script is declared on council
    // domains only (lib/moderngov/councilDomains.ts).
    permissions: ['storage', 'activeTab', 'scripting', 'unlimitedStorage'],
    // Asked for one site at a time, from the panel, never up front.
    optional_host_permissions: ['*://*/*'],
    // The e2e build has one test site allowed already: the browser's permission prompt cannot be
    // clicked in automation. Council domains and the toolbar click are tested without it.
    ...(mode === 'e2e' ? { host_permissions: ['http://committees.example.org/*'] } : {}),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // Nothing is collected or sent anywhere (README, "Permissions and privacy").
            gecko: { id: 'council-minutes@example.org', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
          },
        }
      : {}),
  }),
});
