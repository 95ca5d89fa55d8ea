import { extractPage } from './extract';
import type { Extraction } from './schema';
import { extractWebServiceMeeting } from './webservice/getMeeting';
import { extractWebServiceAttachment, extractWebServiceCommittees, extractWebServiceMeetings } from './webservice/lists';
import { extractWebServiceDescription } from './webservice/wsdl';

const WEB_SERVICE_EXTRACTORS = {
  meeting: extractWebServiceMeeting,
  'meeting-list': extractWebServiceMeetings,
  'committee-list': extractWebServiceCommittees,
  attachment: extractWebServiceAttachment,
  'web-service': extractWebServiceDescription,
};

/** Any ModernGov page or `mgWebService.asmx` response: what the CLI and tests read. */
export function extractDocument(doc: Document, href: string): Extraction {
  return extractPage(doc, href, WEB_SERVICE_EXTRACTORS);
}
