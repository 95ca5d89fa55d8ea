import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { EXTENSION_DIR, FIREFOX_EXTENSION_DIR, REPO_ROOT } from './support/paths';

/** Vitest global setup: the e2e tests drive the real built extension. */
export default function setup(): void {
  // The production build is checked too (its manifest); the e2e build is the one driven.
  execFileSync('npx', ['wxt', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' });
  execFileSync('npx', ['wxt', 'build', '--mode', 'e2e'], { cwd: REPO_ROOT, stdio: 'inherit' });
  execFileSync('npx', ['wxt', 'build', '-b', 'firefox', '--mv3', '--mode', 'e2e'], { cwd: REPO_ROOT, stdio: 'inherit' });
  for (const dir of [EXTENSION_DIR, FIREFOX_EXTENSION_DIR]) {
    if (!existsSync(`${dir}/manifest.json`)) throw new Error(`wxt build --mode e2e did not write ${dir}`);
  }
}
