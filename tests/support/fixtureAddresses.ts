/** Where each fixture page was served from: extraction needs the address as well as the markup. */

/** The shared fixtures come without their address; these are the ones their README and content
 * give (the decision fragments are `ieDecisionDetails.aspx` pages on their council's host). */
export const SHARED_FIXTURE_URLS: Record<string, string> = {
  'fragments/unknown-council-decision-details-1.html': 'https://democracy.council.example/ieDecisionDetails.aspx?ID=3190',
  'fragments/unknown-council-decision-details-2.html': 'https://democracy.council.example/ieDecisionDetails.aspx?ID=9922',
  'fragments/kirklees-decision-details-3.html': 'https://democracy.kirklees.gov.uk/ieDecisionDetails.aspx?ID=13000',
  'fragments/kirklees-officer-decisions-list-1.html':
    'https://democracy.kirklees.gov.uk/mgListOfficerDecisions.aspx?RP=0&K=0&V=0&DM=0&HD=0&DS=2&Next=true&META=mgofficerdecisions',
  'webservice/manchester-getmeeting-1.xml': 'https://democracy.manchester.gov.uk/mgWebService.asmx/GetMeeting?lMeetingId=4967',
  'webservice/gloucester-city-getmeetings-1.xml':
    'https://democracy.gloucester.gov.uk/mgWebService.asmx/GetMeetings?lCommitteeId=129&sFromDate=01/01/2024&sToDate=31/12/2025',
  'webservice/gloucester-city-getcommittees-1.xml': 'https://democracy.gloucester.gov.uk/mgWebService.asmx/GetCommittees',
  'webservice/gloucester-city-getattachment-1.xml': 'https://democracy.gloucester.gov.uk/mgWebService.asmx/GetAttachment?lAttachmentId=65461',
  'webservice/west-berkshire-wsdl-1.xml': 'https://decisionmaking.westberks.gov.uk/mgWebService.asmx?WSDL',
};

/** The address a page names in its head: own fixtures in their first comment
 * (`<!-- fixture: URL=https://…; …`), pages saved by a browser in "saved from url=". */
export function statedUrl(text: string): string | null {
  const head = text.slice(0, 4096);
  return /URL=(https?:\/\/[^\s;]+)/.exec(head)?.[1] ?? /saved from url=\(\d+\)(\S+?)\s*-->/i.exec(head)?.[1] ?? null;
}
