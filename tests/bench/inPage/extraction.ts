/**
 * Runs in the benchmark page (bundled by tests/bench/bundle.ts): extraction against the
 * browser's own HTML parser, on the same HTML, in the same run.
 */
import { extractPage } from '@/lib/moderngov/extract';
import { largeMeetingHtml } from '../../support/largeMeeting';
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

window.__extract = extractPage;
window.__benchExtraction = (pages, samples, minSampleMs) => pages.map((page) => timeOne(page, samples, minSampleMs));
window.__largeMeeting = (html, count) => largeMeetingHtml(parse(html), count);
