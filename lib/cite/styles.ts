import { z } from 'zod';

/** The citation styles offered: Harvard first, the default. Their CSL files are in `csl/`. */
export const CitationStyleSchema = z.enum(['harvard', 'apa', 'chicago']);
export type CitationStyle = z.infer<typeof CitationStyleSchema>;

export const STYLE_LABELS: Record<CitationStyle, string> = {
  harvard: 'Harvard (Cite Them Right)',
  apa: 'APA 7th edition',
  chicago: 'Chicago author-date',
};

export const DEFAULT_STYLE: CitationStyle = 'harvard';

const PREFERENCE = 'citation-style';

/** The style last picked, shared by the panel and the library (one extension origin, one
 * localStorage); anything unreadable or unknown reads as the default. The parameter is not
 * named `storage`: WXT's auto-imports read that name as its storage module and bundled it
 * (9 kB) into the panel's and the library's first chunk. */
export function readStylePreference(store: Pick<Storage, 'getItem'> = localStorage): CitationStyle {
  try {
    const parsed = CitationStyleSchema.safeParse(store.getItem(PREFERENCE));
    return parsed.success ? parsed.data : DEFAULT_STYLE;
  } catch {
    // Storage can be disabled (a browser setting): the default still works.
    return DEFAULT_STYLE;
  }
}

export function writeStylePreference(style: CitationStyle, store: Pick<Storage, 'setItem'> = localStorage): void {
  try {
    store.setItem(PREFERENCE, style);
  } catch {
    // Not remembered; the pick still applies on this page.
  }
}
