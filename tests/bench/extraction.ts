import type { Page } from 'playwright-core';
import type { FixturePage } from './fixtures';
import type { ExtractionTiming } from './inPage/extraction';

export const LARGE_MEETING_ITEMS = 200;
const SAMPLES = 11;
const MIN_SAMPLE_MS = 5;

/** The synthetic large meeting: the base page's item rows repeated (also the side panel's large page). */
export async function largeMeetingPage(page: Page, base: FixturePage): Promise<FixturePage & { basedOn: string }> {
  const html = await page.evaluate(([h, n]) => window.__largeMeeting(h, n), [base.html, LARGE_MEETING_ITEMS] as const);
  return { name: `synthetic: ${LARGE_MEETING_ITEMS} items (rows of ${base.name.replace(/^.*\//, '')})`, html, url: base.url, basedOn: base.name };
}

/** `page` has tests/bench/inPage/extraction.ts loaded. */
export async function benchExtraction(page: Page, pages: FixturePage[]): Promise<ExtractionTiming[]> {
  const timings: ExtractionTiming[] = [];
  for (const fixture of pages) {
    const input = { name: fixture.name, html: fixture.html, url: fixture.url };
    const [timing] = await page.evaluate(([p, s, m]) => window.__benchExtraction([p], s, m), [input, SAMPLES, MIN_SAMPLE_MS] as const);
    if (timing) timings.push(timing);
  }
  return timings;
}
