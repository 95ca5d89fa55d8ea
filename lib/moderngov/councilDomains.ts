/**
 * The domains the content script is declared on, so a council's ModernGov page is read with no
 * grant. Derived from evidence (each with an address where ModernGov pages were seen: live pages
 * found in public web text, `../shared/fixtures`, `../shared/docs/moderngov.md`).
 *
 * Whole domains where a pattern on them stays narrow: gov.wales, llyw.cymru, gov.scot and Civica's
 * moderngov.co.uk. gov.uk, org.uk, police.uk and .ie are public suffixes: Chrome counts a pattern
 * on all of their sites (`*.gov.uk`) as access to all websites and warns "Read and change all your
 * data on all websites" at install (checked with `management.getPermissionWarningsByManifest`), so
 * councils on gov.uk are listed by their own domain. Any other council is read after a toolbar
 * click (activeTab) or after its site is allowed from the panel.
 */
export const COUNCIL_DOMAINS = [
  { domain: 'moderngov.co.uk', seen: 'https://worcestershire.moderngov.co.uk/ieListDocuments.aspx?CId=147&MId=2453&Ver=4' },
  { domain: 'gov.wales', seen: 'http://democracy.carmarthenshire.gov.wales/ieListDocuments.aspx?CId=193&MId=1534&Ver=4' },
  { domain: 'llyw.cymru', seen: 'https://democratiaeth.ynysmon.llyw.cymru/ieListDocuments.aspx?CId=128&MId=1234&Ver=4&LLL=1' },
  // Scotland's government domain; no council's ModernGov page on it has been recorded yet (moderngov.md: "some Scottish" councils).
  { domain: 'gov.scot', seen: null },
  { domain: 'southampton.gov.uk', seen: 'https://democracy.southampton.gov.uk/ieListDocuments.aspx?CId=600&MId=7105&Ver=4' },
  { domain: 'manchester.gov.uk', seen: 'https://democracy.manchester.gov.uk/mgUserInfo.aspx?UID=192' },
  { domain: 'gloucester.gov.uk', seen: 'https://democracy.gloucester.gov.uk/ieListDocuments.aspx?CId=129&MId=7600&Ver=4' },
  { domain: 'kirklees.gov.uk', seen: 'https://democracy.kirklees.gov.uk/ieDecisionDetails.aspx?ID=13149' },
  { domain: 'cityoflondon.gov.uk', seen: 'https://democracy.cityoflondon.gov.uk/modernGov/ieListDocuments.aspx?CId=174&MID=14000&Ver=4' },
  { domain: 'surreycc.gov.uk', seen: 'https://mycouncil.surreycc.gov.uk/ieListDocuments.aspx?CId=120&MId=7970&Ver=4' },
  { domain: 'siryfflint.gov.uk', seen: 'https://cyfarfodyddpwyllgor.siryfflint.gov.uk/ieListDocuments.aspx?CId=143&MeetingId=3878&LLL=1' },
  { domain: 'ynysmon.gov.uk', seen: 'https://democratiaeth.ynysmon.gov.uk/CeListDocuments.aspx?CommitteeId=127&MeetingId=113&Ver=2' },
  { domain: 'newport.gov.uk', seen: 'https://democratiaeth.newport.gov.uk/mgAi.aspx?ID=10144&LLL=1' },
  { domain: 'durham.gov.uk', seen: 'https://democracy.durham.gov.uk/mgAi.aspx?ID=31264' },
  { domain: 'oxfordshire.gov.uk', seen: 'https://mycouncil.oxfordshire.gov.uk/mgAi.aspx?ID=26854' },
  { domain: 'herefordshire.gov.uk', seen: 'http://councillors.herefordshire.gov.uk/ieIssueDetails.aspx?IId=26171&Opt=3' },
  { domain: 'huntingdonshire.gov.uk', seen: 'https://democracy.huntingdonshire.gov.uk/moderngov/ieIssueDetails.aspx?IId=41251&Opt=3' },
  { domain: 'wiltshire.gov.uk', seen: 'https://cms.wiltshire.gov.uk/ieIssueDetails.aspx?IId=27961&Opt=3&PlanId=0' },
  { domain: 'gravesham.gov.uk', seen: 'https://democracy.gravesham.gov.uk/ieDocHome.aspx?bcr=1' },
  { domain: 'southwark.gov.uk', seen: 'http://moderngov.southwark.gov.uk/uuCoverPage.aspx?bcr=1' },
  { domain: 'westberks.gov.uk', seen: 'https://decisionmaking.westberks.gov.uk' },
  { domain: 'cityofworcester.gov.uk', seen: 'http://committee.cityofworcester.gov.uk/uuCoverPage.aspx?bcr=1' },
] as const;
