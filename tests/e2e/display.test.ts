import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, newProfileDir, openWithPanel, type ExtensionBrowser } from './support/browser';
import { axeViolations } from './support/axe';
import { SOUTHAMPTON, WORCESTERSHIRE } from './support/councils';
import { REPO_ROOT } from './support/paths';
import { serveCouncil, type CouncilServer } from './support/server';

/** The store listing: its text (assets/store/listing.md), the icon and the screenshots made here. */
const STORE_DIR = path.join(REPO_ROOT, '.output/store');
const SHOT = { width: 1280, height: 800 };

let southampton: CouncilServer;
let worcestershire: CouncilServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  southampton = await serveCouncil({ ...SOUTHAMPTON.routes }, SOUTHAMPTON.host);
  worcestershire = await serveCouncil({ ...WORCESTERSHIRE.routes }, WORCESTERSHIRE.host);
  browser = await launchWithExtension(newProfileDir());
  mkdirSync(STORE_DIR, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await southampton?.close();
  await worcestershire?.close();
});

/** Presses Tab until the focused element passes `check`; fails if it never does. */
async function tabUntil(page: Page, what: string, check: (el: Element, arg: string) => boolean, arg = ''): Promise<void> {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluateHandle(() => document.activeElement as Element);
    if (await focused.evaluate(check, arg)) return;
  }
  throw new Error(`Tab never reached ${what}`);
}

/** Tab to the control whose accessible name (its label, else its text) is `name`. */
const tabTo = (page: Page, name: string) => tabUntil(page, name, (el, n) => (el.getAttribute('aria-label') ?? el.textContent ?? '').trim() === n, name);

/** Elements that look clickable (pointer cursor) but are not controls a keyboard reaches. */
const pointerOnlyElements = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((el) => getComputedStyle(el).cursor === 'pointer')
      .filter((el) => !el.matches('button, a[href], summary, input, select, textarea, label, [tabindex]') && !el.closest('button, a[href], summary, label'))
      .map((el) => el.outerHTML.slice(0, 80)),
  );

/** The page's own colours (root background, body text) as [r, g, b]. */
const pageColours = (page: Page) =>
  page.evaluate(() => {
    const rgb = (c: string) => (c.match(/\d+/g) ?? []).slice(0, 3).map(Number);
    return { background: rgb(getComputedStyle(document.documentElement).backgroundColor), text: rgb(getComputedStyle(document.body).color) };
  });
const luminance = ([r, g, b]: number[]) => (0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0)) / 255;

/** The council page and the panel beside it, as the browser shows them, in one picture. */
async function sideBySide(page: Page, panel: Page, file: string): Promise<void> {
  const panelWidth = 420;
  await page.setViewportSize({ width: SHOT.width - panelWidth, height: SHOT.height });
  await panel.setViewportSize({ width: panelWidth, height: SHOT.height });
  const left = (await page.screenshot()).toString('base64');
  const right = (await panel.screenshot()).toString('base64');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${SHOT.width}" height="${SHOT.height}">
    <image x="0" y="0" width="${SHOT.width - panelWidth}" height="${SHOT.height}" href="data:image/png;base64,${left}"/>
    <image x="${SHOT.width - panelWidth}" y="0" width="${panelWidth}" height="${SHOT.height}" href="data:image/png;base64,${right}"/>
    <rect x="${SHOT.width - panelWidth - 1}" y="0" width="1" height="${SHOT.height}" fill="#8f8f9d"/>
  </svg>`;
  writeFileSync(path.join(STORE_DIR, file), new Resvg(svg).render().asPng());
}

describe('by keyboard alone', () => {
  it('reaches and uses the panel: opens an item, saves the meeting; nothing is clickable that Tab cannot reach', async () => {
    const { page, panel } = await openWithPanel(browser, southampton.url(SOUTHAMPTON.meeting));
    await panel.getByRole('status').filter({ hasText: 'Found 4 items.' }).waitFor();
    expect(await pointerOnlyElements(panel)).toEqual([]);

    await tabTo(panel, 'Minutes of item 5');
    // The focus ring shows where the keyboard is.
    expect(await panel.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle)).toBe('solid');
    await panel.keyboard.press('Enter');
    await expect.poll(() => panel.locator('.item').first().locator('details.minutes').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);

    await tabTo(panel, 'Save meeting (4 items)');
    await panel.keyboard.press('Enter');
    await panel.getByRole('status').filter({ hasText: 'Saved the meeting: 4 items.' }).waitFor();
    await sideBySide(page, panel, 'panel.png');
    await Promise.all([page.close(), panel.close()]);
  });

  it('uses the library: search, the items view, compare, export', async () => {
    const { page, panel } = await openWithPanel(browser, worcestershire.url(WORCESTERSHIRE.meeting));
    await panel.getByRole('status').filter({ hasText: /^Found 6 items\.$/ }).waitFor({ timeout: 20_000 });
    await tabTo(panel, 'Save meeting (6 items)');
    await panel.keyboard.press('Enter');
    await panel.getByText('✓ Meeting saved').waitFor();

    const library = await browser.openExtensionPage('library.html', '', SHOT);
    await library.getByRole('status').filter({ hasText: '9 clauses match.' }).waitFor();
    expect(await pointerOnlyElements(library)).toEqual([]);
    await library.screenshot({ path: path.join(STORE_DIR, 'library.png') });

    await tabUntil(library, 'the search box', (el) => (el as HTMLInputElement).type === 'search');
    await library.keyboard.type('taxi');
    await library.getByRole('status').filter({ hasText: '1 clause matches.' }).waitFor();
    await library.keyboard.press('Control+A');
    await library.keyboard.press('Backspace');
    await library.getByRole('status').filter({ hasText: '9 clauses match.' }).waitFor();

    // Radio buttons: Tab reaches the checked one (Clauses), an arrow key moves the choice.
    await tabUntil(library, 'the view radio buttons', (el) => (el as HTMLInputElement).name === 'view');
    await library.keyboard.press('ArrowRight');
    expect(await library.getByRole('radio', { name: 'Items', exact: true }).isChecked()).toBe(true);

    await tabTo(library, 'Compare with other councils item 5');
    // Two items numbered 5 (Southampton's and Worcestershire's CSE items): whichever comes first compares both councils.
    await library.keyboard.press('Enter');
    const columns = library.locator('.compare-column');
    await expect.poll(() => columns.locator('h3').allTextContents()).toEqual(['Southampton City Council', 'Worcestershire County Council']);
    await library.screenshot({ path: path.join(STORE_DIR, 'comparison.png') });

    await tabTo(library, 'Export comparison as CSV');
    const [download] = await Promise.all([library.waitForEvent('download'), library.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    await Promise.all([page.close(), panel.close(), library.close()]);
  });
});

describe('in dark mode', () => {
  it('the panel and the library follow the system, and axe finds nothing in either mode', async () => {
    const { page, panel } = await openWithPanel(browser, southampton.url(SOUTHAMPTON.meeting));
    await panel.getByText('✓ Meeting saved').waitFor();
    const library = await browser.openExtensionPage('library.html', '', SHOT);
    await library.getByRole('status').filter({ hasText: '9 clauses match.' }).waitFor();
    for (const view of [panel, library]) {
      await view.emulateMedia({ colorScheme: 'light' });
      const light = await pageColours(view);
      expect(luminance(light.background)).toBeGreaterThan(0.9);
      expect(await axeViolations(view)).toEqual([]);

      await view.emulateMedia({ colorScheme: 'dark' });
      const dark = await pageColours(view);
      expect(luminance(dark.background)).toBeLessThan(0.15);
      expect(luminance(dark.text)).toBeGreaterThan(0.85);
      expect(await axeViolations(view)).toEqual([]);
    }
    await page.emulateMedia({ colorScheme: 'dark' });
    await sideBySide(page, panel, 'panel-dark.png');
    await Promise.all([page.close(), panel.close(), library.close()]);
  });
});

describe('the store listing', () => {
  it('is in one folder: the listing text, the icon and the screenshots made above', () => {
    copyFileSync(path.join(REPO_ROOT, 'assets/store/listing.md'), path.join(STORE_DIR, 'listing.md'));
    copyFileSync(path.join(REPO_ROOT, 'public/icon/128.png'), path.join(STORE_DIR, 'icon-128.png'));
    const listing = readFileSync(path.join(STORE_DIR, 'listing.md'), 'utf8');
    for (const shot of ['panel.png', 'library.png', 'comparison.png', 'panel-dark.png']) {
      expect(listing).toContain(`\`${shot}\``);
      const png = readFileSync(path.join(STORE_DIR, shot));
      expect({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) }, shot).toEqual(SHOT);
    }
    // The summary is the manifest's description, within the stores' 132 characters.
    const summary = listing.split('## Summary (132 characters at most)\n')[1]?.split('\n')[0] ?? '';
    const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, '.output/chrome-mv3/manifest.json'), 'utf8')) as { description: string };
    expect(summary).toBe(manifest.description);
    expect(summary.length).toBeLessThanOrEqual(132);
  });
});
