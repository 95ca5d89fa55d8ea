import type { MeetingRecord } from '@/lib/moderngov/schema';

function formatDate(iso: string | null): string {
  if (!iso) return 'date not given';
  return new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

export function MeetingHeader({ record }: { record: MeetingRecord }) {
  const { meeting, committee, council } = record;
  return (
    <header class="meeting-header">
      <p class="council">{council.name ?? council.host}</p>
      <h2>{committee.name ?? 'Committee not named'}</h2>
      <dl>
        <dt>Date</dt>
        <dd>
          {formatDate(meeting.date)}
          {meeting.time ? `, ${meeting.time}` : ''}
          {meeting.status ? ` (${meeting.status.toUpperCase()})` : ''}
        </dd>
        {meeting.venue && (
          <>
            <dt>Venue</dt>
            <dd>{meeting.venue}</dd>
          </>
        )}
        <dt>Page</dt>
        <dd>{meeting.title || 'Meeting'}</dd>
      </dl>
    </header>
  );
}
