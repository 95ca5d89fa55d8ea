import { extractCouncil } from './council';
import { cellsOf } from './extractItems';
import { modgovRoot } from './extractMeeting';
import type { AttendanceRecord, Attendee } from './schema';
import { inlineText } from './text';
import { absoluteHttpUrl, canonicalUrl, queryParam } from './url';

/** Reads a members table: member name (linked to `mgUserInfo.aspx`), role, attendance. */
export function readAttendees(table: Element, base: string): Attendee[] {
  const headers = Array.from(table.querySelectorAll('th')).map((th) => inlineText(th).toLowerCase());
  const column = (pattern: RegExp, fallback: number) => {
    const i = headers.findIndex((h) => pattern.test(h));
    return i >= 0 ? i : fallback;
  };
  const roleAt = column(/^(role|swydd|rôl)/, 1);
  const attendanceAt = column(/^(attendance|presence|present|presennoldeb)/, 2);
  const out: Attendee[] = [];
  for (const row of Array.from(table.querySelectorAll('tr'))) {
    const cells = cellsOf(row);
    if (cells.length === 0) continue;
    const link = row.querySelector('a[href]');
    const name = inlineText(link ?? cells[0] ?? row);
    if (!name) continue;
    const cellText = (i: number) => (cells[i] ? inlineText(cells[i] as Element) || null : null);
    out.push({
      name,
      role: cellText(roleAt),
      attendance: cellText(attendanceAt),
      url: link ? absoluteHttpUrl(link.getAttribute('href'), base) : null,
    });
  }
  return out;
}

/** The attendance page (`mgMeetingAttendance.aspx?ID=<MId>`). */
export function extractAttendance(doc: Document, href: string): AttendanceRecord {
  const url = new URL(href);
  const root = modgovRoot(doc);
  const table = root.querySelector('table[summary*="attendance" i]') ?? root.querySelector('table.mgTabTable, table');
  const subtitle = root.querySelector('.mgSubTitleTxt');
  const attendees = table ? readAttendees(table, url.href) : [];
  return {
    kind: 'attendance',
    council: extractCouncil(doc, url),
    url: canonicalUrl(url.href),
    meetingId: queryParam(url, 'ID'),
    title: subtitle ? inlineText(subtitle) : null,
    attendees,
    warnings: attendees.length ? [] : ['No attendance table was found on the page.'],
  };
}
