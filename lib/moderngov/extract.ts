import { detectPage } from './detect';
import { extractAttendance } from './extractAttendance';
import { extractDecision } from './extractDecision';
import { extractDecisionList } from './extractDecisionList';
import { extractIssue } from './extractIssue';
import { extractItemPage } from './extractItemPage';
import { extractMeeting } from './extractMeeting';
import { extractMeetingList } from './extractMeetingList';
import type { Extraction, PageKind, PageRecord } from './schema';
import { extractWebServiceMeeting } from './webservice/getMeeting';
import { extractWebServiceAttachment, extractWebServiceCommittees, extractWebServiceMeetings } from './webservice/lists';
import { extractWebServiceDescription } from './webservice/wsdl';

type Extractor = (doc: Document, href: string) => PageRecord;

const PAGE_EXTRACTORS: Record<PageKind, Extractor> = {
  meeting: extractMeeting,
  item: extractItemPage,
  decision: extractDecision,
  issue: extractIssue,
  attendance: extractAttendance,
  'meeting-list': extractMeetingList,
  'decision-list': extractDecisionList,
  'committee-list': extractWebServiceCommittees,
  attachment: extractWebServiceAttachment,
  'web-service': extractWebServiceDescription,
};

const WEB_SERVICE_EXTRACTORS: Partial<Record<PageKind, Extractor>> = {
  meeting: extractWebServiceMeeting,
  'meeting-list': extractWebServiceMeetings,
};

/**
 * Detects and extracts any ModernGov page or web-service response. Never throws: a page that
 * is not ModernGov, or that the parser cannot read, comes back as `{ kind: null, reason }`.
 */
export function extractPage(doc: Document, href: string): Extraction {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return { kind: null, reason: `"${href}" is not a web address, so the page cannot be placed on a council's site.` };
  }
  try {
    const detection = detectPage(doc, url.href);
    if (detection.kind === null) return detection;
    const extractor =
      (detection.via === 'web-service' ? WEB_SERVICE_EXTRACTORS[detection.kind] : undefined) ?? PAGE_EXTRACTORS[detection.kind];
    return extractor(doc, url.href);
  } catch (error) {
    return { kind: null, reason: `The page looks like ModernGov but could not be read: ${error instanceof Error ? error.message : String(error)}` };
  }
}
