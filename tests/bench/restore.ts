/**
 * `npx tsx tests/bench/restore.ts`: restoring a backup of BENCH_RESTORE_CLAUSES synthetic clauses
 * (1,000,000 by default; meetings of 10 items × 100 clauses, written by the backup's own writer)
 * through the library page's file input into a fresh profile in headless Chromium, as a
 * researcher would (issue 15). Prints the time of the check and of the merge, records a second
 * and the renderers' peak resident memory; asserts nothing. Needs free disk for the file (about
 * 540 bytes a clause) and the profile (check `df -h /tmp`).
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchWithExtension, newProfileDir } from '../e2e/support/browser';
import { writeSyntheticBackup } from '../support/syntheticBackup';
import { REPO_ROOT, tempDir } from './config';
import { peakResidentDuring, rendererPids } from './memory';

const CLAUSES = Number(process.env.BENCH_RESTORE_CLAUSES) || 1_000_000;
const started = Date.now();
const log = (line: string) => process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${line}\n`);
const mib = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MiB`;

/** The progress bar's texts as the page draws them, each with the page's time. */
async function recordProgress(page: Page): Promise<() => Promise<[string, number][]>> {
  await page.evaluate(() => {
    const seen: [string, number][] = [];
    (window as unknown as { progressSeen: [string, number][] }).progressSeen = seen;
    new MutationObserver(() => {
      const text = document.querySelector('.export-progress label')?.textContent;
      if (text && seen.at(-1)?.[0] !== text) seen.push([text, performance.now()]);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  return () => page.evaluate(() => (window as unknown as { progressSeen: [string, number][] }).progressSeen);
}

async function main(): Promise<void> {
  const meetings = Math.ceil(CLAUSES / 1000);
  const file = path.join(tempDir('restore-bench'), 'council-minutes-backup.json');
  log(`writing a backup of ${meetings} meetings (${meetings * 1000} clauses) to ${file}`);
  const written = writeSyntheticBackup(file, meetings);
  const records = Object.values(written.counts).reduce((a, b) => a + b, 0);
  log(`written: ${mib(written.bytes)}, ${records} records`);
  execFileSync('npx', ['wxt', 'build', '--mode', 'e2e'], { cwd: REPO_ROOT, stdio: 'pipe' });
  const userDataDir = newProfileDir();
  const browser = await launchWithExtension(userDataDir);
  try {
    const page = await browser.openExtensionPage('library.html');
    await page.getByRole('status').filter({ hasText: '0 clauses match.' }).waitFor();
    const progress = await recordProgress(page);
    const load = os.loadavg().map((n) => n.toFixed(2)).join(' ');
    const t0 = await page.evaluate(() => performance.now());
    const { result: status, before, peak } = await peakResidentDuring(
      rendererPids(userDataDir),
      async () => {
        await page.getByLabel('Restore from a backup').setInputFiles(file);
        const end = page.getByRole('status').filter({ hasText: /^(Restored from|The restore stopped|The backup is damaged|This file)/ });
        await end.waitFor({ timeout: 3 * 60 * 60 * 1000 });
        return end.textContent();
      },
      50,
    );
    const t1 = await page.evaluate(() => performance.now());
    const seen = await progress();
    const firstRestoring = seen.find(([text]) => text.startsWith('Restoring'))?.[1] ?? t1;
    const lastRestoring = seen.findLast(([text]) => text.startsWith('Restoring'))?.[1] ?? t1;
    const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
    const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    const figures = {
      clauses: written.counts.clauses,
      records,
      fileBytes: written.bytes,
      checkMs: Math.round(firstRestoring - t0),
      mergeMs: Math.round(lastRestoring - firstRestoring),
      indexMs: Math.round(t1 - lastRestoring),
      totalMs: Math.round(t1 - t0),
      recordsPerSecond: Math.round(records / ((t1 - t0) / 1000)),
      rendererBeforeBytes: before,
      rendererPeakBytes: peak,
      storedBytes: usage,
      loadAverageAtStart: load,
      loadAverageAtEnd: os.loadavg().map((n) => n.toFixed(2)).join(' '),
    };
    log(`status: ${status}`);
    log(
      `restore of ${records} records (${mib(written.bytes)}): ${seconds(figures.totalMs)} in all (check ${seconds(figures.checkMs)}, merge ${seconds(figures.mergeMs)}, ` +
        `search index ${seconds(figures.indexMs)}), ${figures.recordsPerSecond} records/s; renderers ${mib(before)} before, ${mib(peak)} at most; ` +
        `IndexedDB ${mib(usage)}; load ${load} → ${figures.loadAverageAtEnd}`,
    );
    process.stdout.write(`${JSON.stringify(figures)}\n`);
  } finally {
    await browser.close();
    // The file and the profile are each about as big as the library: not left behind.
    rmSync(path.dirname(file), { recursive: true, force: true });
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  log(`restore bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
