import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';
import { REPO_ROOT } from './support/paths';

interface LintReport {
  summary: { errors: number; warnings: number };
  errors: { code: string; message: string; file?: string }[];
}

it('the Firefox MV3 build passes addons-linter (web-ext lint) with zero errors', () => {
  execFileSync('npx', ['wxt', 'build', '-b', 'firefox', '--mv3'], { cwd: REPO_ROOT, stdio: 'pipe' });
  const dir = path.join(REPO_ROOT, '.output/firefox-mv3');
  let out: string;
  try {
    out = execFileSync('npx', ['addons-linter', '--output', 'json', dir], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] }).toString();
  } catch (error) {
    // addons-linter exits non-zero when it finds errors; its report is still on stdout.
    out = String((error as { stdout?: Buffer }).stdout ?? '');
  }
  const report = JSON.parse(out.slice(out.indexOf('{'))) as LintReport;
  expect(report.errors).toEqual([]);
  expect(report.summary.errors).toBe(0);
}, 180_000);
