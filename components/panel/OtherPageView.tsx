import type { ComponentChildren } from 'preact';
import { itemKey, itemRefOf } from '@/lib/library/identity';
import { meetingOfItemPage } from '@/lib/library/itemPage';
import type { SavedState } from '@/lib/library/queries';
import type { PageRecord } from '@/lib/moderngov/schema';
import { safeHref } from './DocumentLinks';
import { ItemCard, type ItemActions } from './ItemCard';

interface Props {
  record: Exclude<PageRecord, { kind: 'meeting' }>;
  collect?: ComponentChildren;
  /** What the library holds of an agenda-item or decision page's item, and saving it. */
  saved?: SavedState | null;
  actions?: ItemActions | null;
}

/** Pages other than a meeting: an agenda-item or decision page's item is saved as it is (its meeting page, saved too, is the same item); the rest are shown for reading. */
export function OtherPageView({ record, collect, saved = null, actions = null }: Props) {
  switch (record.kind) {
    case 'item':
    case 'decision': {
      const asMeeting = meetingOfItemPage(record);
      const ref = itemRefOf(asMeeting, asMeeting.items[0] ?? record.item, 0);
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
              .
            </p>
          )}
          <ItemCard item={record.item} itemRef={ref} saved={saved?.items.get(itemKey(ref))} savedClauses={saved?.clauses ?? new Map()} actions={actions} />
        </section>
      );
    }
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
