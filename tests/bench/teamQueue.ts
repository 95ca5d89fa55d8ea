import os from 'node:os';
import { withBlankPage } from './blankPage';
import { bundleForPage } from './bundle';
import { peakResidentDuring, rendererPids } from './memory';

/**
 * `npm run bench:team-queue [-- MEETINGS]`: the notes in the whole library and queuing it for the
 * team (lib/team/publishRows.ts), in headless Chromium on the browser's IndexedDB, with the time
 * and the renderers' peak resident memory of each. 100 clauses a meeting; 1,000 meetings =
 * 100,000 clauses. Figures are printed, never asserted. No team server: nothing is sent.
 */
async function main(): Promise<void> {
  const meetings = Number(process.argv[2] ?? 1000);
  const bundle = await bundleForPage('tests/bench/inPage/teamQueue.ts');
  const mib = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MiB`;
  await withBlankPage(bundle, async (page, userDataDir) => {
    const clauses = await page.evaluate((n) => window.__teamQueue.grow(n), meetings);
    // A fresh page on the grown library: the renderer's memory is then the library page's, not the growing's.
    await page.reload();
    await page.addScriptTag({ content: bundle });
    const pids = rendererPids(userDataDir);
    const notes = await peakResidentDuring(pids, () => page.evaluate(() => window.__teamQueue.notes()), 20);
    const queue = await peakResidentDuring(pids, () => page.evaluate(() => window.__teamQueue.queue()), 20);
    console.log(
      [
        `${os.cpus().length} × ${os.cpus()[0]?.model}; load average ${os.loadavg().map((n) => n.toFixed(2)).join(' ')}`,
        `library: ${clauses.toLocaleString('en-GB')} clauses`,
        `notes in the whole library: ${notes.result.notes} in ${(notes.result.ms / 1000).toFixed(1)} s; renderers ${mib(notes.before)} before, ${mib(notes.peak)} at most`,
        `queue the whole library: ${queue.result.queued.toLocaleString('en-GB')} rows in ${(queue.result.ms / 1000).toFixed(1)} s; renderers ${mib(queue.before)} before, ${mib(queue.peak)} at most`,
      ].join('\n'),
    );
  });
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
