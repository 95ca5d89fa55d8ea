/**
 * Runs in the team benchmark page (bundled by tests/bench/bundle.ts), on http://127.0.0.1: the
 * extension's own team code (publishRows, the outbox's sendOutbox, pullTeam) against the
 * browser's IndexedDB and the real team server over fetch, as the library page runs them.
 *
 * The library is one meeting of 20 items × 5 clauses saved with saveSelection, then copied under
 * new meeting ids (rows exactly as saveSelection stores them), with each clause's text made its own.
 */
import { LibraryDb } from '@/lib/library/db';
import { saveSelection } from '@/lib/library/save';
import { meetingHash } from '@/lib/moderngov/extractMeeting';
import type { Item, MeetingRecord } from '@/lib/moderngov/schema';
import { teamApi } from '@/lib/team/api';
import { queueRows, sendOutbox } from '@/lib/team/outbox';
import { pullTeam } from '@/lib/team/pull';
import { publishRows } from '@/lib/team/publishRows';

export const HOST = 'democracy.bench.gov.uk';
const ITEMS = 20;
const CLAUSES = 5;

export interface TeamRun {
  clauses: number;
  rows: number;
  /** Reading the library into the rows to publish (publishRows). */
  buildMs: number;
  /** Writing them to the outbox (queueRows). */
  queueMs: number;
  /** Sending the outbox to the server, batch by batch, until empty. */
  sendMs: number;
  inserted: number;
  /** Pulling every row of the council into the team tables of a second, empty database. */
  pullMs: number;
  pulled: number;
}

declare global {
  interface Window {
    __teamBench: (endpoint: string, token: string, meetings: number) => Promise<TeamRun>;
  }
}

function template(): MeetingRecord {
  const items: Item[] = Array.from({ length: ITEMS }, (_, i) => ({
    number: String(i + 1),
    id: String(1000 + i),
    title: `Agenda item ${i + 1} on housing, transport and budget`,
    description: '',
    documents: [],
    minutes: '',
    decision: '',
    notedPoints: [],
    clauses: Array.from({ length: CLAUSES }, (_, c) => ({
      label: `(${c + 1})`,
      text: `That the committee approves recommendation ${c + 1} of item ${i + 1} on the housing budget consultation.`,
      keyword: 'RESOLVED',
      section: 'minutes' as const,
      exempt: false,
    })),
    procedural: false,
    minutesTruncated: false,
    fullMinutesUrl: null,
    agendaTruncated: false,
    fullAgendaUrl: null,
    textCapped: false,
  }));
  const body = {
    kind: 'meeting' as const,
    council: { host: HOST, name: 'Bench Borough Council' },
    committee: { id: '1', name: 'Cabinet' },
    meeting: { id: '0', title: 'Agenda and minutes', date: '2024-01-01', time: null, venue: null, contact: null, status: null, url: `https://${HOST}/ieListDocuments.aspx?CId=1&MId=0`, documents: [] },
    items,
    apologies: null,
    declarations: null,
    attendance: [],
    warnings: [],
  };
  return { ...body, contentHash: meetingHash(body) };
}

window.__teamBench = async (endpoint, token, meetings) => {
  const db = new LibraryDb('team-bench-library');
  await saveSelection(db, template(), { scope: 'meeting' });
  const [meeting, items, clauses] = await Promise.all([db.meetings.toArray(), db.items.toArray(), db.clauses.toArray()]);
  for (let m = 1; m < meetings; m++) {
    const meetingId = String(m);
    const date = `20${String(10 + (m % 15))}-${String(1 + (m % 12)).padStart(2, '0')}-15`;
    await db.transaction('rw', db.meetings, db.items, db.clauses, async () => {
      await db.meetings.bulkPut(meeting.map((r) => ({ ...r, meetingId, date })));
      await db.items.bulkPut(items.map((r) => ({ ...r, meetingId, date })));
      await db.clauses.bulkPut(clauses.map((r) => ({ ...r, meetingId, date, text: `${r.text} Meeting ${m}.` })));
    });
  }
  const api = teamApi(endpoint, (url, init) => fetch(url, init), token);
  // The outbox keeps rows per sign-in: the bench's token's member queues and sends them (read before the clock starts).
  const member = await api.currentMember();
  if (!member) throw new Error('the bench token names no member');
  const owner = { server: endpoint, memberId: member.id, email: member.email };
  let t = performance.now();
  const built = await publishRows(db, { kind: 'library' }, () => false);
  const buildMs = performance.now() - t;
  t = performance.now();
  const rows = await queueRows(db, owner, built);
  const queueMs = performance.now() - t;
  t = performance.now();
  const report = await sendOutbox(db, owner, api);
  const sendMs = performance.now() - t;
  if (report.stopped || report.rejected.length > 0) throw new Error(`publish stopped: ${report.stopped ?? JSON.stringify(report.rejected.slice(0, 3))}`);
  const clauseCount = await db.clauses.count();
  db.close();

  const second = new LibraryDb('team-bench-pull');
  t = performance.now();
  const { pulled } = await pullTeam(second, api, { councils: [HOST], committees: [] });
  const pullMs = performance.now() - t;
  second.close();
  return { clauses: clauseCount, rows, buildMs, queueMs, sendMs, inserted: report.inserted, pullMs, pulled };
};
