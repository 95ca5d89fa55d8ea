import { completeTruncated } from '@/lib/moderngov/completeTruncated';
import { extractPage } from '@/lib/moderngov/extract';
import { MODERNGOV_MATCHES } from '@/lib/moderngov/matchPatterns';

/** Fetches a page of the council's own site in the reader's session, parsed inert. */
async function fetchDocument(url: string): Promise<Document> {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`The council's site answered ${response.status} for ${url}`);
  return new DOMParser().parseFromString(await response.text(), 'text/html');
}

export default defineContentScript({
  matches: MODERNGOV_MATCHES,
  runAt: 'document_idle',
  async main() {
    const url = location.href;
    const extraction = extractPage(document, url);
    const completing = extraction.kind === 'meeting' && extraction.items.some((item) => item.minutesTruncated);
    await browser.runtime.sendMessage({ type: 'page-extracted', url, extraction, completing });
    if (extraction.kind !== 'meeting' || !completing) return;
    const { meeting, failures } = await completeTruncated(extraction, fetchDocument);
    await browser.runtime.sendMessage({ type: 'page-completed', url, meeting, failures });
  },
});
