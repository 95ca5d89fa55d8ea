// @vitest-environment node
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ICON_SIZES, renderIcons } from '../../scripts/icons';
import { IDLE_ICON, RECOGNISED_ICON } from '@/lib/platform/toolbar';

const PUBLIC = path.resolve(__dirname, '../../public');

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('icons', () => {
  const rendered = renderIcons();

  it('ships every PNG as the SVG source renders it now (run `npm run icons` after editing the SVG)', () => {
    expect([...rendered.keys()].sort()).toEqual(['icon', 'icon-idle'].flatMap((dir) => ICON_SIZES.map((s) => `${dir}/${s}.png`)).sort());
    for (const [file, png] of rendered) {
      const shipped = readFileSync(path.join(PUBLIC, file));
      expect(pngSize(shipped), file).toEqual({ width: Number(path.basename(file, '.png')), height: Number(path.basename(file, '.png')) });
      expect(shipped.equals(png), `${file} differs from assets/icon/icon.svg`).toBe(true);
    }
  });

  it('draws the two toolbar states differently, and the toolbar points at files that exist', () => {
    for (const size of ICON_SIZES) expect(rendered.get(`icon/${size}.png`)?.equals(rendered.get(`icon-idle/${size}.png`) as Buffer)).toBe(false);
    for (const file of [...Object.values(RECOGNISED_ICON), ...Object.values(IDLE_ICON)]) expect(rendered.has(file.slice(1)), file).toBe(true);
  });
});
