import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

export default defineConfig({
  // citeproc-js and its styles make one ~550 kB chunk, loaded only when a citation is asked for.
  vite: () => ({ plugins: [preact()], build: { chunkSizeWarningLimit: 600 } }),
  manifest: ({ browser, mode }) => ({
    name: 'Council Minutes',
    description:
      'Reads UK council committee pages published with ModernGov: items, minutes and resolutions, saved, compared and exported.',
    action: { default_title: 'Council Minutes' },
    // storage.session: per-tab page state; scripting: reading a council site on unusual paths,
    // once its owner grants that site; unlimitedStorage: the library must not be evicted.
    permissions: ['storage', 'scripting', 'unlimitedStorage'],
    // Asked for one site at a time, from the panel, never up front.
    optional_host_permissions: ['*://*/*'],
    // The e2e build pre-grants the local test server: permission prompts cannot be clicked in automation.
    ...(mode === 'e2e' ? { host_permissions: ['http://127.0.0.1/*'] } : {}),
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
