import { describe, expect, it } from 'vitest';
import { extractPage } from '@/lib/moderngov/extract';
import { MeetingRecordSchema, type MeetingRecord } from '@/lib/moderngov/schema';
import { ownFixture } from '../../support/pages';

// Expectations are the text of ../shared/seeds/000_fbf18fdea77db724.txt, as a person reads the page.
const URL = 'https://www.southampton.gov.uk/modernGov/ieListDocuments.aspx?CId=600&MId=7105&Ver=4';

function southampton(): MeetingRecord {
  const result = extractPage(ownFixture('southampton-meeting-2016-11-03.html'), URL);
  if (result.kind !== 'meeting') throw new Error(`not read as a meeting: ${JSON.stringify(result)}`);
  return MeetingRecordSchema.parse(result);
}

describe('Southampton, Children and Families Scrutiny Panel, 3 November 2016', () => {
  const record = southampton();
  const item = (n: string) => {
    const found = record.items.find((i) => i.number === n);
    if (!found) throw new Error(`no item ${n}`);
    return found;
  };

  it('reads the meeting header', () => {
    expect(record.council).toEqual({ host: 'www.southampton.gov.uk', name: 'Southampton City Council' });
    expect(record.committee).toEqual({ id: '600', name: 'Children and Families Scrutiny Panel' });
    expect(record.meeting).toMatchObject({
      id: '7105',
      title: 'Agenda and minutes',
      date: '2016-11-03',
      time: '5.30 pm',
      venue: 'Conference Room 3 - Civic Centre',
      contact: 'Claire Heather, Democratic Support Officer Tel: 023 8083 2412',
      status: null,
      url: URL,
    });
    expect(record.warnings).toEqual([]);
  });

  it('reads items 5 to 8 in page order, with titles and report sizes', () => {
    expect(record.items.map((i) => [i.number, i.title])).toEqual([
      ['5', 'Child Sexual Exploitation in Southampton - Update'],
      ['6', 'Elective Home Education and Safeguarding Arrangements'],
      ['7', 'Children and Families Performance'],
      ['8', 'Monitoring Scrutiny Recommendations'],
    ]);
    expect(record.items.map((i) => i.documents[0]?.sizeKb)).toEqual([62, 62, 66, 60]);
    expect(record.items.every((i) => i.documents[0]?.url?.startsWith('https://www.southampton.gov.uk/modernGov/documents/'))).toBe(true);
    expect(item('5').description).toBe(
      'Report of the Service Director Children and Families providing the Panel with an update on working being undertaken to prevent Child Sexual Exploitation in Southampton, attached.',
    );
    expect(record.items.every((i) => !i.minutesTruncated)).toBe(true);
  });

  it('item 5: six noted points and clauses (i)–(iii)', () => {
    expect(item('5').notedPoints).toEqual([
      'Improvements had been made since the previous report to the Panel on Child Sexual Exploitation in Southampton in October 2015.',
      '‘Missing reports’ were produced regularly, especially for children at high risk of CSE. The cohort at risk could be identified at any given time using the SERAF (child sexual exploitation risk assessment tool).',
      'There was evidence of effective partnership working between Hampshire Constabulary and the Council, with potential to work more effectively, including a proposal to expand the CSE Hub to a wider MET Hub (Missing, Exploited and Trafficked).',
      'Looked After Children placed out of the city were potentially at high risk. Before a placement was made conversations took place with providers about their processes to track missing children and prevent CSE.',
      'No organised activity to exploit children and young people in the city had been identified. CSE activity had been sporadic and opportunistic.',
      'More time needs to be spent analysing and interpreting the data from the numerous agencies that provide information on CSE in Southampton.',
    ]);
    expect(item('5').clauses).toEqual([
      { label: '(i)', keyword: 'RESOLVED', text: 'That the Licensing Committee consider making CSE training a condition of receiving a taxi licence in Southampton;', section: 'minutes', exempt: false },
      {
        label: '(ii)',
        keyword: 'RESOLVED',
        text: 'That, in recognition of the benefits with regards to enhanced understanding and targeting resources more effectively, officers explore opportunities to increase resources dedicated to analysing CSE data, including consideration of commissioning academic research to support decision making;',
        section: 'minutes',
        exempt: false,
      },
      {
        label: '(iii)',
        keyword: 'RESOLVED',
        text: 'Under the proposed mandatory reporting duty certain groups or professionals would be placed under a legal duty to report suspected cases of child abuse and neglect to proper authorities. It is recommended that the Cabinet Member lobbies Ministers to encourage the duty to apply to a wide range of organisations rather than be limited to statutory bodies.',
        section: 'minutes',
        exempt: false,
      },
    ]);
    expect(item('5').minutes).toContain(
      'Jane White, Service Lead for Children’s Social Care, Catherine Parkin, MASH Service Manager, and Inspector Elkins form Hampshire Constabulary were in attendance',
    );
  });

  it('item 6: four noted points and clauses (i)–(iv)', () => {
    expect(item('6').notedPoints).toEqual([
      'Children who were educated at home were subject to the same rules as those in school. It is important that the Council works with stakeholders to identify any issues.',
      'The Department for Education had developed guidance for local authorities regarding elective home education (EHE). The Council had rated itself against the guidelines.',
      'The Local Safeguarding Children Board had established an Education Task and Finish Group to seek safeguarding assurance on EHE and other issues.',
      'The Council was working with schools to ensure that appropriate decisions were being taken and that the voice of the child was heard in the process.',
    ]);
    expect(item('6').clauses.map((c) => [c.label, c.text])).toEqual([
      ['(i)', 'That the Panel were provided with information outlining the reasons given for the increase in the number of EHE in Southampton;'],
      ['(ii)', 'That available anonymised information on Key Stage 2 and Key Stage 4 exam results for children educated at home in Southampton was provided to the Panel;'],
      ['(iii)', 'That, to help support outcomes for young people in the city, the Cabinet Member considers if additional support, specifically regarding sitting examinations, can be provided to children educated at home;'],
      ['(iv)', 'That, the Cabinet Member writes to the 3 Southampton MPs encouraging them to lobby Government to strengthen the statutory duties placed upon local authorities with regards to the oversight of children educated at home.'],
    ]);
  });

  it('item 7: noted points from Symbol-font and list bullets alike, no clauses', () => {
    expect(item('7').notedPoints).toEqual([
      'There was a spike in contacts in September but the percentage of contacts that had become referrals had decreased.',
      'To improve reporting timescales managers were now required to attend a weekly performance meeting and report on team performance.',
      'A caseload tool was in place to manage case numbers for social workers.',
      'Within 3 months all Looked After Children should have an authorised Pathways Plan.',
    ]);
    expect(item('7').clauses).toEqual([]);
    expect(item('7').minutes).toContain('across the Children and Families Division since');
  });

  it('item 8: the Panel noted the report, its one decision', () => {
    expect(item('8').minutes).toBe(
      'The Panel noted the report of the Service Director, Legal and Governance setting out progress on recommendations made at the previous meeting.',
    );
    expect(item('8').notedPoints).toEqual([]);
    expect(item('8').clauses).toEqual([
      {
        label: null,
        keyword: 'The Panel noted',
        text: 'the report of the Service Director, Legal and Governance setting out progress on recommendations made at the previous meeting.',
        section: 'minutes',
        exempt: false,
      },
    ]);
  });

  it('gives the same content hash on re-extraction, and another when the text changes', () => {
    expect(southampton().contentHash).toBe(record.contentHash);
    const doc = ownFixture('southampton-meeting-2016-11-03.html');
    const clause = Array.from(doc.querySelectorAll('p')).find((p) => p.textContent?.includes('taxi licence'));
    if (!clause) throw new Error('clause paragraph not found');
    clause.append(' (amended)');
    const changed = extractPage(doc, URL);
    expect(changed.kind === 'meeting' && changed.contentHash).not.toBe(record.contentHash);
  });

  it('reads the same meeting through a cookieless session address', () => {
    const sessionUrl = 'https://www.southampton.gov.uk/modernGov/(S(30n4owbuda0mqe55vsynzn55))/ieListDocuments.aspx?CId=600&MId=7105&Ver=4';
    const viaSession = extractPage(ownFixture('southampton-meeting-2016-11-03.html'), sessionUrl);
    expect(viaSession.kind === 'meeting' && viaSession.meeting.url).toBe(URL);
    expect(viaSession.kind === 'meeting' && viaSession.contentHash).toBe(record.contentHash);
  });
});
