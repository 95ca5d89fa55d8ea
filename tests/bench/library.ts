import type { CDPSession, Page } from 'playwright-core';
import { PAGE_ROWS } from '../../lib/library/search';
import type { FixturePage } from './fixtures';
import type { ExportLoad, ExportRun, LibrarySetup, QueryChoice, SaveRun, SearchRun } from './inPage/library';
import { peakResidentDuring, rendererPids } from './memory';
import { percentile } from './stats';

const CLAUSES_PER_MEETING = 100;
export const TARGET_CLAUSES = 100_000;
/** Meetings saved with saveSelection at each end of the growth: 3,000 clauses on the empty library, 2,000 on the full one. */
const FIRST_SAVED_MEETINGS = 30;
const LAST_SAVED_MEETINGS = 20;
const FILL_CHUNK = 20;
const SEARCH_REPS = 10;

export interface Throughput {
  clauses: number;
  rows: number;
  ms: number;
  clausesPerSecond: number;
}

export interface SearchAtSize {
  clauses: number;
  queries: (SearchRun & { p50: number; scanP50: number })[];
  /** Over every timed run of every query. */
  p50: number;
  p95: number;
  scanP50: number;
  /** search p50 / full-scan p50. */
  ratioToScan: number;
}

export interface LibraryResult {
  setup: LibrarySetup;
  queries: QueryChoice[];
  /** saveSelection, whole meetings of 20 items × 5 clauses, on the empty library and on the grown one. */
  save: Throughput & { first: Throughput & { fromClauses: number }; last: Throughput & { fromClauses: number } };
  /** The library grown between the two with copies of saved meetings (Dexie bulkPut, meetings and clauses). */
  fill: Throughput;
  /** The same number of rows saveSelection wrote, in transactions of one meeting, into one IndexedDB store without index. */
  rawPlain: Throughput;
  /** Diagnostic: the same, into IndexedDB stores with the library's own keys and indexes (puts only, no reads). */
  rawIndexed: Throughput;
  saveRatio: number;
  search: SearchAtSize[];
  finalClauses: number;
  csv: {
    load: ExportLoad;
    run: ExportRun;
    /** Runtime.getHeapUsage after a forced GC, with the CSV held, less the same before. */
    heapRetainedBytes: number;
    /** Resident memory of the renderer processes sampled from /proc every 5 ms during clausesCsv. */
    rendererRssBefore: number;
    rendererRssPeak: number;
    rendererProcesses: number;
    /** performance.memory right after clausesCsv less right before (garbage not collected yet). */
    heapAllocatedBytes: number | null;
  };
}

const throughput = (runs: SaveRun[]): Throughput => {
  const clauses = runs.reduce((n, r) => n + r.clauses, 0);
  const rows = runs.reduce((n, r) => n + r.rows, 0);
  const ms = runs.reduce((n, r) => n + r.ms, 0);
  return { clauses, rows, ms, clausesPerSecond: clauses / (ms / 1000) };
};

function summariseSearch(clauses: number, runs: SearchRun[]): SearchAtSize {
  const p50 = percentile(runs.flatMap((r) => r.searchMs), 50);
  const scanP50 = percentile(runs.flatMap((r) => r.scanMs), 50);
  return {
    clauses,
    queries: runs.map((r) => ({ ...r, p50: percentile(r.searchMs, 50), scanP50: percentile(r.scanMs, 50) })),
    p50,
    p95: percentile(runs.flatMap((r) => r.searchMs), 95),
    scanP50,
    ratioToScan: p50 / scanP50,
  };
}

/**
 * `page` is a blank page on 127.0.0.1 with tests/bench/inPage/library.ts loaded. The library
 * grows to 100k clauses unless the bench's time limit (`limitAt`) comes too near first; the
 * figures then say the size reached.
 */
export async function benchLibrary(
  page: Page,
  fixtures: FixturePage[],
  baseName: string,
  userDataDir: string,
  options: { limitAt: number; log: (line: string) => void },
): Promise<LibraryResult> {
  const { log } = options;
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const setup = await page.evaluate(([pages, base]) => window.__libSetup(pages, base), [fixtures.map((f) => ({ name: f.name, html: f.html, url: f.url })), baseName] as const);
  const queries = await page.evaluate(() => window.__libQueries());
  log(`library: pools of ${setup.items} items, ${setup.clauses} clauses, ${setup.vocabulary} words; queries ${queries.map((q) => `"${q.text}"`).join(', ')}`);

  const first = await page.evaluate(([a, b]) => window.__libSave(a, b), [0, FIRST_SAVED_MEETINGS] as const);
  log(`library: saveSelection, first ${first.clauses} clauses: ${Math.round(first.clauses / (first.ms / 1000))} clauses/s`);
  await page.evaluate(() => window.__libTakeTemplates());

  // Raw baselines, on empty databases as the first saves were: as many rows as saveSelection
  // writes in this bench (3,000 + 2,000 clauses), one meeting a transaction.
  const rawPlain = throughput([await page.evaluate(([n]) => window.__libRawSave(0, n, false), [FIRST_SAVED_MEETINGS + LAST_SAVED_MEETINGS] as const)]);
  log(`library: raw IndexedDB puts: ${Math.round(rawPlain.clausesPerSecond)} clauses/s`);
  const rawIndexed = throughput([await page.evaluate(() => window.__libRawSave(0, 10, true))]);
  log(`library: raw IndexedDB puts with the library's indexes: ${Math.round(rawIndexed.clausesPerSecond)} clauses/s`);

  const fillRuns: SaveRun[] = [];
  let meetings = FIRST_SAVED_MEETINGS;
  const fillTo = async (target: number, deadline: number) => {
    while (meetings < target && Date.now() < deadline) {
      const to = Math.min(target, meetings + FILL_CHUNK);
      // Copies number on from the saved meetings: meeting m is a copy of template m % templates.
      fillRuns.push(await page.evaluate(([a, b]) => window.__libFill(a, b), [meetings, to] as const));
      meetings = to;
      if (meetings % 100 === 0) log(`library: grown to ${meetings * CLAUSES_PER_MEETING} clauses (copies: ${Math.round(throughput(fillRuns).clausesPerSecond)} clauses/s)`);
    }
  };
  const search: SearchAtSize[] = [];
  const searchNow = async (scanReps: number[]) => {
    const clauses = await page.evaluate(() => window.__libCount());
    const runs = await page.evaluate(([q, reps, scans]) => window.__libSearch(q, reps, scans), [queries, SEARCH_REPS, scanReps] as const);
    search.push(summariseSearch(clauses, runs));
    log(`library: search at ${clauses} clauses: p50 ${search.at(-1)?.p50.toFixed(1)} ms, scan p50 ${search.at(-1)?.scanP50.toFixed(0)} ms`);
  };

  await fillTo(10_000 / CLAUSES_PER_MEETING, Infinity);
  const searchStarted = Date.now();
  await searchNow(queries.map(() => 2));
  // Growth stops in time for what follows it: saves on the full library (a third of the rate on
  // the empty one, or better), search (a few times its cost at 10k), export and closing.
  const tailMs = (LAST_SAVED_MEETINGS * CLAUSES_PER_MEETING) / (0.35 * (first.clauses / first.ms)) + 3.5 * (Date.now() - searchStarted) + 30_000;
  log(`library: growing until ${Math.round(tailMs / 1000)} s before the time limit`);
  await fillTo(TARGET_CLAUSES / CLAUSES_PER_MEETING - LAST_SAVED_MEETINGS, options.limitAt - tailMs);
  const fromClauses = meetings * CLAUSES_PER_MEETING;
  // New meetings (not copies) saved on the grown library.
  const last = await page.evaluate(([a, b]) => window.__libSave(a, b), [meetings, meetings + LAST_SAVED_MEETINGS] as const);
  meetings += LAST_SAVED_MEETINGS;
  log(`library: saveSelection, ${last.clauses} clauses from ${fromClauses}: ${Math.round(last.clauses / (last.ms / 1000))} clauses/s`);
  // Scans of the full library: once for the rarest and the commonest word.
  await searchNow(queries.map((_, i) => (i === 0 || i === 3 ? 1 : 0)));
  const finalClauses = await page.evaluate(() => window.__libCount());

  // CSV export of every clause, as the library page does it with no filter.
  const load = await page.evaluate(() => window.__libExportLoad());
  await cdp.send('HeapProfiler.collectGarbage');
  const heapBase = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  const pids = rendererPids(userDataDir);
  const sampled = await peakResidentDuring(pids, () => page.evaluate(() => window.__libExportCsv()));
  await cdp.send('HeapProfiler.collectGarbage');
  const heapHeld = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  await page.evaluate(() => window.__libExportDrop());
  log(`library: CSV of ${load.clauses} clauses in ${sampled.result.csvMs.toFixed(0)} ms (read in ${load.loadMs.toFixed(0)} ms; the page's first ${PAGE_ROWS} rows with no filter in ${load.firstPageMs.toFixed(0)} ms)`);

  await page.evaluate(() => window.__libClose());
  await cdp.detach();

  const firstT = throughput([first]);
  const lastT = throughput([last]);
  const save = throughput([first, last]);
  return {
    setup,
    queries,
    save: { ...save, first: { ...firstT, fromClauses: 0 }, last: { ...lastT, fromClauses } },
    fill: throughput(fillRuns),
    rawPlain,
    rawIndexed,
    saveRatio: save.clausesPerSecond / rawPlain.clausesPerSecond,
    search,
    finalClauses,
    csv: {
      load,
      run: sampled.result,
      heapRetainedBytes: heapHeld - heapBase,
      rendererRssBefore: sampled.before,
      rendererRssPeak: sampled.peak,
      rendererProcesses: pids.length,
      heapAllocatedBytes: sampled.result.heapAfter !== null && sampled.result.heapBefore !== null ? sampled.result.heapAfter - sampled.result.heapBefore : null,
    },
  };
}
