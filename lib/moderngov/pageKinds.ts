import type { PageKind } from './schema';

/**
 * ModernGov's page names, the kind of page each is, and example addresses. The one list: page
 * detection (`pageKindOf`), the content script's match patterns (`matchPatterns.ts`) and their
 * tests are all made from it. Examples on a council's own host were seen on live sites or in
 * `../shared/fixtures`; those on democracy.example.gov.uk show the address shape documented in
 * `../shared/docs/moderngov.md` where no live address was recorded.
 */
export const MODERNGOV_PAGES = [
  {
    name: 'ieListDocuments.aspx',
    kind: 'meeting',
    examples: [
      'https://www.southampton.gov.uk/modernGov/ieListDocuments.aspx?CId=600&MId=7105&Ver=4',
      'https://democracy.cityoflondon.gov.uk/modernGov/(S(30n4owbuda0mqe55vsynzn55))/ieListDocuments.aspx?CId=174&MID=14000&Ver=4',
      'https://worcestershire.moderngov.co.uk/ieListDocuments.aspx?CId=147&MId=2453&Ver=4',
      'https://democratiaeth.ynysmon.llyw.cymru/ieListDocuments.aspx?CId=128&MId=1234&Ver=4&LLL=1',
      'http://democracy.carmarthenshire.gov.wales/ieListDocuments.aspx?CId=193&MId=1534&Ver=4',
      'https://cyfarfodyddpwyllgor.siryfflint.gov.uk/ieListDocuments.aspx?CId=143&MeetingId=3878&LLL=1',
      'https://example.gov.uk/mgov/ielistdocuments.aspx?cid=1&mid=2',
    ],
  },
  {
    // The 2005–2007 version of the meeting page.
    name: 'CeListDocuments.aspx',
    kind: 'meeting',
    examples: ['https://democratiaeth.ynysmon.gov.uk/CeListDocuments.aspx?CommitteeId=127&DF=20%2F09%2F2005&LLL=1&MeetingId=113&Ver=2'],
  },
  {
    name: 'mgAi.aspx',
    kind: 'item',
    examples: ['https://worcestershire.moderngov.co.uk/mgAi.aspx?ID=9876', 'https://democracy.durham.gov.uk/mgAi.aspx?ID=31264', 'https://democratiaeth.newport.gov.uk/mgAi.aspx?ID=10144&LLL=1'],
  },
  { name: 'ieDecisionDetails.aspx', kind: 'decision', examples: ['https://democracy.kirklees.gov.uk/ieDecisionDetails.aspx?ID=13149'] },
  { name: 'mgIssueHistoryHome.aspx', kind: 'issue', examples: ['https://www.southampton.gov.uk/modernGov/mgIssueHistoryHome.aspx?IId=21466&Opt=0'] },
  { name: 'mgDecisionDetails.aspx', kind: 'issue', examples: ['https://democracy.example.gov.uk/mgDecisionDetails.aspx?IId=21466&Opt=1'] },
  {
    name: 'ieIssueDetails.aspx',
    kind: 'issue',
    examples: ['http://councillors.herefordshire.gov.uk/ieIssueDetails.aspx?IId=26171&Opt=3', 'https://democracy.huntingdonshire.gov.uk/moderngov/ieIssueDetails.aspx?IId=41251&Opt=3'],
  },
  { name: 'mgMeetingAttendance.aspx', kind: 'attendance', examples: ['https://www.southampton.gov.uk/modernGov/mgMeetingAttendance.aspx?ID=7105'] },
  { name: 'mgCommitteeDetails.aspx', kind: 'meeting-list', examples: ['https://democracy.example.gov.uk/mgCommitteeDetails.aspx?ID=136'] },
  { name: 'ieListMeetings.aspx', kind: 'meeting-list', examples: ['https://www.southampton.gov.uk/modernGov/ieListMeetings.aspx?CId=600&Year=0'] },
  { name: 'mgCalendarMonthView.aspx', kind: 'meeting-list', examples: ['https://democracy.example.gov.uk/mgCalendarMonthView.aspx?GL=1&bcr=1'] },
  { name: 'mgCalendarWeekView.aspx', kind: 'meeting-list', examples: ['https://democracy.example.gov.uk/mgCalendarWeekView.aspx?DD=2025&WN=47'] },
  { name: 'mgDelegatedDecisions.aspx', kind: 'decision-list', examples: ['https://democracy.example.gov.uk/mgDelegatedDecisions.aspx?DR=01%2F01%2F2024-31%2F01%2F2024'] },
  { name: 'mgListOfficerDecisions.aspx', kind: 'decision-list', examples: ['https://democracy.kirklees.gov.uk/mgListOfficerDecisions.aspx?RP=0&K=0&V=0&DM=0&HD=0&DS=2&Next=true&META=mgofficerdecisions'] },
  { name: 'mgListDecisions.aspx', kind: 'decision-list', examples: ['https://democracy.example.gov.uk/mgListDecisions.aspx?bcr=1'] },
] as const satisfies readonly { name: string; kind: PageKind; examples: readonly string[] }[];

/** Every spelling of a page name a content-script pattern must list: as ModernGov writes it, and in lower case. */
export function spellingsOf(name: string): string[] {
  return [...new Set([name, name.toLowerCase()])];
}

const KIND_BY_NAME = new Map<string, PageKind>(MODERNGOV_PAGES.map((page) => [page.name.toLowerCase(), page.kind]));

/** The kind of a ModernGov page file name (any case), or undefined when it is not one read here. */
export function pageKindOf(fileName: string): PageKind | undefined {
  return KIND_BY_NAME.get(fileName.toLowerCase());
}
