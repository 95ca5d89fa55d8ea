import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM_ARGS } from '../e2e/support/browser';
import { CHROMIUM, REPO_ROOT } from '../e2e/support/paths';

export { CHROMIUM, REPO_ROOT };
export const RESULTS_DIR = path.join(REPO_ROOT, 'bench-results');
export const RESULTS_FILE = path.join(RESULTS_DIR, 'bench.json');


/** The targets of the issue "Benchmarks in real Chromium". Reported, never asserted. */
export const TARGETS = {
  extractionRatio: 0.25,
  contentScriptKb: 30,
  csvSeconds: 3,
  /** Issue 15 (a library of a million clauses): search's first page, any query. */
  searchFirstPageP95Ms: 50,
  /** saveSelection's throughput on the grown library / on the empty one. */
  saveGrowthRatio: 0.8,
  /** saveSelection / raw puts into the library's own stores and indexes. */
  saveToIndexedRatio: 0.5,
  /** The library page: opening, switching views, "Show more". */
  viewMs: 100,
  /** Growing the library to a million clauses by bulk puts. */
  growthSeconds: 900,
  panelFirstRenderMs: 150,
  compareGroupSeconds: 3,
  compareSaveMs: 20,
  /** Issue 15: the content script never holds the page's thread longer than this in one task, and the badge shows within 500 ms of load. */
  longestTaskMs: 50,
  badgeAfterLoadMs: 500,
  /** Issue 15: the streamed CSV export of a million clauses (its memory target, two chunks + 100 MiB, depends on the chunk: report.ts). */
  exportRowsPerSecond: 50_000,
} as const;

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), `council-minutes-bench-${prefix}-`));
}

/**
 * Headless Chromium on a profile on disk: an off-the-record context (`browser.newContext()`)
 * keeps IndexedDB in memory, which the extension's library never is.
 * `--enable-precise-memory-info` makes `performance.memory` exact rather than bucketed.
 */
export async function launchPlain(userDataDir = tempDir('profile')): Promise<{ context: BrowserContext; userDataDir: string }> {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'],
  });
  return { context, userDataDir };
}
