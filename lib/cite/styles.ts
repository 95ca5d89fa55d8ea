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
 * localStorage); anything unreadable or unknown reads as the default. */
export function readStylePreference(storage: Pick<Storage, 'getItem'> = localStorage): CitationStyle {
  try {
    const parsed = CitationStyleSchema.safeParse(storage.getItem(PREFERENCE));
    return parsed.success ? parsed.data : DEFAULT_STYLE;
  } catch {
    // Storage can be disabled (a browser setting): the default still works.
    return DEFAULT_STYLE;
  }
}

export function writeStylePreference(style: CitationStyle, storage: Pick<Storage, 'setItem'> = localStorage): void {
  try {
    storage.setItem(PREFERENCE, style);
  } catch {
    // Not remembered; the pick still applies on this page.
  }
}
