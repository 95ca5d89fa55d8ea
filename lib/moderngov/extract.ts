import { detectPage } from './detect';
import { extractAttendance } from './extractAttendance';
import { extractDecision } from './extractDecision';
import { extractDecisionList } from './extractDecisionList';
import { extractIssue } from './extractIssue';
import { extractItemPage } from './extractItemPage';
import { extractMeeting } from './extractMeeting';
import { extractMeetingList } from './extractMeetingList';
import type { Extraction, PageKind, PageRecord } from './schema';

export type Extractor = (doc: Document, href: string) => PageRecord;

/** Web-service responses are read by the CLI and tests (`extractDocument`); the content script,
 * which only ever meets pages, leaves their extractors out of its bundle. */
const PAGE_EXTRACTORS: Partial<Record<PageKind, Extractor>> = {
  meeting: extractMeeting,
  item: extractItemPage,
  decision: extractDecision,
  issue: extractIssue,
  attendance: extractAttendance,
  'meeting-list': extractMeetingList,
  'decision-list': extractDecisionList,
};

/**
 * Detects and extracts a ModernGov page (and, given their extractors, web-service responses).
 * Never throws: a page that is not ModernGov, or that the parser cannot read, comes back as
 * `{ kind: null, reason }`.
 */
export function extractPage(doc: Document, href: string, webService: Partial<Record<PageKind, Extractor>> = {}): Extraction {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return { kind: null, reason: `"${href}" is not a web address, so the page cannot be placed on a council's site.` };
  }
  try {
    const detection = detectPage(doc, url.href);
    if (detection.kind === null) return detection;
    const extractor = detection.via === 'web-service' ? webService[detection.kind] : PAGE_EXTRACTORS[detection.kind];
    if (!extractor) return { kind: null, reason: `A ModernGov ${detection.kind} ${detection.via === 'web-service' ? 'web-service response' : 'page'} is not read here.` };
    return extractor(doc, url.href);
  } catch (error) {
    return { kind: null, reason: `The page looks like ModernGov but could not be read: ${error instanceof Error ? error.message : String(error)}` };
  }
}
