/**
 * Function words left out of the full-text index and out of queries: nearly every clause has
 * them, so they narrow no search, and they were a fifth of the `words` index's entries (each an
 * index write on every save). Words that can carry meaning in minutes ("not", "no", "will") stay.
 */
const STOPWORDS = new Set([
  'an', 'and', 'are', 'as', 'at', 'be', 'been', 'being', 'but', 'by', 'for', 'from', 'had', 'has', 'have', 'he', 'her', 'his',
  'in', 'into', 'is', 'it', 'its', 'of', 'on', 'or', 'she', 'so', 'than', 'that', 'the', 'their', 'them', 'then', 'there',
  'these', 'they', 'this', 'those', 'to', 'was', 'were', 'which', 'with',
]);

/**
 * Words for the full-text index, and the terms of a query: lower case, accents folded, two
 * letters or more, each once, function words left out. A query term that is a function word
 * is dropped rather than matched, so rows saved before this list existed (whose index still
 * holds such words) and rows saved since behave alike.
 */
export function wordsOf(...texts: (string | null | undefined)[]): string[] {
  const out = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    for (const word of text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().split(/[^a-z0-9]+/)) {
      if (word.length >= 2 && !STOPWORDS.has(word)) out.add(word.length > 40 ? word.slice(0, 40) : word);
    }
  }
  return [...out];
}
