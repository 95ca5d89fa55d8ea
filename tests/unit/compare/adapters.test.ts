import { describe, expect, it } from 'vitest';
import { docsFromClauses, docsFromLibrary, docsFromMeeting } from '@/lib/compare/adapters';
import { CompareDocSchema } from '@/lib/compare/schema';
import type { SavedClause, SavedItem } from '@/lib/library/schema';
import { meetingOf, SOUTHAMPTON, WORCESTERSHIRE } from './fixtures';

const placement = {
  host: 'www.southampton.gov.uk',
  meetingId: '7105',
  councilName: 'Southampton City Council',
  committeeName: 'Children and Families Scrutiny Panel',
  date: '2016-11-03',
  tags: [],
  note: '',
  words: [],
  savedAt: '2024-05-01T10:00:00.000Z',
};

const savedItem: SavedItem = {
  ...placement,
  itemKey: '12841',
  order: 0,
  number: '5',
  id: '12841',
  title: 'Child Sexual Exploitation in Southampton - Update',
  description: 'Report of the Service Director Children and Families, attached.',
  documents: [],
  minutes: 'The Panel considered the report.',
  decision: '',
  notedPoints: ['Improvements had been made since the previous report.'],
  procedural: false,
  minutesTruncated: 0,
  fullMinutesUrl: null,
  picked: 1,
};

function savedClause(clauseIndex: number, text: string, at: Partial<SavedClause> = {}): SavedClause {
  return {
    ...placement,
    itemKey: '12841',
    clauseIndex,
    itemOrder: 0,
    itemNumber: '5',
    itemTitle: 'Child Sexual Exploitation in Southampton - Update',
    label: `(${'i'.repeat(clauseIndex + 1)})`,
    text,
    keyword: 'RESOLVED',
    section: 'minutes',
    exempt: false,
    outcome: 'resolved',
    votes: null,
    ...at,
  };
}

describe('docsFromMeeting', () => {
  it('makes one doc per item, keyed host|meeting|item', () => {
    const docs = docsFromMeeting(meetingOf(SOUTHAMPTON));
    for (const doc of docs) CompareDocSchema.parse(doc);
    expect(docs.map((doc) => [doc.id, doc.itemNumber, doc.title])).toEqual([
      ['www.southampton.gov.uk|7105|12841', '5', 'Child Sexual Exploitation in Southampton - Update'],
      ['www.southampton.gov.uk|7105|12842', '6', 'Elective Home Education and Safeguarding Arrangements'],
      ['www.southampton.gov.uk|7105|12843', '7', 'Children and Families Performance'],
      ['www.southampton.gov.uk|7105|12844', '8', 'Monitoring Scrutiny Recommendations'],
    ]);
    expect(docs[0]).toMatchObject({ host: 'www.southampton.gov.uk', council: 'Southampton City Council', meetingDate: '2016-11-03' });
  });

  it('puts the minutes, agenda text, noted points and clauses in the text, each once', () => {
    const [cse] = docsFromMeeting(meetingOf(SOUTHAMPTON));
    const text = cse?.text ?? '';
    const once = (part: string) => text.split(part).length - 1;
    expect(once('That the Licensing Committee consider making CSE training a condition of receiving a taxi licence in Southampton;')).toBe(1);
    expect(once('No organised activity to exploit children and young people in the city had been identified.')).toBe(1);
    expect(once('providing the Panel with an update on working being undertaken to prevent Child Sexual Exploitation')).toBe(1);
  });

  it('keeps cut minutes as the page gives them', () => {
    const cse = docsFromMeeting(meetingOf(WORCESTERSHIRE)).find((doc) => doc.itemNumber === '5');
    expect(cse?.id).toBe('worcestershire.moderngov.co.uk|2453|9876');
    expect(cse?.text).toContain('Internet grooming was of particular concern. A Member referred to a recent incident in a Kidderminster');
  });
});

describe('docsFromLibrary', () => {
  it('makes one doc per saved item with its saved clauses, in clause order, and no other item’s', () => {
    const clauses = [
      savedClause(1, 'That officers explore opportunities to increase resources dedicated to analysing CSE data;'),
      savedClause(0, 'That the Licensing Committee consider making CSE training a condition of receiving a taxi licence;'),
      savedClause(0, 'That the Panel were provided with information on EHE;', { itemKey: '12842', itemNumber: '6' }),
    ];
    const [doc, ...rest] = docsFromLibrary([savedItem], clauses);
    expect(rest).toEqual([]);
    expect(doc).toEqual({
      id: 'www.southampton.gov.uk|7105|12841',
      host: 'www.southampton.gov.uk',
      council: 'Southampton City Council',
      meetingDate: '2016-11-03',
      itemNumber: '5',
      title: 'Child Sexual Exploitation in Southampton - Update',
      text: [
        'The Panel considered the report.',
        'Report of the Service Director Children and Families, attached.',
        'Improvements had been made since the previous report.',
        'That the Licensing Committee consider making CSE training a condition of receiving a taxi licence;',
        'That officers explore opportunities to increase resources dedicated to analysing CSE data;',
      ].join('\n'),
    });
  });

  it('gives an undated meeting a null date', () => {
    expect(docsFromLibrary([{ ...savedItem, date: '' }], [])[0]?.meetingDate).toBeNull();
  });
});

describe('docsFromClauses', () => {
  it('makes one doc per clause, titled with its item, keyed with the clause index', () => {
    const docs = docsFromClauses([savedClause(1, 'That officers explore opportunities;')]);
    expect(docs).toEqual([
      {
        id: 'www.southampton.gov.uk|7105|12841#1',
        host: 'www.southampton.gov.uk',
        council: 'Southampton City Council',
        meetingDate: '2016-11-03',
        itemNumber: '5',
        title: 'Child Sexual Exploitation in Southampton - Update',
        text: 'That officers explore opportunities;',
      },
    ]);
  });
});
