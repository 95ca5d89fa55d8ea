import { citationKeys, containerTitle, dateParts, referenceTitle, type Reference } from './reference';

interface CslDate {
  'date-parts': [[number, number, number]];
}

/** The CSL-JSON fields written (a subset of the CSL 1.0.2 input schema). */
export interface CslItem {
  id: string;
  'citation-key': string;
  type: 'report';
  author?: [{ literal: string }];
  title: string;
  'container-title': string;
  issued?: CslDate;
  accessed?: CslDate;
  URL: string;
  abstract?: string;
  keyword?: string;
  annote?: string;
}

function cslDate(iso: string): CslDate | undefined {
  const parts = dateParts(iso);
  return parts ? { 'date-parts': [parts] } : undefined;
}

/**
 * CSL `report`, the type Zotero gives a report and RIS `RPRT`/`GOVDOC` import as: the council
 * as an institutional author, the item (and clause) as the title, the committee and meeting as
 * the container. Publisher, genre and number are left out: the three styles would print the
 * council twice, or "Minutes" beside "Minutes of the …".
 */
export function toCslItem(ref: Reference, key: string): CslItem {
  const issued = cslDate(ref.date);
  const accessed = cslDate(ref.accessed);
  return {
    id: key,
    'citation-key': key,
    type: 'report',
    ...(ref.council ? { author: [{ literal: ref.council }] as [{ literal: string }] } : {}),
    title: referenceTitle(ref),
    'container-title': containerTitle(ref),
    ...(issued ? { issued } : {}),
    ...(accessed ? { accessed } : {}),
    URL: ref.url,
    ...(ref.abstract ? { abstract: ref.abstract } : {}),
    ...(ref.tags.length ? { keyword: ref.tags.join(', ') } : {}),
    ...(ref.note ? { annote: ref.note } : {}),
  };
}

export function toCslItems(refs: Reference[]): CslItem[] {
  const keys = citationKeys(refs);
  return refs.map((ref, i) => toCslItem(ref, keys[i] ?? String(i)));
}

/** A CSL-JSON file: an array of items, as Zotero, Pandoc and citeproc read it. */
export function cslJson(refs: Reference[]): string {
  return `${JSON.stringify(toCslItems(refs), null, 2)}\n`;
}
