import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSyntheticBackup } from '../support/syntheticBackup';
import { launchWithExtension, type ExtensionBrowser } from './support/browser';

/** 30 meetings of 10 items × 100 clauses: about 16 MB, 16 batches of the restore. */
const MEETINGS = 30;
const CLAUSES = MEETINGS * 1000;
const RECORDS = 1 + 1 + MEETINGS + MEETINGS * 10 + CLAUSES;
const n = (x: number) => x.toLocaleString('en-GB');

let browser: ExtensionBrowser;
let dir: string;
let backup: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'restore-stream-'));
  backup = path.join(dir, 'big-backup.json');
  const written = writeSyntheticBackup(backup, MEETINGS);
  expect(written.counts.clauses).toBe(CLAUSES);
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
});

/** Every text the progress bar shows from now on, as the page draws it. */
async function recordProgress(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { progressSeen: string[] }).progressSeen = seen;
    new MutationObserver(() => {
      const text = document.querySelector('.export-progress label')?.textContent;
      if (text && seen.at(-1) !== text) seen.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  return () => page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
}

async function clausesMatching(page: Page, search: string): Promise<void> {
  await page.reload();
  await page.getByRole('searchbox', { name: 'Search' }).fill(search);
  await page.getByRole('status').filter({ hasText: `${CLAUSES.toLocaleString('en-GB')} clauses match.` }).waitFor({ timeout: 60_000 });
}

describe('restoring a backup of tens of thousands of clauses, streamed from the file', () => {
  it('shows the check then the merge, counts every record, adds nothing the second time, and a file cut short changes nothing', { timeout: 300_000 }, async () => {
    const library = await browser.openExtensionPage('library.html');
    await library.getByRole('status').filter({ hasText: '0 clauses match.' }).waitFor();
    const progress = await recordProgress(library);
    await library.getByLabel('Restore from a backup').setInputFiles(backup);
    const done = `Restored from big-backup.json: ${MEETINGS} meetings, ${(MEETINGS * 10).toLocaleString('en-GB')} items, ${CLAUSES.toLocaleString('en-GB')} clauses, merged with the library.`;
    await library.getByRole('status').filter({ hasText: done }).waitFor({ timeout: 240_000 });
    const seen = await progress();
    // Checked in batches of 2,000 records, then merged batch by batch, of the total the check counted.
    expect(seen[0]).toMatch(/^Checking the backup: [\d,]+ records$/);
    expect(seen).toContain(`Checking the backup: ${n(RECORDS)} records`);
    const merging = seen.filter((s) => s.startsWith('Restoring: '));
    expect(merging.length).toBeGreaterThan(1);
    for (const line of merging) expect(line).toMatch(new RegExp(`^Restoring: [\\d,]+ of ${n(RECORDS)} records$`));
    expect(merging.at(-1)).toBe(`Restoring: ${n(RECORDS)} of ${n(RECORDS)} records`);
    expect(await library.locator('.export-progress').count()).toBe(0);
    // Every clause is in, and found by a word of its text (the meetings' postings were built).
    await clausesMatching(library, 'youth');

    // Again: merged, nothing doubled.
    await library.getByLabel('Restore from a backup').setInputFiles(backup);
    await library.getByRole('status').filter({ hasText: done }).waitFor({ timeout: 240_000 });
    await clausesMatching(library, 'youth');
    await library.getByRole('searchbox', { name: 'Search' }).fill('');
    await library.getByRole('status').filter({ hasText: `${CLAUSES.toLocaleString('en-GB')} clauses match.` }).waitFor();

    // A copy cut short: refused with its message, the library as it was.
    const text = readFileSync(backup, 'utf8');
    const cut = path.join(dir, 'cut-backup.json');
    writeFileSync(cut, text.slice(0, Math.floor(text.length * 0.6)));
    await library.getByLabel('Restore from a backup').setInputFiles(cut);
    await library
      .getByRole('status')
      .filter({ hasText: 'The backup is damaged: the file is incomplete or its JSON is broken (it may have been cut short while copying). Nothing was restored.' })
      .waitFor({ timeout: 120_000 });
    await clausesMatching(library, 'youth');
    await library.close();
  });
});
