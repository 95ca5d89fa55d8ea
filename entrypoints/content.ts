import { paced } from '@/lib/collect/paced';
// Types only: zod itself would quadruple the content script (30 → 126 KB); the background and the panel check these messages with the schemas.
import type { CollectedMeeting, CollectMeetingRequest, PageCompleted, PageExtracted } from '@/lib/messages/schema';
import { completeTruncated } from '@/lib/moderngov/completeTruncated';
import { extractPage } from '@/lib/moderngov/extract';
import { MODERNGOV_MATCHES } from '@/lib/moderngov/matchPatterns';

/** Fetches a page of the council's own site in the reader's session, parsed inert. */
async function fetchDocument(url: string): Promise<Document> {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`The council's site answered ${response.status} for ${url}`);
  return new DOMParser().parseFromString(await response.text(), 'text/html');
}

/** Batch collection's requests: one a second at most, item pages for cut-short minutes included. */
const fetchForCollection = paced(fetchDocument, 1000);

/** Reads another meeting page of this site for the panel's batch collection. */
async function collectMeeting(url: string): Promise<CollectedMeeting> {
  if (new URL(url, location.href).origin !== location.origin) {
    return { extraction: { kind: null, reason: 'Only pages of the site being read are collected.' }, failures: [] };
  }
  const extraction = extractPage(await fetchForCollection(url), url);
  if (extraction.kind !== 'meeting' || !extraction.items.some((item) => item.minutesTruncated)) return { extraction, failures: [] };
  const { meeting, failures } = await completeTruncated(extraction, fetchForCollection);
  return { extraction: meeting, failures };
}

export default defineContentScript({
  matches: MODERNGOV_MATCHES,
  runAt: 'document_idle',
  async main() {
    // The panel validates what comes back; here only the request's shape is checked.
    browser.runtime.onMessage.addListener((raw: Partial<CollectMeetingRequest> | undefined, _sender, sendResponse: (answer: CollectedMeeting) => void) => {
      if (raw?.type !== 'collect-meeting' || typeof raw.url !== 'string') return;
      collectMeeting(raw.url).then(sendResponse, (error: unknown) =>
        sendResponse({ extraction: { kind: null, reason: error instanceof Error ? error.message : String(error) }, failures: [] }),
      );
      return true;
    });
    const url = location.href;
    const extraction = extractPage(document, url);
    const completing = extraction.kind === 'meeting' && extraction.items.some((item) => item.minutesTruncated);
    const extracted: PageExtracted = { type: 'page-extracted', url, extraction, completing };
    await browser.runtime.sendMessage(extracted);
    if (extraction.kind !== 'meeting' || !completing) return;
    const { meeting, failures } = await completeTruncated(extraction, fetchDocument);
    const completed: PageCompleted = { type: 'page-completed', url, meeting, failures };
    await browser.runtime.sendMessage(completed);
  },
});
