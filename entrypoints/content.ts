import { extractionJsonSteps } from '@/lib/messages/extractionJson';
// Types only: zod itself would quadruple the content script (30 → 126 KB); the background and the panel check these messages with the schemas.
import type { CollectedMeeting, PageCompleted, PageExtractedPart, PageExtractedSent } from '@/lib/messages/schema';
import { completeTruncated } from '@/lib/moderngov/completeTruncated';
import { extractPageInSlices } from '@/lib/moderngov/extract';
import { COUNCIL_MATCHES, PAGE_NAME_GLOBS, QUERY_STRING_EXCLUDES } from '@/lib/moderngov/matchPatterns';
import { pauseForPage, runInSlices, type SliceOptions } from '@/lib/moderngov/steps';
import { sitePages } from '@/lib/net/sitePages';
import { partsOf } from '@/lib/tabs/messageParts';

/** Other pages of this council's site, parsed inert, one request a second at most. */
const fetchPage = sitePages(location.origin, (html) => new DOMParser().parseFromString(html, 'text/html'));

/**
 * Reading runs in slices of at most ~10 ms between steps (a step is one item, a few ms at most),
 * handing the page's thread back between them: the page stays responsive (no task near 50 ms)
 * however many items it lists, and the badge still follows within a fraction of a second.
 */
const SLICES: SliceOptions = { sliceMs: 10, pause: pauseForPage };

/** This page's reading as last sent to the background (completed minutes included), as its JSON text. */
let current: string | null = null;

/** Collections under way; the panel's Cancel aborts their requests. */
const collecting = new Set<AbortController>();

/** Reads another meeting page of this site for the panel's batch collection. */
async function collectMeeting(url: string, signal: AbortSignal): Promise<CollectedMeeting> {
  const extraction = await extractPageInSlices(await fetchPage(url, signal), url, SLICES);
  if (extraction.kind !== 'meeting' || !extraction.items.some((item) => item.minutesTruncated)) return { extraction, failures: [] };
  const { meeting, failures } = await completeTruncated(extraction, (itemUrl) => fetchPage(itemUrl, signal));
  return { extraction: meeting, failures };
}

export default defineContentScript({
  // Declared on ModernGov's page names on council domains only; any other page is read when the
  // reader clicks the toolbar button (activeTab) or allows its site, by injecting this same file.
  matches: COUNCIL_MATCHES,
  includeGlobs: PAGE_NAME_GLOBS,
  excludeMatches: QUERY_STRING_EXCLUDES,
  runAt: 'document_idle',
  async main() {
    // Injected once more by a second toolbar click: the page is read once.
    const world = globalThis as { councilMinutesRead?: boolean };
    if (world.councilMinutesRead) return;
    world.councilMinutesRead = true;
    // The panel validates what comes back; here only the request's shape is checked.
    browser.runtime.onMessage.addListener((message: { type?: unknown; url?: unknown } | undefined, _sender, sendResponse: (answer: unknown) => void) => {
      // The panel asks for the page's reading when it was too large to store in storage.session.
      if (message?.type === 'get-extraction') {
        sendResponse(current);
        return;
      }
      if (message?.type === 'cancel-collect') {
        for (const controller of collecting) controller.abort();
        return;
      }
      if (message?.type !== 'collect-meeting' || typeof message.url !== 'string') return;
      const controller = new AbortController();
      collecting.add(controller);
      collectMeeting(message.url, controller.signal)
        .then(sendResponse, (error: unknown) =>
          sendResponse({ extraction: { kind: null, reason: error instanceof Error ? error.message : String(error) }, failures: [] }),
        )
        .finally(() => collecting.delete(controller));
      return true;
    });
    const url = location.href;
    const extraction = await extractPageInSlices(document, url, SLICES);
    current = await runInSlices(extractionJsonSteps(extraction), SLICES);
    const completing = extraction.kind === 'meeting' && extraction.items.some((item) => item.minutesTruncated);
    const parts = partsOf(current);
    if (parts.length === 1) {
      const extracted: PageExtractedSent = { type: 'page-extracted', url, extraction: current, completing };
      await browser.runtime.sendMessage(extracted);
    } else {
      // A long reading in parts, each copied by the messaging in a task of its own.
      for (const [index, text] of parts.entries()) {
        const part: PageExtractedPart = { type: 'page-extracted-part', url, completing, index, count: parts.length, text };
        await browser.runtime.sendMessage(part);
      }
    }
    if (extraction.kind !== 'meeting' || !completing) return;
    const { meeting, failures } = await completeTruncated(extraction, (itemUrl) => fetchPage(itemUrl));
    current = await runInSlices(extractionJsonSteps(meeting), SLICES);
    const completed: PageCompleted = { type: 'page-completed', url, meeting, failures };
    await browser.runtime.sendMessage(completed);
  },
});
