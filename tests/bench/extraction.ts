import type { Page } from 'playwright-core';
import type { FixturePage } from './fixtures';
import type { ExtractionTiming } from './inPage/extraction';

export const LARGE_MEETING_ITEMS = 200;
/** The page-tasks bench's largest page: the content script must stay under 50 ms a task whatever the size. */
export const HUGE_MEETING_ITEMS = 1000;
const SAMPLES = 11;
const MIN_SAMPLE_MS = 5;

/** The synthetic large meeting: the base page's item rows repeated (also the side panel's and the page-tasks bench's large pages). */
export async function largeMeetingPage(page: Page, base: FixturePage, items = LARGE_MEETING_ITEMS): Promise<FixturePage & { basedOn: string }> {
  const html = await page.evaluate(([h, n]) => window.__largeMeeting(h, n), [base.html, items] as const);
  return { name: `synthetic: ${items} items (rows of ${base.name.replace(/^.*\//, '')})`, html, url: base.url, basedOn: base.name };
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
