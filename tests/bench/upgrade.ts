import type { Page } from 'playwright-core';
import type { FixturePage } from './fixtures';
import type { SaveRun, UpgradeRun } from './inPage/library';
import { peakResidentDuring, rendererPids } from './memory';

/** The version 8 library's size; `BENCH_UPGRADE_CLAUSES` sets another. */
export const UPGRADE_CLAUSES = Number(process.env.BENCH_UPGRADE_CLAUSES) || 1_000_000;
/** Meetings saved with saveSelection as the copies' templates. */
const TEMPLATES = 30;
/** Meetings copied in one transaction (5,000 clauses). */
const FILL_CHUNK = 50;

export interface UpgradeResult extends UpgradeRun {
  /** Seconds of puts to grow the version 8 library. */
  fillSeconds: number;
  rendererRssBefore: number;
  rendererRssPeak: number;
}

/**
 * A library stored by version 8 of the extension (items and clauses with their search words),
 * grown by bulk puts to UPGRADE_CLAUSES or until `limitAt` nears, then opened by this version's
 * code: the first open after an update runs the upgrade to version 9, every item and clause read
 * and rewritten in one versionchange transaction. Timed, with the renderer's resident memory.
 * `page` is a blank page on a profile on disk with tests/bench/inPage/library.ts loaded.
 */
export async function benchUpgrade(
  page: Page,
  fixtures: FixturePage[],
  baseName: string,
  userDataDir: string,
  options: { limitAt: number; log: (line: string) => void },
): Promise<UpgradeResult> {
  const { log } = options;
  await page.evaluate(([pages, base]) => window.__libSetup(pages, base), [fixtures.map((f) => ({ name: f.name, html: f.html, url: f.url })), baseName] as const);
  await page.evaluate(([a, b]) => window.__libSave(a, b), [0, TEMPLATES] as const);
  await page.evaluate(() => window.__libTakeTemplates());
  let held = 0;
  let fillMs = 0;
  let meetings = TEMPLATES;
  // The upgrade is assumed to take about as long as the fill: growth stops in time for it.
  while (held < UPGRADE_CLAUSES && Date.now() + fillMs + 30_000 < options.limitAt) {
    const run: SaveRun = await page.evaluate(([a, b]) => window.__libFillV8(a, b), [meetings, meetings + FILL_CHUNK] as const);
    meetings += FILL_CHUNK;
    fillMs += run.ms;
    if (Math.floor((held + run.clauses) / 100_000) > Math.floor(held / 100_000)) log(`upgrade: version 8 library at ${held + run.clauses} clauses, ${Math.round((held + run.clauses) / (fillMs / 1000))} clauses/s`);
    held += run.clauses;
  }
  const sampled = await peakResidentDuring(rendererPids(userDataDir), () => page.evaluate(() => window.__libUpgrade()), 50);
  await page.evaluate(() => window.__libClose());
  const result = { ...sampled.result, fillSeconds: fillMs / 1000, rendererRssBefore: sampled.before, rendererRssPeak: sampled.peak };
  log(
    `upgrade: ${result.clauses} clauses and ${result.items} items upgraded from version 8 in ${(result.ms / 1000).toFixed(1)} s; renderer +${((result.rendererRssPeak - result.rendererRssBefore) / 2 ** 20).toFixed(0)} MiB; ${result.sampledWithWords} of ${result.sampled} sampled rows still with words`,
  );
  return result;
}
