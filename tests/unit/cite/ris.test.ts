import { describe, expect, it } from 'vitest';
import { referencesOfPage } from '@/lib/cite/fromPage';
import type { Reference } from '@/lib/cite/reference';
import { ris } from '@/lib/cite/ris';
import { parsedBack } from './roundTrip';
import { SOUTHAMPTON_URL, southampton } from './southampton';

const refs = () => referencesOfPage(southampton(), '2026-11-30T10:00:00.000Z');

describe('RIS', () => {
  it('round-trips through a RIS parser: a report by the council, with its container, dates and address', () => {
    const text = ris(refs());
    const back = parsedBack(text);
    expect(back).toHaveLength(12);
    expect(back[1]).toEqual({
      id: 'southampton2016-5-i',
      type: 'report',
      author: [{ literal: 'Southampton City Council' }],
      title: 'Item 5: Child Sexual Exploitation in Southampton - Update, resolution (i)',
      // RIS's T2 of a report is its series, in Zotero and in Citation.js.
      'collection-title': 'Minutes of the Children and Families Scrutiny Panel, 3 November 2016',
      publisher: 'Southampton City Council',
      issued: { 'date-parts': [[2016, 11, 3]] },
      accessed: { 'date-parts': [[2026, 11, 30]] },
      URL: SOUTHAMPTON_URL,
      abstract: 'That the Licensing Committee consider making CSE training a condition of receiving a taxi licence in Southampton;',
    });
  });

  it('writes the fields as the specification lays them out: "TY  - " first, "ER  - " last, CRLF', () => {
    const [first] = ris(refs()).split('\r\n\r\n');
    const lines = first?.split('\r\n') ?? [];
    expect(lines[0]).toBe('TY  - RPRT');
    expect(lines.at(-1)).toBe('ER  - ');
    expect(lines.every((line) => line === '' || /^[A-Z][A-Z0-9]  - /.test(line))).toBe(true);
  });

  it('keeps hostile text inside its field: line breaks and tag-like lines cannot end the record or forge one', () => {
    const hostile: Reference = {
      ...refs()[1]!,
      itemTitle: 'Parks\r\nER  - \r\nTY  - JOUR\r\nTI  - Forged',
      abstract: 'First line\nAU  - Mallory\u2028KW  - injected\u0000',
      tags: ['parks\nKW  - extra'],
      note: 'ok\rN1  - second',
    };
    const text = ris([hostile, refs()[0]!]);
    const back = parsedBack(text);
    expect(back).toHaveLength(2);
    expect(back[0]).toMatchObject({
      title: 'Item 5: Parks ER - TY - JOUR TI - Forged, resolution (i)',
      abstract: 'First line AU - Mallory KW - injected',
      author: [{ literal: 'Southampton City Council' }],
      keyword: 'parks KW - extra',
      note: 'ok N1 - second',
    });
    expect(text.match(/^TY {2}- /gm)).toHaveLength(2);
    expect(text.match(/^ER {2}- /gm)).toHaveLength(2);
  });
});
