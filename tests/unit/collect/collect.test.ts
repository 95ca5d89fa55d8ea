import { describe, expect, it, vi } from 'vitest';
import { collectMeetings, meetingsBetween, type CollectProgress, type CollectServices } from '@/lib/collect/collectMeetings';
import { paced } from '@/lib/collect/paced';
import type { MeetingLink } from '@/lib/moderngov/schema';
import { meeting } from '../../support/records';

const link = (id: string, date: string, status: string | null = null): MeetingLink => ({
  meetingId: id,
  committeeId: '600',
  label: `${date} 5.30 pm`,
  date,
  status,
  url: `https://www.southampton.gov.uk/modernGov/ieListDocuments.aspx?CId=600&MId=${id}&Ver=4`,
});

const LIST = [link('7109', '2017-03-23'), link('7108', '2017-02-02'), link('7107', '2017-01-12', 'cancelled'), link('7106', '2016-12-15'), link('7105', '2016-11-03')];

function fakeSite(saved: Map<string, string>, unreadable = new Set<string>()) {
  const read: string[] = [];
  const stored: string[] = [];
  const services: CollectServices = {
    async readMeeting(url) {
      read.push(url);
      const id = new URL(url).searchParams.get('MId') ?? '';
      if (unreadable.has(id)) throw new Error("The council's site answered 500");
      return { extraction: meeting({ id }), failures: [] };
    },
    savedHash: async (_host, id) => saved.get(id) ?? null,
    async save(record) {
      stored.push(record.meeting.id ?? '');
      saved.set(record.meeting.id ?? '', record.contentHash);
    },
  };
  return { services, read, stored };
}

const options = (extra: Partial<Parameters<typeof collectMeetings>[2]> = {}) => ({
  host: 'www.southampton.gov.uk',
  recheckSaved: false,
  signal: new AbortController().signal,
  onProgress: () => {},
  ...extra,
});

describe('batch collection', () => {
  it('chooses the meetings in the date range, leaving cancelled ones out', () => {
    expect(meetingsBetween(LIST, '2016-11-03', '2017-02-02').map((m) => m.meetingId)).toEqual(['7108', '7106', '7105']);
  });

  it('saves each meeting, skips those already saved, reports the unreadable and goes on', async () => {
    const site = fakeSite(new Map([['7106', 'old']]), new Set(['7108']));
    const seen: CollectProgress[] = [];
    const result = await collectMeetings(meetingsBetween(LIST, '2016-01-01', '2017-12-31'), site.services, options({ onProgress: (p) => seen.push(p) }));
    expect(site.read.map((u) => new URL(u).searchParams.get('MId'))).toEqual(['7109', '7108', '7105']);
    expect(site.stored).toEqual(['7109', '7105']);
    expect(result).toMatchObject({ done: 4, total: 4, saved: 2, skipped: 1, current: null });
    expect(result.failed).toEqual([{ url: LIST[1]?.url, label: '2017-02-02 5.30 pm', reason: "The council's site answered 500" }]);
    // Before each read, after the skip, and at the end.
    expect(seen.map((p) => p.done)).toEqual([0, 1, 3, 3, 4]);
  });

  it('re-reads saved meetings on request, and writes only those that changed', async () => {
    const unchanged = meeting({ id: '7105' }).contentHash;
    const site = fakeSite(new Map([['7105', unchanged], ['7106', 'changed since']]));
    const result = await collectMeetings(meetingsBetween(LIST, '2016-11-01', '2016-12-31'), site.services, options({ recheckSaved: true }));
    expect(site.read).toHaveLength(2);
    expect(site.stored).toEqual(['7106']);
    expect(result).toMatchObject({ saved: 1, skipped: 1 });
  });

  it('stops when cancelled, and a second run resumes where the first stopped', async () => {
    const saved = new Map<string, string>();
    const abort = new AbortController();
    const site = fakeSite(saved);
    const chosen = meetingsBetween(LIST, '2016-01-01', '2017-12-31');
    const first = await collectMeetings(chosen, site.services, options({ signal: abort.signal, onProgress: (p) => p.done === 2 && abort.abort() }));
    expect(first).toMatchObject({ done: 2, total: 4, saved: 2 });
    const second = await collectMeetings(chosen, site.services, options());
    expect(second).toMatchObject({ done: 4, saved: 2, skipped: 2 });
    expect(site.stored).toEqual(['7109', '7108', '7106', '7105']);
  });
});

describe('cancelling a collection', () => {
  it('hands the run\'s signal to the read under way; a read cut off by Cancel is neither saved nor failed', async () => {
    const abort = new AbortController();
    const site = fakeSite(new Map());
    const signals: AbortSignal[] = [];
    const services: CollectServices = {
      ...site.services,
      async readMeeting(url, signal) {
        signals.push(signal);
        if (signals.length === 2) {
          // The panel's Cancel arrives while this page is being fetched: the fetch fails as cancelled.
          abort.abort();
          throw new Error('Cancelled.');
        }
        return site.services.readMeeting(url, signal);
      },
    };
    const result = await collectMeetings(meetingsBetween(LIST, '2016-01-01', '2017-12-31'), services, options({ signal: abort.signal }));
    expect(signals).toEqual([abort.signal, abort.signal]);
    expect(result).toMatchObject({ done: 1, total: 4, saved: 1, failed: [] });
    expect(site.stored).toEqual(['7109']);
  });
});

describe('paced requests', () => {
  it('starts at most one call a second, however fast they are asked for', async () => {
    vi.useFakeTimers({ now: 0 });
    try {
      const starts: number[] = [];
      const call = paced(async (n: number) => {
        starts.push(Date.now());
        return n * 2;
      }, 1000);
      const results = Promise.all([call(1), call(2), call(3)]);
      await vi.advanceTimersByTimeAsync(2000);
      expect(await results).toEqual([2, 4, 6]);
      await vi.advanceTimersByTimeAsync(5000);
      await call(4);
      expect(starts).toEqual([0, 1000, 2000, 7000]);
    } finally {
      vi.useRealTimers();
    }
  });
});
