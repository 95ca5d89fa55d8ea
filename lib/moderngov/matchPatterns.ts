/** Content-script match patterns: ModernGov's page names under any base path, on any host.
 * Chrome matches paths case-sensitively, so the lower-case spellings seen on live sites are listed too. */
const PAGE_NAMES = [
  'ieListDocuments.aspx', 'ielistdocuments.aspx', 'CeListDocuments.aspx',
  'mgAi.aspx', 'mgai.aspx',
  'ieDecisionDetails.aspx', 'iedecisiondetails.aspx',
  'mgIssueHistoryHome.aspx', 'mgDecisionDetails.aspx', 'ieIssueDetails.aspx',
  'mgMeetingAttendance.aspx',
  'mgCommitteeDetails.aspx', 'ieListMeetings.aspx', 'ielistmeetings.aspx',
  'mgCalendarMonthView.aspx', 'mgCalendarWeekView.aspx',
  'mgDelegatedDecisions.aspx', 'mgListOfficerDecisions.aspx',
];

export const MODERNGOV_MATCHES = PAGE_NAMES.map((name) => `*://*/*${name}*`);
