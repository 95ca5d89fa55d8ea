import type { ComponentChildren } from 'preact';
import type { PageRecord } from '@/lib/moderngov/schema';
import { safeHref } from './DocumentLinks';
import { ItemCard } from './ItemCard';

/** Pages other than a meeting: shown for reading; saving works from the meeting page. */
export function OtherPageView({ record, collect }: { record: Exclude<PageRecord, { kind: 'meeting' }>; collect?: ComponentChildren }) {
  switch (record.kind) {
    case 'item':
    case 'decision':
      return (
        <section aria-label={record.kind === 'item' ? 'Agenda item' : 'Decision'}>
          {record.meetingRef && (
            <p>
              Taken at{' '}
              {safeHref(record.meetingRef.url) ? (
                <a href={safeHref(record.meetingRef.url)} target="_blank" rel="noopener noreferrer">
                  {record.meetingRef.committeeName ?? 'the meeting'} {record.meetingRef.date ?? ''}
                </a>
              ) : (
                'a meeting'
              )}
              . Open the meeting page to save it.
            </p>
          )}
          <ItemCard item={record.item} itemRef={{ host: record.council.host, meetingId: '', itemKey: 'page' }} saved={undefined} savedClauses={new Map()} actions={null} />
        </section>
      );
    case 'meeting-list':
    case 'issue':
      return (
        <section aria-label="Meetings">
          {record.kind === 'meeting-list' && collect}
          <h2>{record.kind === 'issue' ? (record.title ?? 'Issue') : (record.committee?.name ?? 'Meetings')}</h2>
          <ul>
            {record.meetings.map((m) => (
              <li key={m.url}>
                <a href={safeHref(m.url)} target="_blank" rel="noopener noreferrer">
                  {m.label}
                </a>
                {m.status ? ` (${m.status})` : ''}
              </li>
            ))}
          </ul>
        </section>
      );
    case 'decision-list':
      return (
        <section aria-label="Decisions">
          <h2>{record.title ?? 'Decisions'}</h2>
          <ul>
            {record.decisions.map((d) => (
              <li key={d.url}>
                <a href={safeHref(d.url)} target="_blank" rel="noopener noreferrer">
                  {d.title}
                </a>
                {d.date ? ` — ${d.date}` : ''}
              </li>
            ))}
          </ul>
        </section>
      );
    case 'attendance':
      return (
        <section aria-label="Attendance">
          <h2>{record.title ?? 'Attendance'}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">Member</th>
                <th scope="col">Role</th>
                <th scope="col">Attendance</th>
              </tr>
            </thead>
            <tbody>
              {record.attendees.map((a) => (
                <tr key={a.name}>
                  <td>{a.name}</td>
                  <td>{a.role ?? ''}</td>
                  <td>{a.attendance ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      );
    default:
      return <p>This is ModernGov's {record.kind} data.</p>;
  }
}
