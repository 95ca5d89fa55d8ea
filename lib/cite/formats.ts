import { bibtex } from './bibtex';
import { cslJson } from './csl';
import type { Reference } from './reference';
import { ris } from './ris';

/** The reference-manager files written: their names, file extensions, media types and writers. */
export const CITATION_FORMATS = {
  ris: { label: 'RIS', extension: 'ris', mime: 'application/x-research-info-systems', write: ris },
  bibtex: { label: 'BibTeX', extension: 'bib', mime: 'application/x-bibtex', write: bibtex },
  'csl-json': { label: 'CSL-JSON', extension: 'json', mime: 'application/vnd.citationstyles.csl+json', write: cslJson },
} as const satisfies Record<string, { label: string; extension: string; mime: string; write(refs: Reference[]): string }>;

export type CitationFormat = keyof typeof CITATION_FORMATS;

export function isCitationFormat(value: string): value is CitationFormat {
  return Object.hasOwn(CITATION_FORMATS, value);
}
