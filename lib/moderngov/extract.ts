import { detectPage } from './detect';
import { extractAttendance } from './extractAttendance';
import { extractDecision } from './extractDecision';
import { extractDecisionList } from './extractDecisionList';
import { extractIssue } from './extractIssue';
import { extractItemPage } from './extractItemPage';
import { extractMeeting, meetingSteps } from './extractMeeting';
import { extractMeetingList } from './extractMeetingList';
import type { Extraction, PageKind, PageRecord } from './schema';
import { runInSlices, runToEnd, type SliceOptions, type Steps } from './steps';

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
  return runToEnd(extractionSteps(doc, href, webService));
}

/** `extractPage` in slices that give the page's main thread back between them (the content
 * script): the same record, read a meeting's items a few at a time. */
export function extractPageInSlices(doc: Document, href: string, slices: SliceOptions): Promise<Extraction> {
  return runInSlices(extractionSteps(doc, href), slices);
}

/** Meeting pages grow with their items and are read in steps; every other page is small and read in one. */
function* extractionSteps(doc: Document, href: string, webService: Partial<Record<PageKind, Extractor>> = {}): Steps<Extraction> {
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
    yield;
    if (detection.kind === 'meeting' && detection.via !== 'web-service') return yield* meetingSteps(doc, url.href);
    return extractor(doc, url.href);
  } catch (error) {
    return { kind: null, reason: `The page looks like ModernGov but could not be read: ${error instanceof Error ? error.message : String(error)}` };
  }
}
