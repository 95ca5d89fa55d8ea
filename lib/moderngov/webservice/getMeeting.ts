import { hostOf } from '../council';
import { buildItem } from '../buildItem';
import { parseDate } from '../dates';
import { meetingHash } from '../extractMeeting';
import type { Attendee, DocumentLink, Item, MeetingRecord } from '../schema';
import { absoluteHttpUrl, canonicalUrl, encodeQueryValue } from '../url';
import { childFlag, childText, children, htmlParagraphs, siteBase } from './xml';

function linkedDocuments(item: Element, base: string): DocumentLink[] {
  const out: DocumentLink[] = [];
  for (const list of children(item, 'linkeddocuments')) {
    for (const doc of children(list, 'linkeddoc')) {
      const title = childText(doc, 'title') ?? '';
      const restricted = childFlag(doc, 'isrestricted');
      const url = restricted ? null : absoluteHttpUrl(childText(doc, 'url'), base);
      if (title) out.push(restricted ? { title, url, restricted } : { title, url });
    }
  }
  return out;
}

function agendaItem(doc: Document, el: Element, base: string): Item {
  const printed = childText(el, 'fulldisplaynumberformat');
  return buildItem({
    // A number printed as "." alone is no number (as on the meeting page).
    number: printed ? printed.replace(/\.$/, '') || null : null,
    id: childText(el, 'agendaitemid'),
    title: childText(el, 'agendaitemtitle') ?? '',
    documents: linkedDocuments(el, base),
    agenda: htmlParagraphs(doc, childText(el, 'agendatext')),
    minutes: htmlParagraphs(doc, childText(el, 'minutesnonemptyhtmlbody')),
    decision: htmlParagraphs(doc, childText(el, 'decisionnonemptyhtmlbody')),
    minutesTruncated: false,
    fullMinutesUrl: null,
    agendaTruncated: false,
    fullAgendaUrl: null,
  });
}

function attendee(el: Element, base: string): Attendee {
  return {
    name: el.getAttribute('name') ?? '',
    role: el.getAttribute('roledescription') || null,
    attendance: el.getAttribute('attendance') || null,
    url: absoluteHttpUrl(childText(el, 'url'), base),
  };
}

/** `GetMeeting` (`<meeting>`): the same meeting record the meeting page gives, items with
 * the numbers people read (`fulldisplaynumberformat`). */
export function extractWebServiceMeeting(doc: Document, href: string): MeetingRecord {
  const url = new URL(href);
  const root = doc.documentElement as Element;
  const base = siteBase(url);
  const id = childText(root, 'meetingid');
  const pageUrl = new URL(`ieListDocuments.aspx?MId=${encodeQueryValue(id ?? '')}`, base).href;
  const items = children(root, 'agendaitems').flatMap((list) => children(list, 'agendaitem')).map((el) => agendaItem(doc, el, pageUrl));
  const attendance = children(root, 'attendees').flatMap((list) => children(list, 'attendee')).map((el) => attendee(el, pageUrl));
  const firstItem = children(root, 'agendaitems').flatMap((list) => children(list, 'agendaitem'))[0];
  const committeeName = childText(root, 'committeetitle') ?? (firstItem ? childText(firstItem, 'refertocommittee') : null);
  const status = childText(root, 'meetingstatus');
  const warnings: string[] = [];
  if (!childText(root, 'meetingdate')) warnings.push('The web service gave no meeting date.');
  if (!childFlag(root, 'minutepublished')) warnings.push('The minutes of this meeting are not published yet.');
  const body = {
    kind: 'meeting' as const,
    council: { host: hostOf(url), name: null },
    committee: { id: childText(root, 'committeeid'), name: committeeName },
    meeting: {
      id,
      // The heading the meeting page would show for what is published.
      title: childFlag(root, 'minutepublished')
        ? childFlag(root, 'decisionpublished') ? 'Agenda, decisions and minutes' : 'Agenda and minutes'
        : 'Agenda',
      date: parseDate(childText(root, 'meetingdate') ?? ''),
      time: childText(root, 'meetingtime'),
      venue: childText(root, 'meetinglocation'),
      contact: null,
      status: status && /cancel|postpon|moved/i.test(status) ? status.toLowerCase() : null,
      url: canonicalUrl(pageUrl),
      documents: [],
    },
    items,
    apologies: null,
    declarations: null,
    attendance,
    warnings,
  };
  return { ...body, contentHash: meetingHash(body) };
}
