import type { Page } from 'playwright-core';
import type { FixturePage } from './fixtures';

/** Meetings saved with saveSelection for the measure: 5,000 clauses, their items and meetings. */
const MEETINGS = 50;

export interface StorageUsage {
  /** `navigator.storage.estimate()`: what the origin stores on disk, and may store. */
  usage: number;
  quota: number;
  /** Chromium's IndexedDB share of `usage` (`usageDetails`), where given. */
  indexedDB: number | null;
}

export interface StorageResult {
  meetings: number;
  /** Clauses in the library once saved (a few of the 100 a meeting are the same clause twice in an item, saved once). */
  clauses: number;
  before: StorageUsage;
  after: StorageUsage;
  /** (usage after − before) / clauses: the library's bytes on disk (rows, indexes, items and meetings) per clause saved. */
  bytesPerClause: number;
}

/**
 * The origin's storage as the browser estimates it. The library bench (tests/bench/library.ts) can
 * call it around its growth to 1M clauses in the same way: the page must be on a profile on disk.
 */
export async function storageUsage(page: Page): Promise<StorageUsage> {
  return page.evaluate(async () => {
    const estimate = (await navigator.storage.estimate()) as StorageEstimate & { usageDetails?: { indexedDB?: number } };
    return { usage: estimate.usage ?? 0, quota: estimate.quota ?? 0, indexedDB: estimate.usageDetails?.indexedDB ?? null };
  });
}

/**
 * `page` is a blank page on 127.0.0.1 in a profile on disk, with tests/bench/inPage/library.ts
 * loaded: an empty library, then 50 synthetic meetings of 20 items × 5 clauses saved with
 * saveSelection (what the panel's "Save meeting" writes), the estimate before and after.
 */
export async function benchStorage(page: Page, fixtures: FixturePage[], baseName: string, log: (line: string) => void): Promise<StorageResult> {
  await page.evaluate(([pages, base]) => window.__libSetup(pages, base), [fixtures.map((f) => ({ name: f.name, html: f.html, url: f.url })), baseName] as const);
  const before = await storageUsage(page);
  const run = await page.evaluate(([a, b]) => window.__libSave(a, b), [0, MEETINGS] as const);
  const clauses = await page.evaluate(() => window.__libCount());
  const after = await storageUsage(page);
  await page.evaluate(() => window.__libClose());
  const result = { meetings: run.meetings, clauses, before, after, bytesPerClause: (after.usage - before.usage) / clauses };
  log(`storage: ${clauses} clauses saved: usage ${before.usage} → ${after.usage} bytes, ${Math.round(result.bytesPerClause)} bytes a clause; quota ${after.quota}`);
  return result;
}
