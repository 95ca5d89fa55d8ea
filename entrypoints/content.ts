import { paced } from '@/lib/collect/paced';
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
async function collectMeeting(url: string) {
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
    browser.runtime.onMessage.addListener((message: { type?: unknown; url?: unknown }, _sender, sendResponse) => {
      if (message?.type !== 'collect-meeting' || typeof message.url !== 'string') return;
      collectMeeting(message.url).then(sendResponse, (error: unknown) =>
        sendResponse({ extraction: { kind: null, reason: error instanceof Error ? error.message : String(error) }, failures: [] }),
      );
      return true;
    });
    const url = location.href;
    const extraction = extractPage(document, url);
    const completing = extraction.kind === 'meeting' && extraction.items.some((item) => item.minutesTruncated);
    await browser.runtime.sendMessage({ type: 'page-extracted', url, extraction, completing });
    if (extraction.kind !== 'meeting' || !completing) return;
    const { meeting, failures } = await completeTruncated(extraction, fetchDocument);
    await browser.runtime.sendMessage({ type: 'page-completed', url, meeting, failures });
  },
});
