import { hostOf } from '../council';
import { parseDate } from '../dates';
import type { AttachmentRecord, CommitteeListRecord, MeetingListRecord } from '../schema';
import { absoluteHttpUrl, canonicalUrl, encodeQueryValue } from '../url';
import { childFlag, childText, children, siteBase } from './xml';

/** `GetMeetings` (`<getmeetings>`): a committee's meetings, with links to their pages. */
export function extractWebServiceMeetings(doc: Document, href: string): MeetingListRecord {
  const url = new URL(href);
  const root = doc.documentElement as Element;
  const base = siteBase(url);
  const committees = children(root, 'committee');
  const first = committees[0];
  const meetings = committees.flatMap((committee) => {
    const committeeId = childText(committee, 'committeeid');
    return children(committee, 'committeemeetings').flatMap((list) =>
      children(list, 'meeting').map((meeting) => {
        const meetingId = childText(meeting, 'meetingid');
        const date = childText(meeting, 'meetingdate') ?? '';
        const status = childText(meeting, 'meetingstatus');
        const query = `CId=${encodeQueryValue(committeeId ?? '')}&MId=${encodeQueryValue(meetingId ?? '')}`;
        return {
          meetingId,
          committeeId,
          label: [date, childText(meeting, 'meetingtime')].filter(Boolean).join(' '),
          date: parseDate(date),
          status: status && /cancel|postpon|moved/i.test(status) ? status.toLowerCase() : null,
          url: new URL(`ieListDocuments.aspx?${query}`, base).href,
        };
      }),
    );
  });
  return {
    kind: 'meeting-list',
    council: { host: hostOf(url), name: null },
    url: canonicalUrl(url.href),
    committee: committees.length === 1 && first ? { id: childText(first, 'committeeid'), name: childText(first, 'committeetitle') } : null,
    meetings,
    warnings: meetings.length ? [] : ['The web service listed no meetings.'],
  };
}

/** `GetCommittees` (`<committees>`): every committee with its deleted/expired flags. */
export function extractWebServiceCommittees(doc: Document, href: string): CommitteeListRecord {
  const url = new URL(href);
  const root = doc.documentElement as Element;
  const committees = children(root, 'committee').flatMap((el) => {
    const id = childText(el, 'committeeid');
    const name = childText(el, 'committeetitle');
    if (!id || !name) return [];
    return [{ id, name, deleted: childFlag(el, 'committeedeleted'), expired: childFlag(el, 'committeeexpired'), category: childText(el, 'committeecategory') }];
  });
  return {
    kind: 'committee-list',
    council: { host: hostOf(url), name: null },
    url: canonicalUrl(url.href),
    committees,
    warnings: committees.length ? [] : ['The web service listed no committees.'],
  };
}

/** `GetAttachment` (`<attachment>`): one document's title, link and dates. */
export function extractWebServiceAttachment(doc: Document, href: string): AttachmentRecord {
  const url = new URL(href);
  const root = doc.documentElement as Element;
  const details = children(root, 'attachmentdetails')[0] ?? root;
  const restricted = childFlag(details, 'isrestricted');
  const title = childText(details, 'title') ?? '';
  const link = restricted ? null : absoluteHttpUrl(childText(details, 'url'), siteBase(url).href);
  return {
    kind: 'attachment',
    council: { host: hostOf(url), name: null },
    url: canonicalUrl(url.href),
    id: childText(details, 'attachmentid'),
    document: restricted ? { title, url: null, restricted } : { title, url: link },
    itemTitle: childText(details, 'ownertitle'),
    committeeName: childText(details, 'committeetitle'),
    meetingDate: parseDate(childText(details, 'meetingdate') ?? ''),
    publicationDate: parseDate(childText(details, 'publicationdate') ?? ''),
    warnings: title ? [] : ['The attachment has no title.'],
  };
}
