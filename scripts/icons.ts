import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ICON_SOURCE = path.join(ROOT, 'assets/icon/icon.svg');
export const ICON_SIZES = [16, 32, 48, 128] as const;

/**
 * The toolbar's two states, one drawing: the tile's colour tells them apart (with the badge's
 * count in Chrome). `icon/` is the extension's icon (WXT lists public/icon/<size>.png in the
 * manifest) and the recognised-page state; `icon-idle/` is the toolbar on any other page.
 */
export const ICON_VARIANTS = [
  { dir: 'icon', tile: '#0b6b5a' },
  { dir: 'icon-idle', tile: '#7b848f' },
] as const;

/** Every PNG the extension ships, rendered from the SVG source: public-relative path → bytes. */
export function renderIcons(): Map<string, Buffer> {
  const source = readFileSync(ICON_SOURCE, 'utf8');
  const out = new Map<string, Buffer>();
  for (const { dir, tile } of ICON_VARIANTS) {
    const svg = source.replace(/(<rect id="tile"[^>]*fill=")#[0-9a-f]{6}/i, `$1${tile}`);
    if (!svg.includes(`fill="${tile}"`)) throw new Error(`${ICON_SOURCE} has no <rect id="tile" fill="#rrggbb"> to recolour`);
    for (const size of ICON_SIZES) {
      out.set(`${dir}/${size}.png`, Buffer.from(new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng()));
    }
  }
  return out;
}

// `npm run icons`: writes public/icon/<size>.png and public/icon-idle/<size>.png.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const [file, png] of renderIcons()) {
    const target = path.join(ROOT, 'public', file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, png);
    console.log(`${path.relative(ROOT, target)} (${png.length} bytes)`);
  }
}
