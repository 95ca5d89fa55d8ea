import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { PAGE_ROWS } from '../../lib/library/search';
import type { FixturePage } from './fixtures';
import type { ExportLoad, ExportRun, LibrarySetup, QueryChoice, SaveRun, SearchRun } from './inPage/library';
import { peakResidentDuring, rendererPids } from './memory';
import { percentile } from './stats';

const CLAUSES_PER_MEETING = 100;
/** The library's size at the end; `BENCH_CLAUSES` sets another (a quick run of the whole bench). */
export const TARGET_CLAUSES = Number(process.env.BENCH_CLAUSES) || 1_000_000;
/** Sizes measured on the way (the 10k and 100k rows of the runs before), then the end. */
const CHECKPOINTS = [10_000, 100_000].filter((n) => n < TARGET_CLAUSES);
/** Meetings saved with saveSelection at each end of the growth: 3,000 clauses on the empty library, 2,000 on the full one. */
const FIRST_SAVED_MEETINGS = 30;
const LAST_SAVED_MEETINGS = 20;
/** Meetings copied in one transaction of bulk puts (2,000 clauses). */
const FILL_CHUNK = 20;
const SEARCH_REPS = 10;
/** The growth's rate is logged and kept every this many clauses. */
const GROWTH_STEP = 50_000;

export interface Throughput {
  clauses: number;
  rows: number;
  ms: number;
  clausesPerSecond: number;
}

export interface SearchAtSize {
  clauses: number;
  queries: (SearchRun & { p50: number; p95: number; nextP50: number; nextP95: number; scanP50: number })[];
  /** The first page (PAGE_ROWS rows), over every timed run of every query. */
  p50: number;
  p95: number;
  /** The page after it, from the first page's cursor. */
  nextP50: number;
  nextP95: number;
  /** The profile's IndexedDB on disk (the library alone: the raw baselines' databases are gone), per clause. */
  bytesOnDisk: number;
}

export interface GrowthMark {
  clauses: number;
  /** Seconds of bulk puts to reach this size (the puts alone, not the measurements between). */
  fillSeconds: number;
  /** The puts' rate over the last GROWTH_STEP clauses: whether puts slow down as the library grows. */
  recentClausesPerSecond: number;
}

export interface LibraryResult {
  setup: LibrarySetup;
  queries: QueryChoice[];
  /** saveSelection, whole meetings of 20 items × 5 clauses, on the empty library and on the grown one. */
  save: Throughput & { first: Throughput & { fromClauses: number }; last: Throughput & { fromClauses: number } };
  /** The library grown between the two by bulk puts of copies of saved meetings (everything a save writes), FILL_CHUNK meetings a transaction. */
  fill: Throughput;
  growth: GrowthMark[];
  /** The same number of rows saveSelection wrote, in transactions of one meeting, into one IndexedDB store without index. */
  rawPlain: Throughput;
  /** The same, into IndexedDB stores with the library's own keys and indexes, postings included (puts only, no reads). */
  rawIndexed: Throughput;
  search: SearchAtSize[];
  finalClauses: number;
  /** The whole-library CSV as main makes it, at 100k clauses at most (reading every row into memory; the streamed export is another branch's). */
  csv: {
    load: ExportLoad;
    run: ExportRun;
    rendererRssBefore: number;
    rendererRssPeak: number;
    rendererProcesses: number;
  } | null;
}

const throughput = (runs: SaveRun[]): Throughput => {
  const clauses = runs.reduce((n, r) => n + r.clauses, 0);
  const rows = runs.reduce((n, r) => n + r.rows, 0);
  const ms = runs.reduce((n, r) => n + r.ms, 0);
  return { clauses, rows, ms, clausesPerSecond: clauses / (ms / 1000) };
};

const p = (values: number[], at: number) => (values.length ? percentile(values, at) : Number.NaN);

function summariseSearch(clauses: number, runs: SearchRun[], bytes: number): SearchAtSize {
  const all = (pick: (r: SearchRun) => number[]) => runs.flatMap(pick);
  return {
    clauses,
    queries: runs.map((r) => ({ ...r, p50: p(r.searchMs, 50), p95: p(r.searchMs, 95), nextP50: p(r.nextMs, 50), nextP95: p(r.nextMs, 95), scanP50: p(r.scanMs, 50) })),
    p50: p(all((r) => r.searchMs), 50),
    p95: p(all((r) => r.searchMs), 95),
    nextP50: p(all((r) => r.nextMs), 50),
    nextP95: p(all((r) => r.nextMs), 95),
    bytesOnDisk: bytes / clauses,
  };
}

/** Bytes of every file under `dir` (the profile's IndexedDB). */
function bytesUnder(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? bytesUnder(full) : statSync(full).size;
  }
  return total;
}

/**
 * `page` is a page of the built extension's origin with tests/bench/inPage/library.ts evaluated
 * in it: the library grows in the extension's own IndexedDB (`dbName`), on a profile on disk, to
 * TARGET_CLAUSES unless the bench's time limit (`limitAt`) comes too near first (the figures then
 * say the size reached). Search is measured at 10k, 100k and the end. The library is left in
 * place for the library page's bench (libraryViews.ts).
 */
export async function benchLibrary(
  page: Page,
  fixtures: FixturePage[],
  baseName: string,
  userDataDir: string,
  options: { limitAt: number; log: (line: string) => void; dbName: string },
): Promise<LibraryResult> {
  const { log } = options;
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const setup = await page.evaluate(([pages, base, name]) => window.__libSetup(pages, base, name), [fixtures.map((f) => ({ name: f.name, html: f.html, url: f.url })), baseName, options.dbName] as const);
  const queries = await page.evaluate(() => window.__libQueries());
  log(`library: pools of ${setup.items} items, ${setup.clauses} clauses, ${setup.vocabulary} words; queries ${queries.map((q) => `"${q.text}"`).join(', ')}`);

  const first = await page.evaluate(([a, b]) => window.__libSave(a, b), [0, FIRST_SAVED_MEETINGS] as const);
  log(`library: saveSelection, first ${first.clauses} clauses: ${Math.round(first.clauses / (first.ms / 1000))} clauses/s`);
  await page.evaluate(() => window.__libTakeTemplates());

  // Raw baselines, on empty databases as the first saves were: as many rows as saveSelection
  // writes in this bench (3,000 + 2,000 clauses), one meeting a transaction.
  const rawPlain = throughput([await page.evaluate(([n]) => window.__libRawSave(0, n, false), [FIRST_SAVED_MEETINGS + LAST_SAVED_MEETINGS] as const)]);
  log(`library: raw IndexedDB puts: ${Math.round(rawPlain.clausesPerSecond)} clauses/s`);
  const rawIndexed = throughput([await page.evaluate(([n]) => window.__libRawSave(0, n, true), [FIRST_SAVED_MEETINGS + LAST_SAVED_MEETINGS] as const)]);
  log(`library: raw IndexedDB puts into the library's own stores and indexes: ${Math.round(rawIndexed.clausesPerSecond)} clauses/s`);
  await page.evaluate(() => window.__libRawDrop());
  const indexedDbDir = path.join(userDataDir, 'Default', 'IndexedDB');

  const fillRuns: SaveRun[] = [];
  const growth: GrowthMark[] = [];
  let meetings = FIRST_SAVED_MEETINGS;
  let markFrom = 0;
  // Clauses the library holds, counted in it at each step: a copy holds its template's clauses, not always CLAUSES_PER_MEETING (100 meetings held 9,660), so sizes are counted, not inferred.
  let held = await page.evaluate(() => window.__libCount());
  const fillTo = async (clauses: number, deadline: number) => {
    while (held < clauses && Date.now() < deadline) {
      // Copies number on from the saved meetings: meeting m is a copy of template m % templates.
      const run = await page.evaluate(([a, b]) => window.__libFill(a, b), [meetings, meetings + FILL_CHUNK] as const);
      fillRuns.push(run);
      meetings += FILL_CHUNK;
      const step = Math.floor((held + run.clauses) / GROWTH_STEP) > Math.floor(held / GROWTH_STEP);
      held += run.clauses;
      if (step || held >= clauses) held = await page.evaluate(() => window.__libCount());
      if (step) {
        const recent = throughput(fillRuns.slice(markFrom));
        markFrom = fillRuns.length;
        growth.push({ clauses: held, fillSeconds: throughput(fillRuns).ms / 1000, recentClausesPerSecond: recent.clausesPerSecond });
        log(`library: grown to ${held} clauses: ${Math.round(recent.clausesPerSecond)} clauses/s over the last ${GROWTH_STEP}`);
      }
    }
  };
  const search: SearchAtSize[] = [];
  const searchNow = async (scanReps: number[]) => {
    const clauses = await page.evaluate(() => window.__libCount());
    const runs = await page.evaluate(([q, reps, scans]) => window.__libSearch(q, reps, scans), [queries, SEARCH_REPS, scanReps] as const);
    const s = summariseSearch(clauses, runs, bytesUnder(indexedDbDir));
    search.push(s);
    log(`library: search at ${clauses} clauses: first page p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms; next page p95 ${s.nextP95.toFixed(1)} ms; ${Math.round(s.bytesOnDisk)} bytes on disk a clause`);
    for (const q of s.queries) log(`library:   ${q.label} "${q.query}": ${q.hits} hits, p50 ${q.p50.toFixed(1)} ms, p95 ${q.p95.toFixed(1)} ms, next p95 ${q.nextP95.toFixed(1)} ms, count ${q.countMs.toFixed(0)} ms`);
  };
  let csv: LibraryResult['csv'] = null;
  const csvNow = async () => {
    const load = await page.evaluate(() => window.__libExportLoad());
    await cdp.send('HeapProfiler.collectGarbage');
    const pids = rendererPids(userDataDir);
    const sampled = await peakResidentDuring(pids, () => page.evaluate(() => window.__libExportCsv()));
    await page.evaluate(() => window.__libExportDrop());
    csv = { load, run: sampled.result, rendererRssBefore: sampled.before, rendererRssPeak: sampled.peak, rendererProcesses: pids.length };
    log(`library: CSV of ${load.clauses} clauses in ${sampled.result.csvMs.toFixed(0)} ms (read in ${load.loadMs.toFixed(0)} ms; the first ${PAGE_ROWS} rows with no filter in ${load.firstPageMs.toFixed(0)} ms)`);
  };

  const started = Date.now();
  let searchCost = 0;
  for (const size of CHECKPOINTS) {
    await fillTo(size, options.limitAt - 120_000);
    if (held < size) break;
    const t = Date.now();
    // Full scans at 10k only (twice a query): a cross-check of the hits, seconds each beyond.
    await searchNow(queries.map(() => (size <= 10_000 ? 2 : 0)));
    searchCost = Math.max(searchCost, Date.now() - t);
    if (size === 100_000) await csvNow();
  }
  // Growth stops in time for what follows it: saves on the full library, search, the views and closing.
  // The saves that follow add new meetings to a library of the full size already (they store fewer clauses than they are given, as the copies do).
  const target = TARGET_CLAUSES;
  const tailMs = (LAST_SAVED_MEETINGS * CLAUSES_PER_MEETING) / (0.35 * (first.clauses / first.ms)) + 3 * searchCost + 180_000;
  log(`library: growing to ${target} clauses, until ${Math.round(tailMs / 1000)} s before the time limit`);
  await fillTo(target, options.limitAt - tailMs);
  log(`library: grown to ${held} clauses in ${((Date.now() - started) / 1000).toFixed(0)} s with the measurements between`);
  const fromClauses = await page.evaluate(() => window.__libCount());
  // New meetings (not copies) saved on the grown library.
  const last = await page.evaluate(([a, b]) => window.__libSave(a, b), [meetings, meetings + LAST_SAVED_MEETINGS] as const);
  meetings += LAST_SAVED_MEETINGS;
  log(`library: saveSelection, ${last.clauses} clauses from ${fromClauses}: ${Math.round(last.clauses / (last.ms / 1000))} clauses/s`);
  const finalClauses = await page.evaluate(() => window.__libCount());
  if (!CHECKPOINTS.includes(finalClauses)) await searchNow(queries.map(() => 0));
  if (!csv && finalClauses <= 100_000) await csvNow();
  await page.evaluate(() => window.__libClose(true));
  await cdp.detach();

  const firstT = throughput([first]);
  const lastT = throughput([last]);
  return {
    setup,
    queries,
    save: { ...throughput([first, last]), first: { ...firstT, fromClauses: 0 }, last: { ...lastT, fromClauses } },
    fill: throughput(fillRuns),
    growth,
    rawPlain,
    rawIndexed,
    search,
    finalClauses,
    csv,
  };
}
