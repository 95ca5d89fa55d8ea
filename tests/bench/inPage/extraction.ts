/**
 * Runs in the benchmark page (bundled by tests/bench/bundle.ts): extraction against the
 * browser's own HTML parser, on the same HTML, in the same run.
 */
import { extractPage } from '@/lib/moderngov/extract';
import { findItemTable, itemRows } from '@/lib/moderngov/extractItems';
import { median } from '../stats';

export interface ExtractionInput {
  name: string;
  html: string;
  url: string;
}

export interface ExtractionTiming {
  name: string;
  bytes: number;
  /** What the extractor made of the page: `meeting`, `decision`… or null (not read). */
  kind: string | null;
  items: number | null;
  clauses: number | null;
  /** Median milliseconds for one `DOMParser.parseFromString` / one `extractPage`. */
  parseMs: number;
  extractMs: number;
  /** The first extraction of the page, before any warm-up. */
  firstExtractMs: number;
  ratio: number;
  samples: number;
  /** Runs timed together in each sample, so each sample is well above the timer's resolution. */
  parseBatch: number;
  extractBatch: number;
}

declare global {
  interface Window {
    __extract: typeof extractPage;
    __benchExtraction: (pages: ExtractionInput[], samples: number, minSampleMs: number) => ExtractionTiming[];
    __largeMeeting: (html: string, items: number) => string;
  }
}

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

function timeOne(page: ExtractionInput, samples: number, minSampleMs: number): ExtractionTiming {
  let t = performance.now();
  const first = extractPage(parse(page.html), page.url);
  const firstExtractMs = performance.now() - t;
  // Warm-up, and an estimate of each step to size the batches.
  let parseEstimate = Infinity;
  let extractEstimate = Infinity;
  for (let i = 0; i < 3; i++) {
    t = performance.now();
    const doc = parse(page.html);
    const t1 = performance.now();
    extractPage(doc, page.url);
    const t2 = performance.now();
    parseEstimate = Math.min(parseEstimate, t1 - t);
    extractEstimate = Math.min(extractEstimate, t2 - t1);
  }
  const parseBatch = Math.max(1, Math.ceil(minSampleMs / Math.max(parseEstimate, 0.01)));
  const extractBatch = Math.max(1, Math.ceil(minSampleMs / Math.max(extractEstimate, 0.01)));
  const parseTimes: number[] = [];
  const extractTimes: number[] = [];
  for (let s = 0; s < samples; s++) {
    // Parse and extraction samples alternate, so both see the same state of the machine.
    t = performance.now();
    for (let i = 0; i < parseBatch; i++) parse(page.html);
    parseTimes.push((performance.now() - t) / parseBatch);
    // Each extraction reads a freshly parsed document, as the content script does.
    const docs = Array.from({ length: extractBatch }, () => parse(page.html));
    t = performance.now();
    for (const doc of docs) extractPage(doc, page.url);
    extractTimes.push((performance.now() - t) / extractBatch);
  }
  const parseMs = median(parseTimes);
  const extractMs = median(extractTimes);
  const items = first.kind === 'meeting' ? first.items : null;
  return {
    name: page.name,
    bytes: new TextEncoder().encode(page.html).length,
    kind: first.kind,
    items: items ? items.length : first.kind === 'item' || first.kind === 'decision' ? 1 : null,
    clauses: items ? items.reduce((n, item) => n + item.clauses.length, 0) : first.kind === 'item' || first.kind === 'decision' ? first.item.clauses.length : null,
    parseMs,
    extractMs,
    firstExtractMs,
    ratio: extractMs / parseMs,
    samples,
    parseBatch,
    extractBatch,
  };
}

/** A meeting page of `count` items: the base page's item rows repeated, renumbered, with their own ids. */
function largeMeeting(html: string, count: number): string {
  const doc = parse(html);
  const table = findItemTable(doc);
  if (!table) throw new Error('the base page has no items table');
  const rows = itemRows(table);
  const parent = rows[0]?.parentElement;
  if (!parent) throw new Error('the base page has no item rows');
  rows.forEach((row) => row.remove());
  for (let i = 0; i < count; i++) {
    const row = rows[i % rows.length]!.cloneNode(true) as Element;
    const number = row.querySelector('td.mgItemNumberCell .mgAiTitleTxt, td:first-child .mgAiTitleTxt');
    if (number) number.textContent = `${i + 1}.`;
    row.querySelectorAll('a[name^="AI"], a[id^="AI"]').forEach((a) => a.setAttribute(a.hasAttribute('name') ? 'name' : 'id', `AI${900000 + i}`));
    parent.appendChild(row);
  }
  return `<!DOCTYPE html>\n${doc.documentElement.outerHTML}`;
}

window.__extract = extractPage;
window.__benchExtraction = (pages, samples, minSampleMs) => pages.map((page) => timeOne(page, samples, minSampleMs));
window.__largeMeeting = largeMeeting;
