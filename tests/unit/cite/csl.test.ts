import { describe, expect, it } from 'vitest';
import { cslJson, toCslItems } from '@/lib/cite/csl';
import { referencesOfPage } from '@/lib/cite/fromPage';
import type { Reference } from '@/lib/cite/reference';
import { validateCsl as validate } from '../../support/cslSchema';
import { SOUTHAMPTON_URL, southampton } from './southampton';

const hostile: Reference = {
  council: 'Council "of" <b>Things</b>',
  host: 'evil.example',
  committee: '}{ \\ %',
  date: '',
  pageTitle: '',
  itemNumber: null,
  itemTitle: '<img src=x onerror=alert(1)>',
  clause: { label: null, index: 4 },
  abstract: 'line\nER  - ',
  url: 'https://evil.example/?a=1&b=<2>',
  accessed: 'not a date',
  tags: ['a,b'],
  note: '\u0000',
};

describe('CSL-JSON', () => {
  it('validates against the CSL data schema: every item and clause of the Southampton page, and a hostile record', () => {
    const items = JSON.parse(cslJson([...referencesOfPage(southampton(), '2026-11-30T10:00:00.000Z'), hostile])) as unknown;
    const valid = validate(items);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect(items).toHaveLength(13);
    // The validator is strict: a field the schema does not know, or a wrong type, fails it.
    expect(validate([{ id: 'x', type: 'report', committee: 'Cabinet' }])).toBe(false);
    expect(validate([{ id: 'x', type: 'minutes' }])).toBe(false);
  });

  it('gives item 5, clause (i) as a report by the council, in the committee meeting, dated and retrieved', () => {
    const [, clause] = toCslItems(referencesOfPage(southampton(), '2026-11-30T10:00:00.000Z'));
    expect(clause).toEqual({
      id: 'southampton2016-5-i',
      'citation-key': 'southampton2016-5-i',
      type: 'report',
      author: [{ literal: 'Southampton City Council' }],
      title: 'Item 5: Child Sexual Exploitation in Southampton - Update, resolution (i)',
      'container-title': 'Minutes of the Children and Families Scrutiny Panel, 3 November 2016',
      issued: { 'date-parts': [[2016, 11, 3]] },
      accessed: { 'date-parts': [[2026, 11, 30]] },
      URL: SOUTHAMPTON_URL,
      abstract: 'That the Licensing Committee consider making CSE training a condition of receiving a taxi licence in Southampton;',
    });
  });

  it('leaves out an unknown author and dates instead of writing empty ones', () => {
    const [item] = toCslItems([hostile]);
    expect(item).not.toHaveProperty('issued');
    expect(item).not.toHaveProperty('accessed');
    expect(item?.author).toEqual([{ literal: 'Council "of" <b>Things</b>' }]);
    expect(item?.title).toBe('<img src=x onerror=alert(1)>, resolution 5');
  });
});
