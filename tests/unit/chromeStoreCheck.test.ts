// @vitest-environment node
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkChromeDir } from '../../scripts/chromeStoreCheck';

const ICON_128 = readFileSync(path.resolve(__dirname, '../../public/icon/128.png'));
const ICON_16 = readFileSync(path.resolve(__dirname, '../../public/icon/16.png'));

/** An unpacked package: the manifest and the named files. */
function packageDir(manifest: Record<string, unknown>, files: Record<string, string | Buffer> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'store-check-'));
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  }
  return dir;
}

const GOOD = {
  manifest_version: 3,
  name: 'Council Minutes',
  description: 'Reads council pages.',
  version: '0.1.0',
  icons: { 16: 'icon/16.png', 128: 'icon/128.png' },
  background: { service_worker: 'background.js' },
  commands: { _execute_action: { suggested_key: { default: 'Alt+Shift+M' } } },
};
const GOOD_FILES = { 'icon/16.png': ICON_16, 'icon/128.png': ICON_128, 'background.js': '' };

describe('the Chrome Web Store check', () => {
  it('passes a package that follows the rules', () => {
    expect(checkChromeDir(packageDir(GOOD, GOOD_FILES))).toEqual({ errors: [], warnings: [] });
  });

  it('reports each broken rule', () => {
    const bad = {
      ...GOOD,
      manifest_version: 2,
      name: 'N'.repeat(76),
      description: 'D'.repeat(133),
      version: '1.02',
      key: 'MIIB…',
      icons: { 16: 'icon/128.png', 48: 'icon/48.png' },
      content_scripts: [{ matches: ['*://*/*'], js: ['content.js'] }],
      commands: { open: { suggested_key: { default: 'Shift+M' } }, other: { suggested_key: { default: 'Ctrl+Alt+O' } } },
      host_permissions: ['<all_urls>'],
    };
    const { errors, warnings } = checkChromeDir(packageDir(bad, { ...GOOD_FILES, 'page.html': '<script src="https://cdn.example/x.js"></script>' }));
    expect(errors).toEqual([
      'manifest_version is 2: the store accepts only 3',
      'name has 76 characters (at most 75)',
      'description has 133 characters (at most 132)',
      'version "1.02" is not 1–4 dot-separated integers from 0 to 65535',
      'manifest has a "key" field: the store assigns the key and refuses uploads with one',
      'icons has no 128 px icon (the store requires one)',
      'icons.16: icon/128.png is 128×128',
      'icons.48 names icon/48.png, which is not in the package',
      'content_scripts[0] names content.js, which is not in the package',
      'command open: Shift+M includes neither Ctrl nor Alt',
      'command other: Ctrl+Alt+O combines Ctrl and Alt',
      'page.html loads a remote script: https://cdn.example/x.js',
    ]);
    expect(warnings).toEqual(['host_permissions has <all_urls>: host access to every site means a longer review']);
  });

  it('says so when there is no manifest at the root', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'store-check-'));
    expect(checkChromeDir(dir).errors).toEqual(['manifest.json is not at the root of the package']);
  });
});
