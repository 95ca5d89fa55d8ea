import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { referenceOfMeetingItem, referencesOfPage } from '@/lib/cite/fromPage';
import { referenceOfSavedClause, referenceOfSavedItem } from '@/lib/cite/fromSaved';
import { citationKeys, containerTitle, referenceTitle, type Reference } from '@/lib/cite/reference';
import { LibraryDb } from '@/lib/library/db';
import { meetingKey } from '@/lib/library/identity';
import { annotateClause } from '@/lib/library/queries';
import { saveSelection } from '@/lib/library/save';
import { SOUTHAMPTON_URL, southampton } from './southampton';

const base: Reference = {
  council: 'Southampton City Council',
  host: 'www.southampton.gov.uk',
  committee: 'Children and Families Scrutiny Panel',
  date: '2016-11-03',
  pageTitle: 'Agenda and minutes',
  itemNumber: '5',
  itemTitle: 'Child Sexual Exploitation in Southampton - Update',
  clause: { label: '(i)', index: 0 },
  abstract: '',
  url: SOUTHAMPTON_URL,
  accessed: '2026-11-30',
  tags: [],
  note: '',
};

describe('a reference read from the Southampton page', () => {
  const record = southampton();

  it('cites item 5, clause (i): council, committee and meeting, date, item number and title, label, address', () => {
    const ref = referenceOfMeetingItem(record, 0, 0, '2026-11-30');
    expect(ref).toEqual({
      ...base,
      abstract: 'That the Licensing Committee consider making CSE training a condition of receiving a taxi licence in Southampton;',
    });
    if (!ref) throw new Error('no reference');
    expect(referenceTitle(ref)).toBe('Item 5: Child Sexual Exploitation in Southampton - Update, resolution (i)');
    expect(containerTitle(ref)).toBe('Minutes of the Children and Families Scrutiny Panel, 3 November 2016');
  });

  it('cites every item and each of its clauses, in page order, with unique keys', () => {
    const refs = referencesOfPage(record, '2026-11-30');
    // Items 5 (three clauses), 6 (four), 7 (none) and 8 (one, unnumbered: "The Panel noted the report…").
    expect(refs.map(referenceTitle)).toEqual([
      'Item 5: Child Sexual Exploitation in Southampton - Update',
      'Item 5: Child Sexual Exploitation in Southampton - Update, resolution (i)',
      'Item 5: Child Sexual Exploitation in Southampton - Update, resolution (ii)',
      'Item 5: Child Sexual Exploitation in Southampton - Update, resolution (iii)',
      'Item 6: Elective Home Education and Safeguarding Arrangements',
      'Item 6: Elective Home Education and Safeguarding Arrangements, resolution (i)',
      'Item 6: Elective Home Education and Safeguarding Arrangements, resolution (ii)',
      'Item 6: Elective Home Education and Safeguarding Arrangements, resolution (iii)',
      'Item 6: Elective Home Education and Safeguarding Arrangements, resolution (iv)',
      'Item 7: Children and Families Performance',
      'Item 8: Monitoring Scrutiny Recommendations',
      'Item 8: Monitoring Scrutiny Recommendations, resolution 1',
    ]);
    expect(citationKeys(refs).slice(0, 5)).toEqual(['southampton2016-5', 'southampton2016-5-i', 'southampton2016-5-ii', 'southampton2016-5-iii', 'southampton2016-6']);
    // The item's own reference carries its agenda text.
    expect(refs[0]?.abstract).toMatch(/^Report of the Service Director Children and Families/);
  });

  it('gives nothing for a clause or item the page does not have', () => {
    expect(referenceOfMeetingItem(record, 0, 3, '2026-11-30')).toBeNull();
    expect(referenceOfMeetingItem(record, 9, null, '2026-11-30')).toBeNull();
  });
});

describe('titles, containers and keys', () => {
  it('names the record by the page heading: minutes, decisions, agenda (English or Welsh)', () => {
    expect(containerTitle({ ...base, pageTitle: 'Agenda, decisions and minutes' })).toBe('Minutes of the Children and Families Scrutiny Panel, 3 November 2016');
    expect(containerTitle({ ...base, pageTitle: 'Rhaglen a chofnodion' })).toMatch(/^Minutes of/);
    expect(containerTitle({ ...base, pageTitle: 'Agenda and decisions' })).toMatch(/^Decisions of/);
    expect(containerTitle({ ...base, pageTitle: 'Decision' })).toMatch(/^Decision of/);
    expect(containerTitle({ ...base, pageTitle: 'Agenda' })).toMatch(/^Agenda of/);
    expect(containerTitle({ ...base, pageTitle: '' })).toMatch(/^Meeting of/);
  });

  it('leaves out what is unknown rather than printing blanks', () => {
    expect(containerTitle({ ...base, committee: '' })).toBe('Minutes of the meeting, 3 November 2016');
    expect(containerTitle({ ...base, date: '' })).toBe('Minutes of the Children and Families Scrutiny Panel');
    expect(containerTitle({ ...base, committee: '', date: '' })).toBe('Minutes');
    expect(referenceTitle({ ...base, itemNumber: null, clause: null })).toBe('Child Sexual Exploitation in Southampton - Update');
    expect(referenceTitle({ ...base, itemTitle: ' ', clause: null })).toBe('Item 5: Untitled item');
  });

  it('names a clause by its printed label, without a trailing full stop; unnumbered ones by their place', () => {
    expect(referenceTitle({ ...base, clause: { label: '2.', index: 1 } })).toMatch(/, resolution 2$/);
    expect(referenceTitle({ ...base, clause: { label: 'a)', index: 0 } })).toMatch(/, resolution a\)$/);
    expect(referenceTitle({ ...base, clause: { label: null, index: 2 } })).toMatch(/, resolution 3$/);
  });

  it('makes keys of ASCII letters, digits and hyphens, and tells duplicates apart', () => {
    const welsh = { ...base, council: 'Cyngor Sir Ynys Môn', itemNumber: '77/21', clause: { label: '(ii)', index: 1 } };
    const nameless = { ...base, council: null, host: 'democracy.wolverhampton.gov.uk', date: '', clause: null };
    expect(citationKeys([welsh, nameless, base, base, base])).toEqual([
      'ynysmon2016-77-21-ii',
      'wolverhamptonnd-5',
      'southampton2016-5-i',
      'southampton2016-5-ib',
      'southampton2016-5-ic',
    ]);
  });
});

describe('references from the library', () => {
  /** The Southampton page saved whole, with tags and a note on clause (i) of item 5, as the library holds it. */
  async function saved() {
    const db = new LibraryDb(`cite-saved-${Date.now()}-${Math.random()}`);
    const record = southampton();
    await saveSelection(db, record, { scope: 'meeting' }, new Date('2026-11-28T17:30:00.000Z'));
    const [clause] = await db.clauses.orderBy('[host+meetingId+itemKey+clauseIndex]').toArray();
    if (!clause) throw new Error('nothing saved');
    await annotateClause(db, clause, clause, { tags: ['cse', 'licensing'], note: 'Compare with Portsmouth.' });
    const meetings = new Map((await db.meetings.toArray()).map((m) => [meetingKey(m), m]));
    const clauses = await db.clauses.toArray();
    const items = await db.items.toArray();
    db.close();
    await db.delete();
    return { meetings, clauses, items };
  }

  it('takes the address, heading and retrieval date from the saved meeting, tags and note from the row', async () => {
    const { meetings, clauses, items } = await saved();
    const clause = clauses.find((c) => c.itemNumber === '5' && c.label === '(i)');
    if (!clause) throw new Error('clause (i) of item 5 not saved');
    expect(referenceOfSavedClause(clause, meetings)).toEqual({
      ...base,
      abstract: 'That the Licensing Committee consider making CSE training a condition of receiving a taxi licence in Southampton;',
      accessed: '2026-11-28T17:30:00.000Z',
      tags: ['cse', 'licensing'],
      note: 'Compare with Portsmouth.',
    });
    const item = items.find((i) => i.number === '7');
    if (!item) throw new Error('item 7 not saved');
    expect(referenceOfSavedItem(item, meetings)).toMatchObject({ clause: null, itemTitle: 'Children and Families Performance', url: SOUTHAMPTON_URL, pageTitle: 'Agenda and minutes' });
  });

  it('still cites a row whose meeting is missing, retrieved when the row was saved', async () => {
    const { clauses } = await saved();
    expect(referenceOfSavedClause(clauses[0]!, new Map())).toMatchObject({ url: '', pageTitle: '', accessed: '2026-11-28T17:30:00.000Z' });
  });
});
