import { useState } from 'preact/hooks';
import { meetingsBetween, type CollectProgress } from '@/lib/collect/collectMeetings';
import type { MeetingLink } from '@/lib/moderngov/schema';

interface Props {
  meetings: MeetingLink[];
  progress: CollectProgress | null;
  running: boolean;
  start(from: string, to: string, recheckSaved: boolean): void;
  cancel(): void;
}

/** "Save all meetings from A to B" on a committee's meeting list, with progress and cancel. */
export function CollectForm({ meetings, progress, running, start, cancel }: Props) {
  const dates = meetings.map((m) => m.date).filter((d): d is string => d !== null).sort();
  const [from, setFrom] = useState(dates[0] ?? '');
  const [to, setTo] = useState(dates[dates.length - 1] ?? '');
  const [recheck, setRecheck] = useState(false);
  const chosen = meetingsBetween(meetings, from, to).length;
  const stopped = progress && !running && progress.done < progress.total;
  return (
    <section class="collect" aria-label="Save several meetings">
      <h2>Save all meetings in a date range</h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          start(from, to, recheck);
        }}
      >
        <label>
          From
          <input type="date" value={from} onInput={(e) => setFrom(e.currentTarget.value)} disabled={running} />
        </label>
        <label>
          To
          <input type="date" value={to} onInput={(e) => setTo(e.currentTarget.value)} disabled={running} />
        </label>
        <label class="checkbox">
          <input type="checkbox" checked={recheck} onChange={(e) => setRecheck(e.currentTarget.checked)} disabled={running} /> Re-read meetings already saved
          (updates those that changed)
        </label>
        {running ? (
          <button type="button" onClick={cancel}>
            Cancel
          </button>
        ) : (
          <button type="submit" disabled={chosen === 0}>
            {stopped ? `Resume: save the remaining meetings` : `Save ${chosen} meeting${chosen === 1 ? '' : 's'}`}
          </button>
        )}
      </form>
      <p class="hint">One page a second is read from the council’s site, in your own session. Cancelled meetings are left out.</p>
      {progress && (
        <div class="collect-progress">
          <label>
            {running ? `Reading ${progress.current ?? '…'}` : progress.done < progress.total ? 'Cancelled' : 'Finished'}: {progress.done} of {progress.total}
            <progress value={progress.done} max={progress.total} />
          </label>
          <p>
            Saved {progress.saved}, skipped {progress.skipped} already saved
            {progress.failed.length > 0 ? `, ${progress.failed.length} could not be read:` : '.'}
          </p>
          {progress.failed.length > 0 && (
            <ul class="failures">
              {progress.failed.map((f) => (
                <li key={f.url + f.label}>
                  {f.label}: {f.reason}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
