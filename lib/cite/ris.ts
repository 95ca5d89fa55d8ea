import { citationKeys, containerTitle, dateParts, referenceTitle, type Reference } from './reference';

/** A value on one line: RIS ends a field at the line break, so page text with breaks (or a
 * line of its own reading "ER  - ") would end the record or start a forged field. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
}

function risDate(iso: string): string | null {
  const parts = dateParts(iso);
  return parts ? `${parts[0]}/${String(parts[1]).padStart(2, '0')}/${String(parts[2]).padStart(2, '0')}/` : null;
}

/**
 * RIS `RPRT`, as Zotero exports a report: TI the item (and clause), T2 the committee and meeting
 * (Zotero reads it as the report's series), AU and PB the council, DA/PY the meeting date, Y2 the
 * date retrieved, UR the page, AB the clause or agenda text, KW the tags, N1 the note.
 */
export function risRecord(ref: Reference, key: string): string {
  const lines: [string, string | null][] = [
    ['TY', 'RPRT'],
    ['ID', key],
    ['AU', ref.council],
    ['TI', referenceTitle(ref)],
    ['T2', containerTitle(ref)],
    ['PB', ref.council],
    ['DA', risDate(ref.date)],
    ['PY', dateParts(ref.date)?.[0].toString() ?? null],
    ['Y2', risDate(ref.accessed)],
    ['UR', ref.url],
    ['AB', ref.abstract],
    ...ref.tags.map((tag): [string, string] => ['KW', tag]),
    ['N1', ref.note],
  ];
  const fields = lines.flatMap(([tag, value]) => {
    const text = value === null ? '' : oneLine(value);
    return text ? [`${tag}  - ${text}`] : [];
  });
  return `${fields.join('\r\n')}\r\nER  - \r\n`;
}

/** A RIS file: one record per reference, CRLF line ends as the format's specification has them. */
export function ris(refs: Reference[]): string {
  const keys = citationKeys(refs);
  return refs.map((ref, i) => risRecord(ref, keys[i] ?? String(i))).join('\r\n');
}
