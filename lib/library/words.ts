/** Words for the full-text index: lower case, accents folded, two letters or more. */
export function wordsOf(...texts: (string | null | undefined)[]): string[] {
  const out = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    for (const word of text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().split(/[^a-z0-9]+/)) {
      if (word.length >= 2) out.add(word.length > 40 ? word.slice(0, 40) : word);
    }
  }
  return [...out];
}
