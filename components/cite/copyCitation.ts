import type { Reference } from '@/lib/cite/reference';
import type { CitationStyle } from '@/lib/cite/styles';
import { copyRichText } from '@/lib/platform/clipboard';

/**
 * Formats one reference with citeproc-js — loaded on first use, so the panel and library open
 * without it — and copies it. Returns what to tell the user: the citation copied, or, when the
 * clipboard refused, the citation to copy by hand.
 */
export async function copyCitation(ref: Reference, style: CitationStyle, copy = copyRichText): Promise<{ message: string; tone: 'info' | 'error' }> {
  const { formatCitation } = await import('@/lib/cite/render');
  const citation = formatCitation(ref, style);
  try {
    await copy(citation.text, citation.html);
    return { message: `Copied: ${citation.text}`, tone: 'info' };
  } catch (error) {
    return { message: `The clipboard refused the citation (${error instanceof Error ? error.message : String(error)}). Select and copy it here: ${citation.text}`, tone: 'error' };
  }
}

/** Loads citeproc-js and builds the style's engine in the background (APA's takes seconds), so
 * the next copy is quick. A failure here is not reported: the copy itself tries again and says why. */
export function prepareCitationStyle(style: CitationStyle): void {
  import('@/lib/cite/render').then((render) => render.prepareStyle(style)).catch(() => undefined);
}
