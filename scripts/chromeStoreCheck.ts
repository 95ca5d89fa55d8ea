import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import extract from 'extract-zip';

/**
 * Checks a Chrome Web Store upload against the rules the store and Chrome's manifest docs state
 * (no npm linter covers the Chrome store as addons-linter covers AMO). Errors are what the store
 * or Chrome refuses; warnings are what sends a package to a longer review.
 *
 * - MV3 only: "The Chrome Web Store no longer accepts Manifest V2 extensions."
 * - `name` at most 75 characters, `description` at most 132, plain text (manifest docs).
 * - `version`: one to four dot-separated integers, 0–65535, no leading zeros (manifest docs).
 * - A 128×128 PNG icon in the package (store listing requirements); every icon the manifest
 *   names exists and is a PNG of its stated size.
 * - Every file the manifest names exists (background worker, content scripts, side panel, popup).
 * - No `key` field (the store assigns the key; an upload with one is refused).
 * - Commands: at most four suggested keys; each includes Ctrl or Alt, not both (commands docs).
 * - No remotely hosted code: pages load scripts from the package only, and the extension-pages
 *   CSP allows neither remote script sources nor 'unsafe-eval' (MV3 remote code policy).
 * - Warning: host access to every site (`<all_urls>`, `*://*\/*`), required or optional.
 */
export interface StoreReport {
  errors: string[];
  warnings: string[];
}

type Json = Record<string, unknown>;

function pngSize(file: string): { width: number; height: number } | null {
  const png = readFileSync(file);
  if (png.length < 24 || png.subarray(1, 4).toString('latin1') !== 'PNG') return null;
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(path.join(dir, f)).isFile());
}

/** Checks an unpacked package (the zip's contents). */
export function checkChromeDir(dir: string): StoreReport {
  const errors: string[] = [];
  const warnings: string[] = [];
  const manifestFile = path.join(dir, 'manifest.json');
  if (!existsSync(manifestFile)) return { errors: ['manifest.json is not at the root of the package'], warnings };
  let manifest: Json;
  try {
    manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Json;
  } catch (error) {
    return { errors: [`manifest.json is not valid JSON: ${String(error)}`], warnings };
  }
  const has = (file: unknown) => typeof file === 'string' && existsSync(path.join(dir, file.replace(/^\//, '')));
  const named = (where: string, file: unknown) => {
    if (!has(file)) errors.push(`${where} names ${String(file)}, which is not in the package`);
  };

  if (manifest.manifest_version !== 3) errors.push(`manifest_version is ${String(manifest.manifest_version)}: the store accepts only 3`);
  const name = manifest.name;
  if (typeof name !== 'string' || name.length === 0) errors.push('name is missing');
  else if (name.length > 75) errors.push(`name has ${name.length} characters (at most 75)`);
  const description = manifest.description;
  if (typeof description !== 'string' || description.length === 0) errors.push('description is missing');
  else if (description.length > 132) errors.push(`description has ${description.length} characters (at most 132)`);
  else if (/<[a-z/]/i.test(description)) errors.push('description must be plain text, not HTML');
  const version = String(manifest.version ?? '');
  const parts = version.split('.');
  if (parts.length < 1 || parts.length > 4 || !parts.every((p) => /^(0|[1-9]\d{0,4})$/.test(p) && Number(p) <= 65535)) {
    errors.push(`version "${version}" is not 1–4 dot-separated integers from 0 to 65535`);
  }
  if ('key' in manifest) errors.push('manifest has a "key" field: the store assigns the key and refuses uploads with one');

  const icons = (manifest.icons ?? {}) as Record<string, string>;
  if (!icons['128']) errors.push('icons has no 128 px icon (the store requires one)');
  const action = (manifest.action ?? {}) as Json;
  const actionIcons = typeof action.default_icon === 'string' ? {} : ((action.default_icon ?? {}) as Record<string, string>);
  for (const [where, set] of [['icons', icons], ['action.default_icon', actionIcons]] as const) {
    for (const [size, file] of Object.entries(set)) {
      if (!has(file)) {
        errors.push(`${where}.${size} names ${file}, which is not in the package`);
        continue;
      }
      const dims = pngSize(path.join(dir, file));
      if (!dims) errors.push(`${where}.${size}: ${file} is not a PNG`);
      else if (dims.width !== Number(size) || dims.height !== Number(size)) errors.push(`${where}.${size}: ${file} is ${dims.width}×${dims.height}`);
    }
  }

  const background = (manifest.background ?? {}) as Json;
  if ('scripts' in background || 'page' in background) errors.push('background.scripts/page is MV2: Chrome MV3 takes background.service_worker');
  if (background.service_worker) named('background.service_worker', background.service_worker);
  for (const [i, script] of ((manifest.content_scripts ?? []) as Json[]).entries()) {
    for (const file of [...((script.js ?? []) as string[]), ...((script.css ?? []) as string[])]) named(`content_scripts[${i}]`, file);
  }
  if (action.default_popup) named('action.default_popup', action.default_popup);
  const sidePanel = (manifest.side_panel ?? {}) as Json;
  if (sidePanel.default_path) named('side_panel.default_path', sidePanel.default_path);

  const commands = Object.entries((manifest.commands ?? {}) as Record<string, { suggested_key?: Record<string, string> | string }>);
  const suggested = commands.filter(([, c]) => c.suggested_key);
  if (suggested.length > 4) errors.push(`${suggested.length} commands suggest keys (at most 4)`);
  for (const [command, { suggested_key }] of suggested) {
    const keys = typeof suggested_key === 'string' ? [suggested_key] : Object.values(suggested_key ?? {});
    for (const key of keys) {
      const mods = key.split('+').slice(0, -1);
      const ctrl = mods.includes('Ctrl') || mods.includes('Command') || mods.includes('MacCtrl');
      if (!ctrl && !mods.includes('Alt')) errors.push(`command ${command}: ${key} includes neither Ctrl nor Alt`);
      if (mods.includes('Ctrl') && mods.includes('Alt')) errors.push(`command ${command}: ${key} combines Ctrl and Alt`);
    }
  }

  const csp = String(((manifest.content_security_policy ?? {}) as Json).extension_pages ?? '');
  if (/'unsafe-eval'/.test(csp)) errors.push("content_security_policy.extension_pages allows 'unsafe-eval'");
  if (/script-src[^;]*(https?:|\*)/.test(csp)) errors.push('content_security_policy.extension_pages allows remote scripts');
  for (const file of filesUnder(dir).filter((f) => f.endsWith('.html'))) {
    for (const [, src = ''] of readFileSync(path.join(dir, file), 'utf8').matchAll(/<script[^>]*\ssrc=["']([^"']+)["']/gi)) {
      if (/^(https?:)?\/\//i.test(src)) errors.push(`${file} loads a remote script: ${src}`);
      else if (!has(path.posix.join(path.posix.dirname(file), src).replace(/^\//, ''))) errors.push(`${file} loads ${src}, which is not in the package`);
    }
  }

  const broad = (list: unknown) => ((list ?? []) as string[]).filter((p) => p === '<all_urls>' || /^\*:\/\/\*\/\*$/.test(p));
  for (const key of ['host_permissions', 'optional_host_permissions'] as const) {
    for (const pattern of broad(manifest[key])) warnings.push(`${key} has ${pattern}: host access to every site means a longer review`);
  }
  return { errors, warnings };
}

/** Checks a zip as it would be uploaded. */
export async function checkChromeZip(zip: string): Promise<StoreReport> {
  const dir = mkdtempSync(path.join(tmpdir(), 'chrome-store-check-'));
  await extract(path.resolve(zip), { dir });
  return checkChromeDir(dir);
}

// `npm run lint:chrome -- ZIP`: prints the report, exits 1 on errors.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const zip = process.argv[2];
  if (!zip) {
    console.error('usage: npm run lint:chrome -- .output/<name>-chrome.zip');
    process.exit(2);
  }
  const report = await checkChromeZip(zip);
  for (const e of report.errors) console.log(`error: ${e}`);
  for (const w of report.warnings) console.log(`warning: ${w}`);
  console.log(`${report.errors.length} errors, ${report.warnings.length} warnings`);
  process.exit(report.errors.length ? 1 : 0);
}
