import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import extract from 'extract-zip';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkChromeZip } from '../../scripts/chromeStoreCheck';
import { REPO_ROOT } from './support/paths';

interface LintReport {
  summary: { errors: number; warnings: number };
  errors: { code: string; message: string; file?: string }[];
  warnings: { code: string; message: string; file?: string }[];
}

const OUTPUT = path.join(REPO_ROOT, '.output');
const { name, version } = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
const zipOf = (kind: string) => path.join(OUTPUT, `${name}-${version}-${kind}.zip`);
// Vitest sets NODE_ENV=test, which children inherit: Vite would then build Preact's development JSX
// (with this machine's file paths in it). A store build runs as a plain `npm run zip` does.
const BUILD_ENV = { ...process.env, NODE_ENV: 'production' };

describe('store packages (npm run zip)', () => {
  beforeAll(() => {
    execFileSync('npm', ['run', 'zip'], { cwd: REPO_ROOT, stdio: 'pipe', env: BUILD_ENV });
  }, 180_000);

  it('writes the Chrome zip, the Firefox zip and the sources zip', () => {
    const zips = readdirSync(OUTPUT).filter((f) => f.startsWith(`${name}-${version}-`) && f.endsWith('.zip'));
    expect(zips.sort()).toEqual([`${name}-${version}-chrome.zip`, `${name}-${version}-firefox.zip`, `${name}-${version}-sources.zip`]);
  });

  it('the Firefox zip passes addons-linter (AMO’s linter) with zero errors; the warnings left are the three README explains', () => {
    let out: string;
    try {
      out = execFileSync('npx', ['addons-linter', '--output', 'json', zipOf('firefox')], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] }).toString();
    } catch (error) {
      // addons-linter exits non-zero when it finds errors; its report is still on stdout.
      out = String((error as { stdout?: Buffer }).stdout ?? '');
    }
    const report = JSON.parse(out.slice(out.indexOf('{'))) as LintReport;
    expect(report.errors).toEqual([]);
    expect(report.summary.errors).toBe(0);
    // zod's probe for whether eval is allowed (background, and the pages' shared zod chunk) and Preact's
    // dangerouslySetInnerHTML branch (the pages' shared Preact chunk). Vite names the shared zod chunk
    // after its first module, which moves as modules do: any one chunk.
    const named = (w: LintReport['warnings'][number]) => (w.code === 'DANGEROUS_EVAL' && w.file?.startsWith('chunks/') ? 'chunks/(one shared chunk).js' : w.file?.replace(/-[\w-]{8}\.js$/, '.js'));
    expect(report.warnings.map((w) => `${w.code} ${named(w)}`).sort()).toEqual([
      'DANGEROUS_EVAL background.js',
      'DANGEROUS_EVAL chunks/(one shared chunk).js',
      'UNSAFE_VAR_ASSIGNMENT chunks/styles.js',
    ]);
  }, 120_000);

  it('the Chrome zip passes the Chrome Web Store check (scripts/chromeStoreCheck.ts) with zero errors', async () => {
    const report = await checkChromeZip(zipOf('chrome'));
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual(['optional_host_permissions has *://*/*: host access to every site means a longer review']);
  });

  it('the sources zip rebuilds the Firefox add-on as shipped', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'amo-sources-'));
    await extract(zipOf('sources'), { dir });
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' });
    for (const needed of ['package.json', 'package-lock.json', 'README.md', 'wxt.config.ts', 'assets/icon/icon.svg', 'public/icon/128.png']) expect(files).toContain(needed);
    expect(files.filter((f) => /^(node_modules|\.output|tests)\b/.test(f))).toEqual([]);
    // `npm ci` would fetch the same locked packages: the repository's own are linked instead.
    symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(dir, 'node_modules'));
    execFileSync('npx', ['wxt', 'build', '-b', 'firefox', '--mv3'], { cwd: dir, stdio: 'pipe', env: BUILD_ENV });
    const built = path.join(dir, '.output/firefox-mv3');
    const shipped = path.join(OUTPUT, 'firefox-mv3');
    const list = (root: string) => readdirSync(root, { recursive: true, encoding: 'utf8' }).sort();
    expect(list(built)).toEqual(list(shipped));
    for (const file of list(shipped).filter((f) => /\.(js|json|html|css)$/.test(f))) {
      expect(readFileSync(path.join(built, file), 'utf8'), file).toBe(readFileSync(path.join(shipped, file), 'utf8'));
    }
  }, 120_000);
});

describe('the manifests', () => {
  it('give the panel a keyboard shortcut: the action in Chrome (which opens the side panel), the sidebar in Firefox', () => {
    const commandsOf = (dir: string) => (JSON.parse(readFileSync(path.join(OUTPUT, dir, 'manifest.json'), 'utf8')) as { commands: unknown }).commands;
    expect(commandsOf('chrome-mv3')).toEqual({ _execute_action: { suggested_key: { default: 'Alt+Shift+M' }, description: 'Open the Council Minutes panel' } });
    expect(commandsOf('firefox-mv3')).toEqual({ _execute_sidebar_action: { suggested_key: { default: 'Alt+Shift+M' }, description: 'Open the Council Minutes panel' } });
  });
});
