import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';

/** What a reference manager reads back: the file parsed by Citation.js's RIS or BibTeX parser, as CSL. */
export function parsedBack(text: string): Record<string, unknown>[] {
  return (new Cite(text).data as Record<string, unknown>[]).map(({ _graph, ...item }) => item);
}
