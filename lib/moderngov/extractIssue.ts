import { extractCouncil } from './council';
import { modgovRoot } from './extractMeeting';
import { meetingLinks } from './meetingRef';
import type { IssueRecord } from './schema';
import { inlineText } from './text';
import { canonicalUrl, queryParam } from './url';

/** An issue's history (`mgIssueHistoryHome.aspx`): its labelled details and the meetings it went to. */
export function extractIssue(doc: Document, href: string): IssueRecord {
  const url = new URL(href);
  const root = modgovRoot(doc);
  const details: Record<string, string> = {};
  for (const span of Array.from(root.querySelectorAll('.mgLabel'))) {
    const label = inlineText(span).replace(/\s*:\s*$/, '');
    const holder = span.parentElement;
    if (!label || !holder || details[label] !== undefined) continue;
    const value = inlineText(holder).slice(inlineText(span).length).trim();
    if (value) details[label] = value;
  }
  const subtitle = root.querySelector('.mgSubTitleTxt');
  const meetings = meetingLinks(root, url.href);
  return {
    kind: 'issue',
    council: extractCouncil(doc, url),
    url: canonicalUrl(url.href),
    issueId: queryParam(url, 'IId'),
    title: subtitle ? inlineText(subtitle) : null,
    details,
    meetings,
    warnings: meetings.length ? [] : ['The issue lists no meetings.'],
  };
}
