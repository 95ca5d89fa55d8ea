import { describe, expect, it } from 'vitest';
import { docsFromClauses, docsFromLibrary, docsFromMeeting, docsFromPage } from '@/lib/compare/adapters';
import { CompareDocSchema } from '@/lib/compare/schema';
import type { SavedClause, SavedItem } from '@/lib/library/schema';
import { extractPage } from '@/lib/moderngov/extract';
import { ownFixture } from '../../support/pages';
import { meetingOf, SOUTHAMPTON, WORCESTERSHIRE } from './fixtures';

const placement = {
  host: 'www.southampton.gov.uk',
  meetingId: '7105',
  councilName: 'Southampton City Council',
  committeeName: 'Children and Families Scrutiny Panel',
  date: '2016-11-03',
  tags: [],
  note: '',
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
  onPage: 1,
  source: 'meeting',
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
    onPage: 1,
    ...at,
  };
}

describe('docsFromMeeting', () => {
  it('makes one doc per item, keyed by the library item key', () => {
    const docs = docsFromMeeting(meetingOf(SOUTHAMPTON));
    for (const doc of docs) CompareDocSchema.parse(doc);
    expect(docs.map((doc) => [doc.id, doc.itemNumber, doc.title])).toEqual([
      ['["www.southampton.gov.uk","7105","12841"]', '5', 'Child Sexual Exploitation in Southampton - Update'],
      ['["www.southampton.gov.uk","7105","12842"]', '6', 'Elective Home Education and Safeguarding Arrangements'],
      ['["www.southampton.gov.uk","7105","12843"]', '7', 'Children and Families Performance'],
      ['["www.southampton.gov.uk","7105","12844"]', '8', 'Monitoring Scrutiny Recommendations'],
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
    expect(cse?.id).toBe('["worcestershire.moderngov.co.uk","2453","9876"]');
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
      id: '["www.southampton.gov.uk","7105","12841"]',
      kind: 'meeting-item',
      host: 'www.southampton.gov.uk',
      council: 'Southampton City Council',
      committee: 'Children and Families Scrutiny Panel',
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
      clauses: [
        'That the Licensing Committee consider making CSE training a condition of receiving a taxi licence;',
        'That officers explore opportunities to increase resources dedicated to analysing CSE data;',
      ],
      outcome: 'resolved',
      url: null,
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
        id: '["www.southampton.gov.uk","7105","12841",1]',
        kind: 'clause',
        host: 'www.southampton.gov.uk',
        council: 'Southampton City Council',
        committee: 'Children and Families Scrutiny Panel',
        meetingDate: '2016-11-03',
        itemNumber: '5',
        title: 'Child Sexual Exploitation in Southampton - Update',
        text: 'That officers explore opportunities;',
        clauses: ['That officers explore opportunities;'],
        outcome: 'resolved',
        url: null,
      },
    ]);
  });
});

describe('docsFromPage', () => {
  const read = (file: string, url: string) => docsFromPage(extractPage(ownFixture(file), url));

  it('makes an agenda-item page the doc its item is on the meeting page', () => {
    const [item, ...rest] = read('worcestershire-item-5-2015-05-22.html', 'https://worcestershire.moderngov.co.uk/mgAi.aspx?ID=9876');
    expect(rest).toEqual([]);
    CompareDocSchema.parse(item);
    const onMeeting = docsFromMeeting(meetingOf(WORCESTERSHIRE)).find((doc) => doc.itemNumber === '5');
    expect(item?.id).toBe(onMeeting?.id);
    expect(item).toMatchObject({
      kind: 'item',
      council: 'Worcestershire County Council',
      committee: 'Children and Families Overview and Scrutiny Panel',
      meetingDate: '2015-05-22',
      title: 'Child Sexual Exploitation: Update',
      clauses: ['that the update be noted.'],
      outcome: 'noted',
    });
  });

  it('makes a decision page one doc: its decision maker, date, clauses and what they do', () => {
    const docs = read('catalogue/brent-decision-2023-09-12.html', 'https://democracy.brent.gov.uk/ieDecisionDetails.aspx?ID=5388');
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({
      kind: 'decision',
      council: 'Brent Council',
      committee: 'Barham Park Trust Committee',
      meetingDate: '2023-09-12',
      title: 'Annual Report & Accounts 2022-2023',
      outcome: 'agreed, noted',
      url: 'https://democracy.brent.gov.uk/ieDecisionDetails.aspx?ID=5388',
    });
    expect(docs[0]?.clauses).toHaveLength(3);
    expect(docs[0]?.clauses[2]).toBe('To note the report of the Independent Examiner on the accounts.');
  });

  it('makes an issue page one doc titled as the issue, without its filing details', () => {
    const [issue] = read('issue-history-2016.html', 'https://www.southampton.gov.uk/modernGov/mgIssueHistoryHome.aspx?IId=21466&Opt=0');
    expect(issue).toMatchObject({ kind: 'issue', council: 'Southampton City Council', title: 'Child Sexual Exploitation in Southampton - Update' });
    // Issue type, decision type, status, wards and lead officer say nothing of the topic.
    expect(issue?.text).toBe('');
  });

  it('has nothing to compare on attendance pages, and leaves procedural items out', () => {
    expect(read('southampton-attendance-2016-11-03.html', 'https://www.southampton.gov.uk/modernGov/mgMeetingAttendance.aspx?ID=7105')).toEqual([]);
    const meeting = meetingOf(WORCESTERSHIRE);
    expect(meeting.items.some((item) => item.procedural)).toBe(true);
    expect(docsFromPage(meeting).map((doc) => doc.title)).toEqual(meeting.items.filter((item) => !item.procedural).map((item) => item.title));
  });
});
