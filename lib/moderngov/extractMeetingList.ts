import { extractCouncil } from './council';
import { modgovRoot } from './extractMeeting';
import { meetingLinks } from './meetingRef';
import type { MeetingListRecord } from './schema';
import { inlineText } from './text';
import { canonicalUrl, parseModernGovUrl, queryParam } from './url';

/** A committee's meeting list (`ieListMeetings.aspx`, `mgCommitteeDetails.aspx`) or a calendar. */
export function extractMeetingList(doc: Document, href: string): MeetingListRecord {
  const url = new URL(href);
  const root = modgovRoot(doc);
  const page = parseModernGovUrl(url.href)?.page;
  const intro = Array.from(root.querySelectorAll('p'))
    .map((p) => /This page lists the meetings for (.+?)\.?$/i.exec(inlineText(p))?.[1])
    .find(Boolean);
  const subtitle = root.querySelector('.mgSubTitleTxt');
  const isCalendar = page?.startsWith('mgcalendar') ?? false;
  const id = page === 'mgcommitteedetails.aspx' ? queryParam(url, 'ID') : queryParam(url, 'CId');
  const name = intro ?? (subtitle && !isCalendar ? inlineText(subtitle) : null);
  const meetings = meetingLinks(root, url.href);
  return {
    kind: 'meeting-list',
    council: extractCouncil(doc, url),
    url: canonicalUrl(url.href),
    committee: isCalendar && !id ? null : { id, name },
    meetings,
    warnings: meetings.length ? [] : ['The page links to no meetings.'],
  };
}
