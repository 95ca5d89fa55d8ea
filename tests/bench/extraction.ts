import type { Page } from 'playwright-core';
import { baseMeetingPage, type FixturePage } from './fixtures';
import type { ExtractionTiming } from './inPage/extraction';

export const LARGE_MEETING_ITEMS = 200;
const SAMPLES = 11;
const MIN_SAMPLE_MS = 5;

export interface ExtractionResult {
  pages: ExtractionTiming[];
  /** The synthetic large meeting page, for the side panel measurement too. */
  large: FixturePage & { basedOn: string };
}

/** `page` has tests/bench/inPage/extraction.ts loaded. */
export async function benchExtraction(page: Page, fixtures: FixturePage[]): Promise<ExtractionResult> {
  const base = baseMeetingPage(fixtures);
  const largeHtml = await page.evaluate(([html, n]) => window.__largeMeeting(html, n), [base.html, LARGE_MEETING_ITEMS] as const);
  const large = { name: `synthetic: ${LARGE_MEETING_ITEMS} items (rows of ${base.name.replace(/^.*\//, '')})`, html: largeHtml, url: base.url, basedOn: base.name };
  const timings: ExtractionTiming[] = [];
  for (const fixture of [...fixtures, large]) {
    const input = { name: fixture.name, html: fixture.html, url: fixture.url };
    const [timing] = await page.evaluate(([p, s, m]) => window.__benchExtraction([p], s, m), [input, SAMPLES, MIN_SAMPLE_MS] as const);
    if (timing) timings.push(timing);
  }
  return { pages: timings, large };
}
