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
  const item: CslItem = {
    id: key,
    'citation-key': key,
    type: 'report',
    title: referenceTitle(ref),
    'container-title': containerTitle(ref),
    URL: ref.url,
  };
  if (ref.council) item.author = [{ literal: ref.council }];
  const issued = cslDate(ref.date);
  if (issued) item.issued = issued;
  const accessed = cslDate(ref.accessed);
  if (accessed) item.accessed = accessed;
  if (ref.abstract) item.abstract = ref.abstract;
  if (ref.tags.length) item.keyword = ref.tags.join(', ');
  if (ref.note) item.annote = ref.note;
  return item;
}

export function toCslItems(refs: Reference[]): CslItem[] {
  const keys = citationKeys(refs);
  return refs.map((ref, i) => toCslItem(ref, keys[i] ?? String(i)));
}

/** A CSL-JSON file: an array of items, as Zotero, Pandoc and citeproc read it. */
export function cslJson(refs: Reference[]): string {
  return `${JSON.stringify(toCslItems(refs), null, 2)}\n`;
}
