import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

const IDLE_ICON_FILES = { 16: 'icon-idle/16.png', 32: 'icon-idle/32.png', 48: 'icon-idle/48.png', 128: 'icon-idle/128.png' };

export default defineConfig({
  // citeproc-js and its styles make one ~550 kB chunk, loaded only when a citation is asked for.
  vite: () => ({ plugins: [preact()], build: { chunkSizeWarningLimit: 600 } }),
  // AMO's sources zip: what rebuilds the add-on (README, "Store packages"), not the tests or their output.
  zip: { excludeSources: ['tests/**', 'test-results/**', 'bench-results/**'] },
  manifest: ({ browser, mode }) => ({
    name: 'Council Minutes',
    description:
      'Reads UK council committee pages published with ModernGov: items, minutes and resolutions, saved, compared and exported.',
    // Grey until a tab shows a page the extension reads (lib/platform/toolbar.ts); `icons` come from public/icon/.
    // That state is the button's point, so Firefox puts it on the toolbar rather than in its extensions menu.
    action: { default_title: 'Council Minutes', default_icon: IDLE_ICON_FILES, ...(browser === 'firefox' ? { default_area: 'navbar' } : {}) },
    // Alt+Shift+M does what a click on the button does: Chrome's opens the side panel and reads the
    // page (background), Firefox's opens its sidebar.
    commands: {
      [browser === 'firefox' ? '_execute_sidebar_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+M' },
        description: 'Open the Council Minutes panel',
      },
    },
    // storage.session: per-tab page state; activeTab + scripting: reading the page of the tab whose
    // toolbar button was clicked, or a site its reader allowed; unlimitedStorage: the library must
    // not be evicted. No host permission at install: the content script is declared on council
    // domains only (lib/moderngov/councilDomains.ts).
    permissions: ['storage', 'activeTab', 'scripting', 'unlimitedStorage'],
    // Asked for one site at a time, from the panel, never up front.
    optional_host_permissions: ['*://*/*'],
    // The e2e build has one test site and the test team server's host allowed already: the browser's
    // permission prompt cannot be clicked in automation (sign-in still asks; the browser answers yes at
    // once for a site already allowed). Council domains and the toolbar click are tested without it.
    ...(mode === 'e2e' ? { host_permissions: ['http://committees.example.org/*', 'http://team.example.org/*'] } : {}),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // Nothing is collected or sent anywhere (README, "Permissions and privacy").
            gecko: { id: 'council-minutes@example.org', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
            // data_collection_permissions came to Firefox for Android in 142 (addons-linter warns otherwise).
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
