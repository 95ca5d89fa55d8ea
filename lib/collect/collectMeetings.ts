import type { MeetingLink } from '../moderngov/schema';
import type { CollectedMeeting } from '../messages/schema';

export interface CollectProgress {
  done: number;
  total: number;
  saved: number;
  skipped: number;
  failed: { url: string; label: string; reason: string }[];
  /** The meeting being read now, or null when finished or cancelled. */
  current: string | null;
}

export interface CollectServices {
  /** Reads one meeting page in the researcher's own session on the council's site; `signal`
   * (the run's Cancel) aborts the request under way. */
  readMeeting(url: string, signal: AbortSignal): Promise<CollectedMeeting>;
  /** The content hash of the meeting as saved whole, or null when it is not saved whole. */
  savedHash(host: string, meetingId: string): Promise<string | null>;
  save(meeting: Extract<CollectedMeeting['extraction'], { kind: 'meeting' }>): Promise<unknown>;
}

export interface CollectOptions {
  host: string;
  /** Re-read meetings already saved, and update those whose page changed. */
  recheckSaved: boolean;
  signal: AbortSignal;
  onProgress(progress: CollectProgress): void;
}

/** Meetings of a list between two ISO dates (inclusive); cancelled ones are left out. */
export function meetingsBetween(meetings: MeetingLink[], from: string, to: string): MeetingLink[] {
  return meetings.filter((m) => m.status !== 'cancelled' && m.date !== null && m.date >= from && m.date <= to);
}

/**
 * Saves each meeting of the list, one page at a time (`readMeeting` paces its requests).
 * Meetings already saved whole are skipped (or re-read and kept when unchanged, with
 * `recheckSaved`); pages that cannot be read are reported and the run goes on. Cancelling stops
 * before the next page; running again resumes, since what was saved is skipped.
 */
export async function collectMeetings(meetings: MeetingLink[], services: CollectServices, options: CollectOptions): Promise<CollectProgress> {
  const progress: CollectProgress = { done: 0, total: meetings.length, saved: 0, skipped: 0, failed: [], current: null };
  for (const meeting of meetings) {
    if (options.signal.aborted) break;
    const known = meeting.meetingId ? await services.savedHash(options.host, meeting.meetingId) : null;
    if (known !== null && !options.recheckSaved) {
      progress.skipped++;
      progress.done++;
      options.onProgress({ ...progress });
      continue;
    }
    progress.current = meeting.label;
    options.onProgress({ ...progress });
    if (options.signal.aborted) break;
    try {
      const result = await services.readMeeting(meeting.url, options.signal);
      // A page whose reading was cancelled is neither saved nor failed: a resume reads it.
      if (options.signal.aborted) break;
      const { extraction } = result;
      if (extraction.kind !== 'meeting') {
        throw new Error(extraction.kind === null ? extraction.reason : `the page is a ${extraction.kind} page, not a meeting`);
      }
      if (known === extraction.contentHash) progress.skipped++;
      else {
        await services.save(extraction);
        progress.saved++;
      }
      for (const failure of result.failures) {
        progress.failed.push({ url: failure.url, label: `${meeting.label}, item ${failure.itemNumber ?? '?'}`, reason: failure.reason });
      }
    } catch (error) {
      if (options.signal.aborted) break;
      progress.failed.push({ url: meeting.url, label: meeting.label, reason: error instanceof Error ? error.message : String(error) });
    }
    progress.done++;
  }
  progress.current = null;
  options.onProgress({ ...progress });
  return progress;
}
