/**
 * `npm run bench`: the extension's costs measured in headless Chromium (issue "Benchmarks in
 * real Chromium"). Prints a table, writes bench-results/bench.json and bench-results/bench.md.
 * Targets are reported next to each figure, never asserted: the exit code is 0 whatever the figures.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { inBlankPage, serveBlankPage } from './blankPage';
import { bundleForPage } from './bundle';
import { CHROMIUM, REPO_ROOT, RESULTS_DIR, RESULTS_FILE } from './config';
import { measureContentScript } from './contentScriptSize';
import { benchExtraction, HUGE_MEETING_ITEMS, largeMeetingPage } from './extraction';
import { baseMeetingPage, fixturePages } from './fixtures';
import { benchCompareInPage, compareVocabulary } from './compare';
import { benchExport, exportTargets, measureExports, type ExportResult } from './export';
import { LibraryDb } from '../../lib/library/db';
import { launchWithExtension, newProfileDir } from '../e2e/support/browser';
import { benchLibrary } from './library';
import { benchViews } from './libraryViews';
import { benchRows, searchDetail, table, type BenchResults, type Machine } from './report';
import { BenchJsonSchema, type BenchJson } from './rows';
import { benchPageTasks } from './pageTasks';
import { benchSidePanel } from './sidePanel';
import { benchStorage } from './storage';
import { benchUpgrade } from './upgrade';

/** The bench stops within 5 minutes; BENCH_LIMIT_SECONDS sets another limit (a shared machine may not reach 100k clauses in 5). */
const LIMIT_MS = (Number(process.env.BENCH_LIMIT_SECONDS) || 300) * 1000;
const started = Date.now();
// Other work on the machine slows every figure: the load average is reported with them.
const loadAtStart = os.loadavg().map((n) => Math.round(n * 100) / 100);
const log = (line: string) => process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${line}\n`);

// The bench stops by itself: past the limit it gives up rather than hang.
setTimeout(() => {
  log(`bench: over ${LIMIT_MS / 1000} s, stopping`);
  process.exit(2);
}, LIMIT_MS).unref();

function machine(): Machine {
  let chromium = 'unknown';
  try {
    chromium = execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    // reported as unknown
  }
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    node: process.version,
    chromium,
    platform: `${os.type()} ${os.release()}`,
    loadAverageAtStart: loadAtStart,
    loadAverageAtEnd: os.loadavg().map((n) => Math.round(n * 100) / 100),
  };
}

/** `npm run bench -- --json FILE`: every row as {name, value, unit, target, met} (tests/bench/rows.ts), to compare runs over time. */
function jsonFileArg(args: string[]): string | null {
  if (args.length === 0) return null;
  if (args[0] === '--json' && args[1] && args.length === 2) return path.resolve(args[1]);
  throw new Error(`bench: unknown arguments ${args.join(' ')}; the only one is --json FILE`);
}
const jsonFile = jsonFileArg(process.argv.slice(2));

/** BENCH_ONLY=extraction,size,panel,page,storage,compare,upgrade,library,export measures those parts alone (all by default). */
const PARTS = ['extraction', 'size', 'panel', 'page', 'storage', 'compare', 'upgrade', 'library', 'export'] as const;
const only = (process.env.BENCH_ONLY ?? '').split(',').map((p) => p.trim()).filter(Boolean);
const unknown = only.filter((p) => !(PARTS as readonly string[]).includes(p));
if (unknown.length) throw new Error(`BENCH_ONLY: unknown part(s) ${unknown.join(', ')}; the parts are ${PARTS.join(', ')}`);
const runs = (part: (typeof PARTS)[number]) => only.length === 0 || only.includes(part);

async function main(): Promise<void> {
  const fixtures = fixturePages();
  const base = baseMeetingPage(fixtures);
  log(`bench: ${fixtures.length} fixture pages; synthetic pages and library from ${base.name}`);
  const [extractionBundle, libraryBundle, compareBundle, exportBundle] = await Promise.all([
    bundleForPage('tests/bench/inPage/extraction.ts'),
    bundleForPage('tests/bench/inPage/library.ts'),
    bundleForPage('tests/bench/inPage/compare.ts'),
    bundleForPage('tests/bench/inPage/export.ts'),
  ]);

  const contentScript = runs('size') ? measureContentScript() : undefined;
  if (contentScript) log(`content script: ${contentScript.minifiedBytes} bytes, ${contentScript.gzipBytes} gzipped`);

  const blank = await serveBlankPage();
  const inBlank = <T,>(bundle: string, work: (page: Page, userDataDir: string) => Promise<T>) => inBlankPage(blank.url, bundle, work);
  let extraction: Awaited<ReturnType<typeof benchExtraction>> | undefined;
  let large: Awaited<ReturnType<typeof largeMeetingPage>> | undefined;
  let library;
  let libraryViews;
  let sidePanel;
  let pageTasks;
  let storage;
  let compare;
  let upgrade;
  let exported: ExportResult | undefined;
  try {
    let huge: Awaited<ReturnType<typeof largeMeetingPage>> | undefined;
    if (runs('extraction') || runs('panel') || runs('page')) {
      await inBlank(extractionBundle, async (page) => {
        large = await largeMeetingPage(page, base);
        if (runs('page')) huge = await largeMeetingPage(page, base, HUGE_MEETING_ITEMS);
        if (runs('extraction')) {
          extraction = await benchExtraction(page, [...fixtures, large]);
          for (const p of extraction) log(`extraction: ${p.name}: ${p.extractMs.toFixed(2)} / ${p.parseMs.toFixed(2)} ms = ${p.ratio.toFixed(3)}`);
        }
      });
    }

    if (runs('panel') && large) sidePanel = await benchSidePanel({ base, large }, log);

    if (runs('page') && large && huge) {
      const count = (html: string) => (html.match(/class="mgItemNumberCell"/g) ?? []).length;
      pageTasks = await benchPageTasks([base, large, huge].map((p) => ({ ...p, items: count(p.html) })), log);
    }

    if (runs('storage')) storage = await inBlank(libraryBundle, (page) => benchStorage(page, fixtures, base.name, log));

    if (runs('compare')) {
      compare = await inBlank(compareBundle, (page) => benchCompareInPage(page, compareVocabulary()));
      log(`compare: ${compare.items} items grouped in ${(compare.totalMs / 1000).toFixed(2)} s; a saved meeting ${compare.incrementalMs.map((x) => x.toFixed(1)).join(', ')} ms`);
    }

    // The first open after an update from version 8, on a version 8 library grown to BENCH_UPGRADE_CLAUSES.
    if (runs('upgrade')) {
      const limitAt = runs('library') || runs('export') ? started + LIMIT_MS / 3 : started + LIMIT_MS - 8_000;
      upgrade = await inBlank(libraryBundle, (page, userDataDir) => benchUpgrade(page, fixtures, base.name, userDataDir, { limitAt, log }));
    }

    // Streamed CSV export (issue 15), on its own library grown to BENCH_EXPORT_CLAUSES.
    if (runs('export')) {
      const limitAt = runs('library') ? started + LIMIT_MS / 2 : started + LIMIT_MS - 8_000;
      exported = await inBlank(exportBundle, (page, userDataDir) => benchExport(page, fixtures, base.name, userDataDir, { targets: exportTargets(), limitAt, log }));
    }

    // Last, with the time left: growing the library is most of the bench's time. It grows in the
    // built extension's own IndexedDB (a page of its origin), so that its library page then opens it.
    if (runs('library')) {
      execFileSync('npx', ['wxt', 'build', '--mode', 'e2e'], { cwd: REPO_ROOT, stdio: 'pipe' });
      const userDataDir = newProfileDir();
      const browser = await launchWithExtension(userDataDir);
      try {
        const page = await browser.context.newPage();
        // Any document of the extension's origin will do (the library page would watch the growth).
        await page.goto(`chrome-extension://${browser.extensionId}/manifest.json`);
        await page.evaluate(libraryBundle);
        library = await benchLibrary(page, fixtures, base.name, userDataDir, {
          // Time kept for the library page's bench, closing the browser and writing the results.
          limitAt: started + LIMIT_MS - 8_000,
          log,
          dbName: new LibraryDb().name,
        });
        // The streamed export of the grown library (issue 15), before the library page's views.
        await page.evaluate(exportBundle);
        const cdp = await page.context().newCDPSession(page);
        const measures = await measureExports(page, cdp, userDataDir, log, new LibraryDb().name);
        await cdp.detach();
        const atSize = { target: library.finalClauses, clauses: library.finalClauses, items: measures.find((m) => m.what === 'items')?.rows ?? 0, measures };
        exported = { targets: [...(exported?.targets ?? []), atSize.target], fill: exported?.fill ?? { clauses: 0, items: 0, ms: 0 }, atSizes: [...(exported?.atSizes ?? []), atSize] };
        await page.close();
        libraryViews = await benchViews(
          async (initScript) => {
            const view = await browser.context.newPage();
            await view.setViewportSize({ width: 1200, height: 900 });
            await view.addInitScript(initScript);
            await view.goto(`chrome-extension://${browser.extensionId}/library.html`);
            return view;
          },
          library.finalClauses,
          log,
        );
      } finally {
        await browser.close();
        rmSync(userDataDir, { recursive: true, force: true });
      }
    }
  } finally {
    await blank.close();
  }

  const results: BenchResults = {
    date: new Date().toISOString(),
    machine: machine(),
    seconds: (Date.now() - started) / 1000,
    extraction,
    largeMeetingBasedOn: large?.basedOn,
    contentScript,
    library,
    libraryViews,
    sidePanel,
    pageTasks,
    storage,
    compare,
    upgrade,
    export: exported,
  };
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
  const rows = benchRows(results);
  if (jsonFile) {
    const json: BenchJson = BenchJsonSchema.parse({ date: results.date, machine: results.machine, seconds: results.seconds, rows });
    writeFileSync(jsonFile, `${JSON.stringify(json, null, 2)}\n`);
  }
  const markdown = `${table(rows)}\n${results.library ? `\nSearch queries:\n\n${searchDetail(results)}\n` : ''}`;
  writeFileSync(path.join(RESULTS_DIR, 'bench.md'), markdown);
  const m = results.machine;
  process.stdout.write(`\n${m.chromium}; Node ${m.node}; ${m.cpus} × ${m.cpuModel}; load average ${m.loadAverageAtStart.join(' ')} at start, ${m.loadAverageAtEnd.join(' ')} at end; ${results.seconds.toFixed(0)} s\n\n${markdown}\nWrote ${path.relative(process.cwd(), RESULTS_FILE)}${jsonFile ? ` and ${jsonFile}` : ''}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
