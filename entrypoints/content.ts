import { extractPage } from '@/lib/moderngov/extract';
import { MODERNGOV_MATCHES } from '@/lib/moderngov/matchPatterns';

export default defineContentScript({
  matches: MODERNGOV_MATCHES,
  runAt: 'document_idle',
  main() {
    const extraction = extractPage(document, location.href);
    void browser.runtime.sendMessage({ type: 'page-extracted', url: location.href, extraction });
  },
});
