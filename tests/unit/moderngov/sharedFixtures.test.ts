import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '@/lib/moderngov/extractDocument';
import { ExtractionSchema, type Extraction, type PageRecord } from '@/lib/moderngov/schema';
import { SHARED_FIXTURE_URLS } from '../../support/fixtureAddresses';
import { hasSharedFixtures, loadDocument, sharedFixturesDir } from '../../support/pages';

function extract(name: string): PageRecord {
  const url = SHARED_FIXTURE_URLS[name];
  if (!url) throw new Error(`no URL for ${name}`);
  const result: Extraction = extractDocument(loadDocument(path.join(sharedFixturesDir, name)), url);
  expect(ExtractionSchema.parse(result)).toEqual(result);
  if (result.kind === null) throw new Error(`${name} not recognised: ${result.reason}`);
  return result;
}

function as<K extends PageRecord['kind']>(record: PageRecord, kind: K): Extract<PageRecord, { kind: K }> {
  expect(record.kind).toBe(kind);
  return record as Extract<PageRecord, { kind: K }>;
}

describe.runIf(hasSharedFixtures)('shared fixtures (../shared/fixtures)', () => {
  it('has an expectation for every file there', () => {
    const files = ['fragments', 'webservice'].flatMap((dir) =>
      readdirSync(path.join(sharedFixturesDir, dir)).map((f) => `${dir}/${f}`),
    );
    expect(files.sort()).toEqual(Object.keys(SHARED_FIXTURE_URLS).sort());
  });

  it('reads the Policy Committee decision on previous minutes', () => {
    const d = as(extract('fragments/unknown-council-decision-details-1.html'), 'decision');
    expect(d.item.title).toBe('Minutes of Previous Meeting');
    expect(d.status).toBe('Recommendations Approved');
    expect(d.keyDecision).toBe(false);
    expect(d.subjectToCallIn).toBe(false);
    expect(d.publicationDate).toBe('2015-10-22');
    expect(d.decisionDate).toBe('2015-10-19');
    expect(d.meetingRef).toEqual({
      meetingId: '4832',
      committeeId: '151',
      committeeName: 'Policy Committee',
      date: '2015-10-19',
      url: 'https://democracy.council.example/ieListDocuments.aspx?CId=151&MID=4832',
    });
    expect(d.issueUrl).toBe('https://democracy.council.example/mgIssueHistoryHome.aspx?IId=6535&Opt=0');
    expect(d.item.documents).toEqual([
      { title: 'polc2 - 23.09.2015', url: 'https://democracy.council.example/documents/s7942/polc2%20-%2023.09.2015.pdf', sizeKb: 119 },
    ]);
    expect(d.item.clauses).toEqual([
      { label: null, keyword: 'Decision', text: 'The Minutes of the Policy Committee meeting on 23 September 2015 were approved as a correct record.', section: 'decision', exempt: false },
    ]);
  });

  it('reads the officer decision with its purpose', () => {
    const d = as(extract('fragments/unknown-council-decision-details-2.html'), 'decision');
    expect(d.item.title).toBe("To enable the Council's waste treatment contractor to consult on alternative processing arrangements");
    expect(d.decisionMaker).toBe('Strategic Director for Environment');
    expect(d.keyDecision).toBe(true);
    expect(d.subjectToCallIn).toBe(true);
    expect(d.item.description).toBe('To seek approval for alternative processing arrangements.');
    expect(d.item.clauses).toEqual([
      {
        label: null,
        keyword: 'Decision',
        text: 'That approval be given to enable the contractor to consult on alternative processing arrangements, subject to employee consultation outcomes.',
        section: 'decision',
        exempt: false,
      },
    ]);
    expect([d.publicationDate, d.decisionDate]).toEqual(['2026-08-05', '2026-08-04']);
    expect(d.item.documents).toEqual([]);
    expect(d.meetingRef).toBeNull();
  });

  it('reads the Kirklees decision without a page header, spacer paragraph dropped', () => {
    const d = as(extract('fragments/kirklees-decision-details-3.html'), 'decision');
    expect(d.item.title).toBe('Appointment of contractor to demolish Holme Park Court');
    expect(d.decisionMaker).toBe('Service Director - Homes & Neighbourhoods');
    expect(d.item.decision).toBe(
      'The demolition of the existing tower blocks has been approved to support the regeneration of Berry Brow.\n' +
        'This decision was authorised by the Cabinet at its meeting on Tuesday, 27 July 2021.',
    );
    expect(d.item.clauses).toHaveLength(1);
    expect(d.item.clauses[0]?.text.split('\n')[0]).toBe(
      'The demolition of the existing tower blocks has been approved to support the regeneration of Berry Brow.',
    );
    expect([d.publicationDate, d.decisionDate]).toEqual(['2025-12-10', '2021-07-27']);
  });

  it('reads the Kirklees officer decisions list', () => {
    const list = as(extract('fragments/kirklees-officer-decisions-list-1.html'), 'decision-list');
    expect(list.title).toBe('Officer decisions');
    expect(list.decisions).toEqual([
      { title: 'Admission of the Public', url: 'https://democracy.kirklees.gov.uk/ieDecisionDetails.aspx?ID=13149', date: '2025-11-03' },
    ]);
  });

  it('reads the Manchester GetMeeting response as a meeting with displayed numbers', () => {
    const m = as(extract('webservice/manchester-getmeeting-1.xml'), 'meeting');
    expect(m.committee.name).toBe('Audit Committee');
    expect(m.meeting).toMatchObject({
      id: '4967',
      date: '2026-02-10',
      time: '10.00 am',
      venue: 'Council Antechamber, Level 2, Town Hall Extension',
      title: 'Agenda and minutes',
    });
    expect(m.items.map((i) => [i.number, i.id, i.title])).toEqual([
      ['1', '18831', 'Minutes'],
      ['9', '18833', 'Work Programme'],
    ]);
    expect(m.items[0]?.description).toBe('To approve as a correct record the minutes of the meeting held on 25 November 2025.');
    expect(m.items[0]?.minutes).toBe('To approve the minutes of the meeting held on 25 November 2025 as a correct record.');
    expect(m.items[1]?.documents).toEqual([
      { title: 'DRAFT WP FEBRUARY 2026', url: 'https://democracy.manchester.gov.uk/mgConvert2PDF.aspx?ID=60909' },
    ]);
    // Neither item's minutes hold a resolution.
    // Manchester writes its decisions without a formula: "To approve the minutes … as a correct record."
    expect(m.items.flatMap((i) => i.clauses)).toEqual([
      { label: null, keyword: '', text: 'To approve the minutes of the meeting held on 25 November 2025 as a correct record.', section: 'minutes', exempt: false },
    ]);
    expect(m.attendance).toEqual([
      { name: 'Councillor Basil Curley', role: 'Committee Member', attendance: 'Expected', url: 'https://democracy.manchester.gov.uk/mgUserInfo.aspx?UID=192' },
    ]);
  });

  it('reads the Gloucester GetMeetings response: 20 Cabinet meetings, one cancelled', () => {
    const list = as(extract('webservice/gloucester-city-getmeetings-1.xml'), 'meeting-list');
    expect(list.committee).toEqual({ id: '129', name: 'Cabinet' });
    expect(list.meetings).toHaveLength(20);
    expect(list.meetings[0]).toEqual({
      meetingId: '7217',
      committeeId: '129',
      label: '10/01/2024 6.00 pm',
      date: '2024-01-10',
      status: null,
      url: 'https://democracy.gloucester.gov.uk/ieListDocuments.aspx?CId=129&MId=7217',
    });
    expect(list.meetings.filter((m) => m.status === 'cancelled').map((m) => [m.meetingId, m.date])).toEqual([['7506', '2024-06-12']]);
    expect(list.meetings.at(-1)?.meetingId).toBe('7610');
  });

  it('reads the Gloucester GetCommittees response: 131 committees', () => {
    const list = as(extract('webservice/gloucester-city-getcommittees-1.xml'), 'committee-list');
    expect(list.committees).toHaveLength(131);
    expect(list.committees[0]).toEqual({ id: '123', name: 'Airport Sub Committee', deleted: false, expired: true, category: null });
    expect(list.committees.find((c) => c.id === '487')).toEqual({
      id: '487',
      name: 'Audit and Governance Committee',
      deleted: false,
      expired: false,
      category: 'Regulatory and Other Committees',
    });
  });

  it('reads the Gloucester GetAttachment response', () => {
    const a = as(extract('webservice/gloucester-city-getattachment-1.xml'), 'attachment');
    expect(a).toMatchObject({
      id: '65461',
      document: { title: 'Cabinet - Public Questions', url: 'https://democracy.gloucester.gov.uk/mgConvert2PDF.aspx?ID=65461' },
      itemTitle: 'Public Question Time (15 minutes)',
      committeeName: 'Cabinet',
      meetingDate: '2025-11-21',
      publicationDate: '2025-11-13',
    });
  });

  it('reads the West Berkshire WSDL: 18 operations, HTTP GET offered', () => {
    const ws = as(extract('webservice/west-berkshire-wsdl-1.xml'), 'web-service');
    expect(ws.operations).toHaveLength(18);
    expect(ws.operations).toEqual(expect.arrayContaining(['GetMeeting', 'GetMeetings', 'GetCommittees', 'GetAttachment', 'CheckComms']));
    expect(ws.httpGet).toBe(true);
  });
});
