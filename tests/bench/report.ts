import { TARGETS } from './config';
import type { ContentScriptSize } from './contentScriptSize';
import type { CompareBenchResult } from './inPage/compare';
import type { ExportResult } from './export';
import type { ExtractionTiming } from './inPage/extraction';
import { atLeast, atMost, benchRow, type BenchRow } from './rows';
import { median } from './stats';
import { PAGE_ROWS } from '../../lib/library/search';
import { TARGET_CLAUSES, type LibraryResult } from './library';
import type { ViewsResult } from './libraryViews';
import type { PageTaskResult } from './pageTasks';
import type { PanelResult } from './sidePanel';
import type { StorageResult } from './storage';
import { UPGRADE_CLAUSES, type UpgradeResult } from './upgrade';

export interface Machine {
  cpus: number;
  cpuModel: string;
  node: string;
  chromium: string;
  platform: string;
  /** 1, 5 and 15 minute load averages (2 cores: above 2 means the bench shared the machine). */
  loadAverageAtStart: number[];
  loadAverageAtEnd: number[];
}

export interface BenchResults {
  date: string;
  machine: Machine;
  seconds: number;
  /** Parts left out by BENCH_ONLY are absent. */
  extraction?: ExtractionTiming[];
  largeMeetingBasedOn?: string;
  contentScript?: ContentScriptSize;
  library?: LibraryResult;
  libraryViews?: ViewsResult;
  sidePanel?: PanelResult[];
  pageTasks?: PageTaskResult[];
  storage?: StorageResult;
  compare?: CompareBenchResult;
  upgrade?: UpgradeResult;
  export?: ExportResult;
}

const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
const ratio = (n: number) => n.toFixed(3);

/** Every figure of the run as rows ({name, value, unit, target, met}): the JSON and the tables are made from them. */
export function benchRows(r: BenchResults): BenchRow[] {
  const rows: BenchRow[] = [];
  for (const p of r.extraction ?? []) {
    const what = p.kind === 'meeting' ? `meeting, ${p.items} items, ${p.clauses} clauses` : p.kind ?? 'not read';
    rows.push(
      benchRow(
        `Extraction: ${p.name} (${kib(p.bytes)}; ${what}), extractPage / DOMParser`,
        p.ratio,
        'ratio',
        atMost(TARGETS.extractionRatio),
        `extractPage ${ms(p.extractMs)} ms / DOMParser ${ms(p.parseMs)} ms = **${ratio(p.ratio)}**`,
      ),
    );
  }
  const cs = r.contentScript;
  if (cs) rows.push(benchRow(`Content script (${cs.file}), minified`, cs.minifiedBytes / 1024, 'KiB', atMost(TARGETS.contentScriptKb), `**${kib(cs.minifiedBytes)}** minified, ${kib(cs.gzipBytes)} gzipped`));
  if (r.pageTasks) rows.push(...pageTaskRows(r.pageTasks));
  if (r.storage) {
    const st = r.storage;
    rows.push(
      benchRow(
        `Storage: bytes on disk per clause, ${st.clauses.toLocaleString('en-GB')} clauses saved with saveSelection (${st.meetings} meetings of 20 items)`,
        st.bytesPerClause,
        'B',
        null,
        `**${Math.round(st.bytesPerClause)} bytes** a clause (navigator.storage.estimate(): ${mib(st.before.usage)} before, ${mib(st.after.usage)} after` +
          (st.after.indexedDB !== null ? `, IndexedDB ${mib(st.after.indexedDB)}` : '') +
          `; quota ${(st.after.quota / 1024 ** 3).toFixed(1)} GiB)`,
      ),
    );
  }
  if (r.upgrade) rows.push(...upgradeRows(r.upgrade));
  if (r.library) rows.push(...libraryRows(r.library));
  if (r.libraryViews) rows.push(...viewRows(r.libraryViews));
  for (const p of r.sidePanel ?? []) {
    rows.push(
      benchRow(
        `Side panel first render: ${p.page}, first .item after navigation start`,
        p.medianFirstItem,
        'ms',
        atMost(TARGETS.panelFirstRenderMs),
        `first .item **${ms(p.medianFirstItem)} ms** after navigation start (next frame ${ms(p.medianFirstItemFrame)} ms; "Found N items" ${ms(p.medianFound)} ms; every item ${ms(p.medianAllItems)} ms), median of ${p.runs.length}`,
      ),
    );
  }
  if (r.compare) rows.push(...compareRows(r.compare));
  if (r.export) rows.push(...exportRows(r.export));
  return rows;
}

const targetText = (row: BenchRow) => (row.target ? `${row.target.op === '<=' ? '≤' : '≥'} ${row.target.value}${row.unit === 'ratio' ? '' : ` ${row.unit}`}` : '—');
const metText = (row: BenchRow) => (row.met === true ? 'met' : row.met === false ? '**not met**' : row.target ? 'not measured' : '—');

/** The rows as a Markdown table: measure, figure, target, met or not. */
export function table(rows: BenchRow[]): string {
  const escape = (cell: string) => cell.replace(/\|/g, '\\|');
  return [
    '| Measure | Figure | Target | |',
    '|---|---|---|---|',
    ...rows.map((row) => `| ${[row.name, row.detail, targetText(row), metText(row)].map(escape).join(' | ')} |`),
  ].join('\n');
}

function pageTaskRows(pages: PageTaskResult[]): BenchRow[] {
  return pages.flatMap((p) => {
    const page = `${p.page} (${kib(p.bytes)}, ${p.items} items)`;
    const cpu = p.runs.map((r) => r.contentScriptTasks[0]?.cpuMs ?? 0);
    return [
      benchRow(
        `Page kept smooth: longest task of the content script on ${page}`,
        p.longest.ms,
        'ms',
        atMost(TARGETS.longestTaskMs),
        `**${ms(p.longest.ms)} ms** (${ms(p.longest.cpuMs)} ms of it on the CPU), the longest of ${p.runs.length} loads; per load ${p.runs.map((r) => `${ms(r.contentScriptTasks[0]?.ms ?? 0)} ms`).join(', ')} in ${p.runs.map((r) => r.contentScriptTasks.length).join(', ')} tasks`,
      ),
      benchRow(
        `Page kept smooth: longest content-script task on ${page}, time on the CPU`,
        Math.max(...cpu),
        'ms',
        atMost(TARGETS.longestTaskMs),
        `**${ms(Math.max(...cpu))} ms** on the CPU (the task's thread time: without the time other work on the machine held the CPU)`,
      ),
      benchRow(
        `Time to badge after the page's load event: ${page}`,
        p.medianBadgeAfterLoadMs,
        'ms',
        atMost(TARGETS.badgeAfterLoadMs),
        `**${ms(p.medianBadgeAfterLoadMs)} ms** after load (${ms(p.medianBadgeMs)} ms after navigation start; the page's own load event ends at ${ms(median(p.runs.map((r) => r.loadMs)))} ms), median of ${p.runs.length}`,
      ),
    ];
  });
}

function libraryRows(lib: LibraryResult): BenchRow[] {
  const rows: BenchRow[] = [];
  const n = (x: number) => x.toLocaleString('en-GB');
  const perSecond = (t: { clausesPerSecond: number }) => `${n(Math.round(t.clausesPerSecond))} clauses/s`;
  const grown = lib.finalClauses >= TARGET_CLAUSES;
  const fillTo = lib.fill.clauses + lib.save.first.clauses;
  rows.push(
    benchRow(
      `Library growth: bulk puts of everything a save writes (meetings, items, clauses, postings), 2,000 clauses a transaction, to ${n(fillTo)} clauses`,
      lib.fill.ms / 1000,
      's',
      atMost(TARGETS.growthSeconds),
      `**${(lib.fill.ms / 1000).toFixed(0)} s**, ${perSecond(lib.fill)} overall; over each 50,000: ${lib.growth.filter((g, k) => k === 0 || g.clauses % 250_000 === 0 || k === lib.growth.length - 1).map((g) => `${n(g.clauses / 1000)}k ${n(Math.round(g.recentClausesPerSecond))}/s`).join(', ')}`,
      grown,
    ),
    benchRow(
      `Save: saveSelection of whole meetings (20 items × 5 clauses), ${n(lib.save.last.clauses)} clauses from ${n(lib.save.last.fromClauses)} / ${n(lib.save.first.clauses)} on the empty library`,
      lib.save.last.clausesPerSecond / lib.save.first.clausesPerSecond,
      'ratio',
      atLeast(TARGETS.saveGrowthRatio),
      `grown: ${perSecond(lib.save.last)}, empty: ${perSecond(lib.save.first)}; ratio **${ratio(lib.save.last.clausesPerSecond / lib.save.first.clausesPerSecond)}**`,
      grown,
    ),
    benchRow(
      `Save: saveSelection (empty and grown, ${n(lib.save.clauses)} clauses) / raw IndexedDB puts of the same rows into the library's own stores and indexes`,
      lib.save.clausesPerSecond / lib.rawIndexed.clausesPerSecond,
      'ratio',
      atLeast(TARGETS.saveToIndexedRatio),
      `${perSecond(lib.save)}; raw puts into the library's stores and indexes ${perSecond(lib.rawIndexed)}; ratio **${ratio(lib.save.clausesPerSecond / lib.rawIndexed.clausesPerSecond)}** (raw puts into one plain store: ${perSecond(lib.rawPlain)}, saveSelection / that = ${ratio(lib.save.clausesPerSecond / lib.rawPlain.clausesPerSecond)})`,
    ),
  );
  for (const s of lib.search) {
    const at = n(s.clauses);
    const worst = [...s.queries].sort((a, b) => b.p95 - a.p95)[0];
    rows.push(
      benchRow(
        `Search: first page (${PAGE_ROWS} rows) at ${at} clauses, ${s.queries.length} queries × ${s.queries[0]?.searchMs.length ?? 0} runs, p95`,
        s.p95,
        'ms',
        atMost(TARGETS.searchFirstPageP95Ms),
        `p95 **${ms(s.p95)} ms**, p50 ${ms(s.p50)} ms; slowest query ${worst ? `${worst.label} (p95 ${ms(worst.p95)} ms)` : '—'}`,
        s.clauses >= TARGET_CLAUSES || s !== lib.search.at(-1),
      ),
      benchRow(`Search: the next page (Show more's read) at ${at} clauses, p95`, s.nextP95, 'ms', null, `p95 **${ms(s.nextP95)} ms**, p50 ${ms(s.nextP50)} ms`),
      benchRow(`Library on disk at ${at} clauses (the profile's IndexedDB), per clause`, s.bytesOnDisk, 'bytes', null, `**${n(Math.round(s.bytesOnDisk))} bytes** a clause (meetings, items, postings included)`),
    );
  }
  const csv = lib.csv;
  if (csv) {
    rows.push(
      benchRow(
        `CSV export: clausesCsv of ${n(csv.load.clauses)} clauses (${mib(csv.run.csvChars)} of text), every row read first`,
        csv.run.csvMs / 1000,
        's',
        atMost(TARGETS.csvSeconds),
        `**${(csv.run.csvMs / 1000).toFixed(2)} s** (reading them first: ${(csv.load.loadMs / 1000).toFixed(2)} s); renderer RSS peak ${mib(csv.rendererRssPeak)} (+${mib(csv.rendererRssPeak - csv.rendererRssBefore)})`,
      ),
    );
  }
  return rows;
}

function viewRows(v: ViewsResult): BenchRow[] {
  const at = v.clauses.toLocaleString('en-GB');
  const row = (what: string, key: keyof ViewsResult['median']) =>
    benchRow(`Library page at ${at} clauses: ${what}, median of ${v.runs.length}`, v.median[key], 'ms', atMost(TARGETS.viewMs), `median **${ms(v.median[key])} ms**, slowest ${ms(v.max[key])} ms`, v.clauses >= TARGET_CLAUSES);
  return [row('open (navigation to a full page of clauses)', 'open'), row('switch to Items', 'items'), row('switch back to Clauses', 'clauses'), row('Show more', 'showMore')];
}

function compareRows(c: CompareBenchResult): BenchRow[] {
  const n = (x: number) => x.toLocaleString('en-GB');
  const save = median(c.incrementalMs);
  return [
    benchRow(
      `Compare: group ${n(c.items)} items (${n(c.clauses)} clauses), index and groupDocs`,
      c.totalMs / 1000,
      's',
      atMost(TARGETS.compareGroupSeconds),
      `**${(c.totalMs / 1000).toFixed(2)} s** (index ${ms(c.indexMs)} ms, grouping ${ms(c.groupMs)} ms); ${n(c.groups)} groups of ${n(c.groupedItems)} items, ${(c.groupPurity * 100).toFixed(1)} % from one synthetic topic`,
    ),
    benchRow(
      `Compare: groups kept current as a meeting of 20 items is saved (saveSelection in IndexedDB, then the view's changesSince and CompareLibrary.apply and groups), ${c.incrementalMs.length} meetings, median`,
      save,
      'ms',
      atMost(TARGETS.compareSaveMs),
      `median **${ms(save)} ms** (reading the changes ${ms(median(c.changesReadMs))} ms, applying them and listing the groups ${ms(median(c.applyMs))} ms), slowest ${ms(Math.max(...c.incrementalMs))} ms a meeting; ` +
        `the view opened on the ${n(c.items)} items in ${ms(c.viewOpenMs)} ms (reading them ${ms(c.viewReadMs)} ms); after the saves it holds ${n(c.viewItemsAfter)} items, the library ${n(c.libraryItemsAfter)}`,
    ),
  ];
}

/** Per-query search detail, for BENCHMARKS.md and the console. */
export function searchDetail(r: BenchResults): string {
  const lines = ['| Clauses | Query | Hits | first page p50 | p95 | next page p95 | count | scan p50 |', '|---|---|---|---|---|---|---|---|'];
  for (const s of r.library?.search ?? []) {
    for (const q of s.queries) {
      lines.push(`| ${s.clauses.toLocaleString('en-GB')} | ${q.label}: "${q.query}" | ${q.hits.toLocaleString('en-GB')} | ${ms(q.p50)} ms | ${ms(q.p95)} ms | ${q.nextMs.length ? `${ms(q.nextP95)} ms` : '—'} | ${ms(q.countMs)} ms | ${q.scanMs.length ? `${ms(q.scanP50)} ms (${q.scanHits} hits)` : '—'} |`);
    }
  }
  return lines.join('\n');
}

/** The streamed CSV export (issue 15): rows a second, and the renderers' peak memory above before against two chunks + 100 MiB. */
function exportRows(e: ExportResult): BenchRow[] {
  const n = (x: number) => x.toLocaleString('en-GB');
  return e.atSizes.flatMap((size) => {
    const reached = size.clauses >= size.target;
    const short = reached ? '' : ` (the library reached ${n(size.clauses)} clauses in the time, short of ${n(size.target)})`;
    return size.measures.flatMap((m) => {
      const perSecond = m.rows / (m.ms / 1000);
      const chunkBytes = m.rows > 0 ? (m.bytes / m.rows) * m.chunkRows : 0;
      const limit = 2 * chunkBytes + 100 * 2 ** 20;
      const grew = m.rssPeak - m.rssBefore;
      const name = `CSV export of ${n(m.rows)} ${m.what} (library of ${n(size.clauses)} clauses, ${n(size.items)} items) streamed to a file in chunks of ${n(m.chunkRows)} rows`;
      return [
        benchRow(`${name}: rows/s`, perSecond, 'rows/s', atLeast(TARGETS.exportRowsPerSecond), `**${n(Math.round(perSecond))} rows/s** (${(m.ms / 1000).toFixed(1)} s, ${mib(m.bytes)} in ${m.chunks} chunks)${short}`, reached),
        benchRow(
          `${name}: peak renderer memory above before`,
          grew / 2 ** 20,
          'MiB',
          atMost(Math.round((limit / 2 ** 20) * 10) / 10),
          `**+${mib(grew)}** (RSS of ${m.rendererProcesses} renderer processes sampled every 5 ms: ${mib(m.rssBefore)} → ${mib(m.rssPeak)}` +
            (m.heapBefore !== null && m.heapPeak !== null ? `; JS heap +${mib(m.heapPeak - m.heapBefore)} at the highest chunk write, garbage included` : '') +
            `); a chunk ≈ ${mib(chunkBytes)}, target two chunks + 100 MiB${short}`,
          reached,
        ),
      ];
    });
  });
}

/** The first open after an update from database version 8 (no target: reported). */
function upgradeRows(u: UpgradeResult): BenchRow[] {
  const size = `${u.clauses.toLocaleString('en-GB')} clauses, ${u.items.toLocaleString('en-GB')} items`;
  const short = u.clauses < UPGRADE_CLAUSES ? ` (${UPGRADE_CLAUSES.toLocaleString('en-GB')} asked; grown in the time)` : '';
  const all = u.changes.filter((c) => (c as { all?: number }).all === 1).length;
  const progress = u.lastProgress ? `; ${u.progressReports} progress reports, the last ${u.lastProgress.done.toLocaleString('en-GB')} of ${u.lastProgress.total.toLocaleString('en-GB')}` : '; no progress reported';
  const checked = `${u.sampledWithWords} of ${u.sampled} sampled items and clauses still hold words; ${u.changes.length} change(s) logged, ${all} saying "all"${progress}`;
  return [
    benchRow(
      `Upgrade from database version 8 to 9 at ${size}${short}: the library's first open`,
      u.ms / 1000,
      's',
      null,
      `**${(u.ms / 1000).toFixed(1)} s** (${Math.round(u.clauses / (u.ms / 1000)).toLocaleString('en-GB')} clauses/s); ${checked}; the version 8 library grown in ${u.fillSeconds.toFixed(0)} s`,
    ),
    benchRow(
      `Upgrade from database version 8 to 9 at ${size}: peak renderer memory above before`,
      (u.rendererRssPeak - u.rendererRssBefore) / 2 ** 20,
      'MiB',
      null,
      `**+${mib(u.rendererRssPeak - u.rendererRssBefore)}** (${mib(u.rendererRssBefore)} before)`,
    ),
  ];
}
