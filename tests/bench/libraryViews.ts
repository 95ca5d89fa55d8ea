import type { Page } from 'playwright-core';
import { median } from './stats';

const REPEATS = 5;

/** Milliseconds, each from the click (or, opening, from the page's navigation start) until the table shows the rows. */
export interface ViewRun {
  open: number;
  items: number;
  clauses: number;
  showMore: number;
}

export interface ViewsResult {
  clauses: number;
  runs: ViewRun[];
  median: ViewRun;
  max: ViewRun;
  /** The status line once the library page had opened, as the researcher reads it. */
  status: string;
}

declare global {
  interface Window {
    __viewOpened?: number;
    __viewAct?: (action: string) => Promise<number>;
  }
}

/**
 * Installed before the library page's scripts: when its clauses table first holds a full page of
 * rows. Strings, not functions: tsx would wrap inner functions in a `__name` helper the page lacks.
 */
const WATCH_OPEN = `(() => {
  const observer = new MutationObserver(() => {
    if (document.querySelectorAll('table.results tbody tr').length >= ${200} && /match/.test(document.querySelector('[role="status"]')?.textContent ?? '')) {
      window.__viewOpened = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
})();`;

/** In the page: does `action` and resolves with the milliseconds until the table shows what it should (a MutationObserver, no polling). */
const ACT = `window.__viewAct = (action) => new Promise((resolve, reject) => {
  const rows = () => document.querySelectorAll('table.results tbody tr').length;
  const caption = () => document.querySelector('table.results caption')?.textContent ?? '';
  const radio = (name) => [...document.querySelectorAll('input[name="view"]')].find((r) => r.parentElement?.textContent?.trim() === name);
  const before = rows();
  const done = {
    items: () => caption() === 'Saved items' && rows() > 0,
    clauses: () => caption() === 'Saved resolution clauses' && rows() >= 200,
    showMore: () => rows() >= before + 200,
  }[action];
  const start = performance.now();
  const observer = new MutationObserver(() => {
    if (done()) { observer.disconnect(); clearTimeout(timer); resolve(performance.now() - start); }
  });
  const timer = setTimeout(() => { observer.disconnect(); reject(new Error('the library page did not show ' + action + ' within 60 s')); }, 60000);
  observer.observe(document, { childList: true, subtree: true, characterData: true });
  if (action === 'showMore') document.querySelector('button.show-more').click();
  else radio(action === 'items' ? 'Items' : 'Clauses').click();
});`;

/**
 * The built extension's library page over the library the bench grew in its IndexedDB: opening
 * it (the newest page of clauses), switching to Items and back to Clauses, and "Show more", each
 * 5 times in a freshly opened page.
 */
export async function benchViews(openLibrary: (initScript: string) => Promise<Page>, clauses: number, log: (line: string) => void): Promise<ViewsResult> {
  const runs: ViewRun[] = [];
  let status = '';
  for (let i = 0; i < REPEATS; i++) {
    const page = await openLibrary(WATCH_OPEN);
    await page.waitForFunction(() => window.__viewOpened !== undefined, undefined, { timeout: 120_000 });
    const open = (await page.evaluate(() => window.__viewOpened)) ?? Number.NaN;
    status = (await page.locator('[role="status"]').textContent()) ?? '';
    await page.evaluate(ACT);
    const act = (action: string) => page.evaluate((a) => window.__viewAct?.(a) ?? Promise.reject(new Error('no __viewAct')), action);
    const items = await act('items');
    const back = await act('clauses');
    const more = await act('showMore');
    runs.push({ open, items, clauses: back, showMore: more });
    log(`views: open ${open.toFixed(0)} ms, items ${items.toFixed(0)} ms, clauses ${back.toFixed(0)} ms, show more ${more.toFixed(0)} ms`);
    await page.close();
  }
  const pick = (f: (r: ViewRun) => number) => runs.map(f);
  return {
    clauses,
    runs,
    median: { open: median(pick((r) => r.open)), items: median(pick((r) => r.items)), clauses: median(pick((r) => r.clauses)), showMore: median(pick((r) => r.showMore)) },
    max: { open: Math.max(...pick((r) => r.open)), items: Math.max(...pick((r) => r.items)), clauses: Math.max(...pick((r) => r.clauses)), showMore: Math.max(...pick((r) => r.showMore)) },
    status,
  };
}
