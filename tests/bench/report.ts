import { TARGETS } from './config';
import type { ContentScriptSize } from './contentScriptSize';
import type { CompareBenchResult } from './inPage/compare';
import type { ExtractionTiming } from './inPage/extraction';
import { median } from './stats';
import type { LibraryResult } from './library';
import type { PanelResult } from './sidePanel';

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
  sidePanel?: PanelResult[];
  compare?: CompareBenchResult;
}

type Row = [string, string, string, string];

const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
const met = (ok: boolean) => (ok ? 'met' : '**not met**');
const ratio = (n: number) => n.toFixed(3);

/** The figures as a Markdown table: measure, figure, target, met or not. */
export function table(r: BenchResults): string {
  const rows: Row[] = [];
  for (const p of r.extraction ?? []) {
    const what = p.kind === 'meeting' ? `meeting, ${p.items} items, ${p.clauses} clauses` : p.kind ?? 'not read';
    rows.push([
      `Extraction: ${p.name} (${kib(p.bytes)}; ${what})`,
      `extractPage ${ms(p.extractMs)} ms / DOMParser ${ms(p.parseMs)} ms = **${ratio(p.ratio)}**`,
      `≤ ${TARGETS.extractionRatio}`,
      met(p.ratio <= TARGETS.extractionRatio),
    ]);
  }
  const cs = r.contentScript;
  if (cs) rows.push([`Content script (${cs.file})`, `**${kib(cs.minifiedBytes)}** minified, ${kib(cs.gzipBytes)} gzipped`, `≤ ${TARGETS.contentScriptKb} KiB minified`, met(cs.minifiedBytes <= TARGETS.contentScriptKb * 1024)]);
  if (r.library) rows.push(...libraryRows(r.library));
  for (const p of r.sidePanel ?? []) {
    rows.push([
      `Side panel first render: ${p.page}`,
      `first .item **${ms(p.medianFirstItem)} ms** after navigation start (next frame ${ms(p.medianFirstItemFrame)} ms; "Found N items" ${ms(p.medianFound)} ms; every item ${ms(p.medianAllItems)} ms), median of ${p.runs.length}`,
      `≤ ${TARGETS.panelFirstRenderMs} ms`,
      met(p.medianFirstItem <= TARGETS.panelFirstRenderMs),
    ]);
  }
  if (r.compare) rows.push(...compareRows(r.compare));
  const escape = (cell: string) => cell.replace(/\|/g, '\\|');
  return [
    '| Measure | Figure | Target | |',
    '|---|---|---|---|',
    ...rows.map((row) => `| ${row.map(escape).join(' | ')} |`),
  ].join('\n');
}

function libraryRows(lib: LibraryResult): Row[] {
  const rows: Row[] = [];
  const perSecond = (t: { clausesPerSecond: number }) => `${Math.round(t.clausesPerSecond)} clauses/s`;
  rows.push([
    `Save: saveSelection of whole meetings (20 items × 5 clauses), ${lib.save.first.clauses.toLocaleString('en-GB')} clauses on the empty library + ${lib.save.last.clauses.toLocaleString('en-GB')} from ${lib.save.last.fromClauses.toLocaleString('en-GB')}`,
    `${perSecond(lib.save)} (empty: ${perSecond(lib.save.first)}, full: ${perSecond(lib.save.last)}); raw IndexedDB puts of the same rows ${perSecond(lib.rawPlain)}; ratio **${ratio(lib.saveRatio)}**` +
      ` (raw puts into the library's own stores and indexes: ${perSecond(lib.rawIndexed)}; saveSelection / that = ${ratio(lib.save.clausesPerSecond / lib.rawIndexed.clausesPerSecond)})`,
    `≥ ${TARGETS.saveRatio}`,
    met(lib.saveRatio >= TARGETS.saveRatio),
  ]);
  const big = lib.search.at(-1);
  for (const s of lib.search) {
    const isBig = s === big;
    rows.push([
      `Search: searchClauses at ${s.clauses.toLocaleString('en-GB')} clauses (${s.queries.length} queries × ${s.queries[0]?.searchMs.length ?? 0} runs)`,
      `p50 **${ms(s.p50)} ms**, p95 ${ms(s.p95)} ms; full table scan p50 ${ms(s.scanP50)} ms; search/scan = ${ratio(s.ratioToScan)}`,
      isBig ? `p50 ≤ ${TARGETS.searchP50At100kMs} ms at 100k` : '—',
      isBig ? (s.clauses >= 100_000 ? met(s.p50 <= TARGETS.searchP50At100kMs) : `not measured: the library reached ${s.clauses} clauses in the time`) : '—',
    ]);
  }
  const csv = lib.csv;
  rows.push([
    `CSV export: clausesCsv of ${csv.load.clauses.toLocaleString('en-GB')} clauses (${mib(csv.run.csvChars)} of text)`,
    `**${(csv.run.csvMs / 1000).toFixed(2)} s** (reading them first: ${(csv.load.loadMs / 1000).toFixed(2)} s); renderer RSS peak ${mib(csv.rendererRssPeak)} (+${mib(csv.rendererRssPeak - csv.rendererRssBefore)})` +
      (csv.heapAllocatedBytes !== null ? `, JS heap +${mib(csv.heapAllocatedBytes)} before GC` : '') +
      `, ${mib(csv.heapRetainedBytes)} retained`,
    `≤ ${TARGETS.csvSeconds} s at 100k`,
    csv.load.clauses >= 100_000 ? met(csv.run.csvMs <= TARGETS.csvSeconds * 1000) : `${met(csv.run.csvMs <= TARGETS.csvSeconds * 1000)} at ${csv.load.clauses} (100k not reached in the time)`,
  ]);
  return rows;
}

function compareRows(c: CompareBenchResult): Row[] {
  const n = (x: number) => x.toLocaleString('en-GB');
  const save = median(c.incrementalMs);
  return [
    [
      `Compare: group ${n(c.items)} items (${n(c.clauses)} clauses), index and groupDocs`,
      `**${(c.totalMs / 1000).toFixed(2)} s** (index ${ms(c.indexMs)} ms, grouping ${ms(c.groupMs)} ms); ${n(c.groups)} groups of ${n(c.groupedItems)} items, ${(c.groupPurity * 100).toFixed(1)} % from one synthetic topic`,
      `≤ ${TARGETS.compareGroupSeconds} s`,
      met(c.totalMs <= TARGETS.compareGroupSeconds * 1000),
    ],
    [
      `Compare: groups kept current as a meeting of 20 items is saved (the Compare view's LibraryGroups.update and groups), ${c.incrementalMs.length} meetings`,
      `median **${ms(save)} ms**, slowest ${ms(Math.max(...c.incrementalMs))} ms a meeting (the view opened on the saved records in ${ms(c.viewOpenMs)} ms)`,
      `≤ ${TARGETS.compareSaveMs} ms`,
      met(save <= TARGETS.compareSaveMs),
    ],
  ];
}

/** Per-query search detail, for BENCHMARKS.md and the console. */
export function searchDetail(r: BenchResults): string {
  const lines = ['| Clauses | Query | Hits | search p50 | scan p50 | cold |', '|---|---|---|---|---|---|'];
  for (const s of r.library?.search ?? []) {
    for (const q of s.queries) lines.push(`| ${s.clauses.toLocaleString('en-GB')} | ${q.label}: "${q.query}" | ${q.hits} | ${ms(q.p50)} ms | ${q.scanMs.length ? `${ms(q.scanP50)} ms` : '—'} | ${ms(q.coldMs)} ms |`);
  }
  return lines.join('\n');
}
