import { parseDate } from './dates';
import { pageKindOf } from './pageKinds';
import type { MeetingLink, MeetingRef } from './schema';
import { inlineText } from './text';
import { absoluteHttpUrl, parseModernGovUrl, queryParam } from './url';

/** A link to a meeting page ("22/05/2015 - Children and Families Panel") as a meeting reference. */
export function meetingRefFromLink(anchor: Element, base: string): MeetingRef | null {
  const url = absoluteHttpUrl(anchor.getAttribute('href'), base);
  const parsed = url ? parseModernGovUrl(url) : null;
  if (!parsed?.page || pageKindOf(parsed.page) !== 'meeting') return null;
  const text = inlineText(anchor);
  const name = /^\s*\d{1,2}\/\d{1,2}\/\d{4}\s*-\s*(.+)$/.exec(text)?.[1]?.trim() ?? null;
  return {
    meetingId: queryParam(parsed.url, 'MId', 'MeetingId'),
    committeeId: queryParam(parsed.url, 'CId', 'CommitteeId'),
    committeeName: name,
    date: parseDate(text),
    url,
  };
}

/** Every link to a meeting page under `root`, once each, in page order. */
export function meetingLinks(root: ParentNode, base: string): MeetingLink[] {
  const out: MeetingLink[] = [];
  for (const anchor of Array.from(root.querySelectorAll('a[href]'))) {
    const ref = meetingRefFromLink(anchor, base);
    if (!ref?.url || out.some((m) => m.url === ref.url)) continue;
    const label = inlineText(anchor);
    const context = `${label} ${anchor.closest('li, tr')?.textContent ?? ''}`;
    const status = /\b(CANCELLED|POSTPONED|MOVED)\b/i.exec(context)?.[1]?.toLowerCase() ?? null;
    out.push({ meetingId: ref.meetingId, committeeId: ref.committeeId, label, date: ref.date, status, url: ref.url });
  }
  return out;
}
