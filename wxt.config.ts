import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

export default defineConfig({
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: 'Council Minutes',
    description:
      'Reads UK council committee pages published with ModernGov: items, minutes and resolutions, saved, compared and exported.',
    browser_specific_settings: {
      gecko: { id: 'council-minutes@example.org', strict_min_version: '115.0' },
    },
  },
});
