import { buildItem } from './buildItem';
import { extractCouncil } from './council';
import { contentHash } from './contentHash';
import { parseDate } from './dates';
import { readItemContent } from './extractItems';
import { modgovRoot } from './extractMeeting';
import { labelReader } from './labels';
import { meetingRefFromLink } from './meetingRef';
import type { DecisionRecord } from './schema';
import { inlineText } from './text';
import { absoluteHttpUrl, canonicalUrl, queryParam } from './url';

function yesNo(value: string | undefined): boolean | null {
  if (!value) return null;
  if (/^(yes|ydy|oes)\b/i.test(value)) return true;
  if (/^(no|nac)\b/i.test(value)) return false;
  return null;
}

/** A decision page (`ieDecisionDetails.aspx`) as an item whose clauses come from "Decision:". */
export function extractDecision(doc: Document, href: string): DecisionRecord {
  const url = new URL(href);
  const root = modgovRoot(doc);
  const content = root.querySelector('.mgContent') ?? (root as Element);
  const labelled = labelReader(root);
  const value = (label: RegExp) => labelled(label)?.value || undefined;
  const subtitle = root.querySelector('.mgSubTitleTxt');
  const parts = readItemContent(content, url.href);
  const title = subtitle ? inlineText(subtitle) : parts.title;
  const decidedAt = labelled(/^Decided at meeting\s*:?/i)?.element.querySelector('a[href]');
  const issueLink = root.querySelector('a[href*="mgIssueHistoryHome.aspx" i]');
  const warnings: string[] = [];
  if (parts.decision.length === 0) warnings.push('The page has no "Decision:" text.');
  const item = buildItem({ ...parts, title, number: null, id: queryParam(url, 'AIId') }, { decisionPage: true });
  const council = extractCouncil(doc, url);
  const record = {
    decisionMaker: value(/^Decision Maker\s*:?/i) ?? null,
    status: value(/^Decision status\s*:?/i) ?? null,
    keyDecision: yesNo(value(/^Is Key decision\?\s*:?/i)),
    subjectToCallIn: yesNo(value(/^Is subject to call in\?\s*:?/i)),
    publicationDate: parseDate(value(/^Publication date\s*:?/i) ?? ''),
    decisionDate: parseDate(value(/^Date of decision\s*:?/i) ?? ''),
    meetingRef: decidedAt ? meetingRefFromLink(decidedAt, url.href) : null,
    issueUrl: absoluteHttpUrl(issueLink?.getAttribute('href'), url.href),
  };
  return {
    kind: 'decision',
    council,
    url: canonicalUrl(url.href),
    ...record,
    item,
    warnings,
    contentHash: contentHash([council, record, item]),
  };
}
