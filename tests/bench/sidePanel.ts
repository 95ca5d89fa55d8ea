import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { launchWithExtension, newProfileDir, tabIdOf, toolbarOf } from '../e2e/support/browser';
import { EXTENSION_DIR, FIXTURES_DIR } from '../e2e/support/paths';
import { serveCouncil } from '../e2e/support/server';
import { REPO_ROOT, tempDir } from './config';
import type { FixturePage } from './fixtures';
import { median } from './stats';

const REPEATS = 5;

/** Milliseconds from the panel's navigation start (its `performance.now()`). */
export interface PanelMarks {
  domContentLoaded: number;
  /** The first `.item` element in the panel. */
  firstItem: number;
  /** The frame after it: when it can first be painted. */
  firstItemFrame: number;
  /** The status "Found N items." */
  found: number;
  /** Every item of the meeting in the panel: later items are rendered in the frames after the first. */
  allItems: number;
}

export interface PanelResult {
  page: string;
  items: number | null;
  runs: PanelMarks[];
  medianFirstItem: number;
  medianFirstItemFrame: number;
  medianFound: number;
  medianAllItems: number;
}

declare global {
  interface Window {
    __panelMarks?: Partial<PanelMarks>;
  }
}

/**
 * Installed in the panel before its own scripts: records when the first item, the status and
 * all `items` items appear. A string, not a function: tsx would wrap a function's inner
 * functions in its `__name` helper, which the page does not have.
 */
const watchPanel = (items: number) => `(() => {
  const marks = {};
  window.__panelMarks = marks;
  const observer = new MutationObserver(() => {
    if (marks.firstItem === undefined && document.querySelector('.item')) {
      marks.firstItem = performance.now();
      requestAnimationFrame(() => { marks.firstItemFrame = performance.now(); });
    }
    if (marks.found === undefined && /Found \\d+ items?\\./.test(document.querySelector('[role="status"]')?.textContent ?? '')) marks.found = performance.now();
    if (marks.allItems === undefined && document.querySelectorAll('.item').length >= ${items}) marks.allItems = performance.now();
    if (marks.allItems !== undefined && marks.found !== undefined) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
  document.addEventListener('DOMContentLoaded', () => { marks.domContentLoaded = performance.now(); });
})();`;

/** The e2e build of the extension, a meeting page at its council's host name, then the panel opened on its tab, five times. */
export async function benchSidePanel(pages: { base: FixturePage; large: FixturePage }, log: (line: string) => void): Promise<PanelResult[]> {
  execFileSync('npx', ['wxt', 'build', '--mode', 'e2e'], { cwd: REPO_ROOT, stdio: 'pipe' });
  log(`side panel: built ${path.relative(REPO_ROOT, EXTENSION_DIR)}`);
  const pagesDir = tempDir('panel-pages');
  const largeFile = path.join(pagesDir, 'large-meeting.html');
  writeFileSync(largeFile, pages.large.html);
  const baseFile = path.join(FIXTURES_DIR, pages.base.name.replace(/^tests\/fixtures\//, ''));
  const results: PanelResult[] = [];
  const profile = newProfileDir();
  const browser = await launchWithExtension(profile);
  try {
    for (const [page, file] of [
      [pages.base, baseFile],
      [pages.large, largeFile],
    ] as const) {
      const { hostname, pathname, search } = new URL(page.url);
      // At the page's own council host, where the content script is declared.
      const server = await serveCouncil({ [`${pathname}${search}`]: file }, hostname);
      const url = server.url(`${pathname}${search}`);
      const runs: PanelMarks[] = [];
      let items: number | null = null;
      try {
        for (let i = 0; i < REPEATS; i++) {
          const tab = await browser.context.newPage();
          await tab.goto(url);
          const tabId = await tabIdOf(browser.worker, url);
          // The content script has read the page once the badge shows its item count.
          const started = Date.now();
          let badge = '';
          while (!(badge = (await toolbarOf(browser.worker, tabId)).badge) && Date.now() - started < 20_000) await new Promise((r) => setTimeout(r, 20));
          if (!badge) throw new Error(`the extension did not read ${url}`);
          items = Number(badge) || null;
          const panel = await browser.context.newPage();
          await panel.setViewportSize({ width: 420, height: 1000 });
          await panel.addInitScript(watchPanel(items ?? 1));
          await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tabId=${tabId}`);
          await panel.waitForFunction(() => {
            const m = window.__panelMarks;
            return m?.firstItem !== undefined && m.firstItemFrame !== undefined && m.found !== undefined && m.allItems !== undefined && m.domContentLoaded !== undefined;
          }, undefined, { timeout: 30_000 });
          runs.push((await panel.evaluate(() => window.__panelMarks)) as PanelMarks);
          await Promise.all([panel.close(), tab.close()]);
        }
      } finally {
        await server.close();
      }
      const result = {
        page: page.name,
        items,
        runs,
        medianFirstItem: median(runs.map((r) => r.firstItem)),
        medianFirstItemFrame: median(runs.map((r) => r.firstItemFrame)),
        medianFound: median(runs.map((r) => r.found)),
        medianAllItems: median(runs.map((r) => r.allItems)),
      };
      log(`side panel: ${page.name}: first item at ${result.medianFirstItem.toFixed(0)} ms, all ${items ?? '?'} at ${result.medianAllItems.toFixed(0)} ms (median of ${REPEATS})`);
      results.push(result);
    }
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
    rmSync(pagesDir, { recursive: true, force: true });
  }
  return results;
}
