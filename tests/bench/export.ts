import type { CDPSession, Page } from 'playwright-core';
import type { FixturePage } from './fixtures';
import type { ExportMeasure } from './inPage/export';
import { peakResidentDuring, rendererPids } from './memory';

/** About: a synthetic meeting has 20 items × 5 clauses, fewer where two of an item's clauses are the same. */
const CLAUSES_PER_MEETING = 100;
/** Meetings saved with saveSelection: the templates of the copies. */
const SAVED_MEETINGS = 10;
/** Meetings copied per call into the page (~5,000 clauses), so growth can be logged and stopped in time. */
const FILL_STEP = 50;

export interface ExportAtSize {
  /** The size asked for; `clauses` may be short of it when the time ran out. */
  target: number;
  clauses: number;
  items: number;
  measures: (ExportMeasure & { rssBefore: number; rssPeak: number; rendererProcesses: number })[];
}

export interface ExportResult {
  /** Sizes asked for (BENCH_EXPORT_CLAUSES); `atSizes` has those reached in the time. */
  targets: number[];
  fill: { clauses: number; items: number; ms: number };
  atSizes: ExportAtSize[];
}

/** BENCH_EXPORT_CLAUSES=100000,1000000: the library sizes the export is measured at (100k by default). */
export function exportTargets(): number[] {
  const sizes = (process.env.BENCH_EXPORT_CLAUSES ?? '100000').split(',').map((s) => Number(s.trim()));
  if (sizes.some((s) => !Number.isInteger(s) || s <= 0)) throw new Error(`BENCH_EXPORT_CLAUSES: whole numbers of clauses, comma-separated (got ${process.env.BENCH_EXPORT_CLAUSES})`);
  return sizes.sort((a, b) => a - b);
}

/**
 * `page` is a blank page on 127.0.0.1 with tests/bench/inPage/export.ts loaded, in a Chromium on
 * `userDataDir`. Grows the library to each target size (or as far as `limitAt` allows) and
 * measures the clause and item exports there, sampling the renderers' resident memory from /proc.
 */
export async function benchExport(
  page: Page,
  fixtures: FixturePage[],
  baseName: string,
  userDataDir: string,
  options: { targets: number[]; limitAt: number; log: (line: string) => void },
): Promise<ExportResult> {
  const { log } = options;
  const cdp = await page.context().newCDPSession(page);
  await page.evaluate(([pages, base]) => window.__libSetup(pages, base), [fixtures.map((f) => ({ name: f.name, html: f.html, url: f.url })), baseName] as const);
  await page.evaluate(([a, b]) => window.__libSave(a, b), [0, SAVED_MEETINGS] as const);
  await page.evaluate(() => window.__libTakeTemplates());
  const fill = { clauses: 0, items: 0, ms: 0 };
  let meetings = SAVED_MEETINGS;
  let clauses = (await page.evaluate(() => window.__exportCounts())).clauses;
  const atSizes: ExportAtSize[] = [];
  for (const target of options.targets) {
    // Each export at this size takes about as long as growing by a tenth of it at the rate so far: stop growing in time for two.
    while (clauses < target) {
      const rate = fill.ms > 0 ? fill.clauses / fill.ms : 1;
      if (Date.now() + (0.3 * target) / rate + 20_000 > options.limitAt) break;
      // Whole meetings, the last step cut to about the target.
      const to = meetings + Math.max(1, Math.min(FILL_STEP, Math.ceil((target - clauses) / CLAUSES_PER_MEETING)));
      const run = await page.evaluate(([a, b]) => window.__exportFill(a, b), [meetings, to] as const);
      fill.clauses += run.clauses;
      fill.items += run.items;
      fill.ms += run.ms;
      clauses += run.clauses;
      meetings = to;
      if (Math.floor(clauses / 50_000) > Math.floor((clauses - run.clauses) / 50_000)) log(`export: grown to ${clauses} clauses (${Math.round(fill.clauses / (fill.ms / 1000))} clauses/s with their items)`);
    }
    const counts = await page.evaluate(() => window.__exportCounts());
    const measures = await measureExports(page, cdp, userDataDir, log);
    atSizes.push({ target, clauses: counts.clauses, items: counts.items, measures });
    if (counts.clauses < target) break;
  }
  await page.evaluate(() => window.__libClose());
  await cdp.detach();
  return { targets: options.targets, fill, atSizes };
}

/**
 * The clause and item exports of the library open in `page` (tests/bench/inPage/export.ts loaded;
 * `dbName`: another database than the bench's own), each after a garbage collection, with the
 * renderers' resident memory sampled from /proc while it runs.
 */
export async function measureExports(page: Page, cdp: CDPSession, userDataDir: string, log: (line: string) => void, dbName?: string): Promise<ExportAtSize['measures']> {
  const measures: ExportAtSize['measures'] = [];
  for (const what of ['clauses', 'items'] as const) {
    await cdp.send('HeapProfiler.collectGarbage');
    const pids = rendererPids(userDataDir);
    const sampled = await peakResidentDuring(pids, () => page.evaluate(([w, name]) => window.__exportMeasure(w, name), [what, dbName] as const));
    const m = sampled.result;
    measures.push({ ...m, rssBefore: sampled.before, rssPeak: sampled.peak, rendererProcesses: pids.length });
    log(`export: ${m.rows} ${what} in ${(m.ms / 1000).toFixed(1)} s = ${Math.round(m.rows / (m.ms / 1000))} rows/s; renderer RSS +${((sampled.peak - sampled.before) / 2 ** 20).toFixed(1)} MiB`);
  }
  return measures;
}
