import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const EXTENSION_DIR = path.join(REPO_ROOT, '.output/chrome-mv3-e2e');
export const FIREFOX_EXTENSION_DIR = path.join(REPO_ROOT, '.output/firefox-mv3-e2e');
export const FIXTURES_DIR = path.join(REPO_ROOT, 'tests/fixtures');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
