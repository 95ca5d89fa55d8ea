/**
 * Runs in the team benchmark page (bundled by tests/bench/bundle.ts), on http://127.0.0.1: the
 * extension's own team code (queueScope, the outbox's sendOutbox, pullTeam) against the
 * browser's IndexedDB and the real team server over fetch, as the library page runs them.
 * The library is grown by growTeamLibrary (teamLibrary.ts).
 */
import { LibraryDb } from '@/lib/library/db';
import { teamApi } from '@/lib/team/api';
import { sendOutbox } from '@/lib/team/outbox';
import { pullTeam } from '@/lib/team/pull';
import { queueScope } from '@/lib/team/queueScope';
import { HOST, growTeamLibrary } from './teamLibrary';

export interface TeamRun {
  clauses: number;
  rows: number;
  /** Reading the library into the rows to publish and writing them to the outbox, batch by batch (queueScope). */
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

window.__teamBench = async (endpoint, token, meetings) => {
  const db = new LibraryDb('team-bench-library');
  await growTeamLibrary(db, meetings);
  const api = teamApi(endpoint, (url, init) => fetch(url, init), token);
  // The outbox keeps rows per sign-in: the bench's token's member queues and sends them (read before the clock starts).
  const member = await api.currentMember();
  if (!member) throw new Error('the bench token names no member');
  const owner = { server: endpoint, memberId: member.id, email: member.email };
  let t = performance.now();
  const rows = await queueScope(db, owner, { kind: 'library' }, () => false, () => {});
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
  return { clauses: clauseCount, rows, queueMs, sendMs, inserted: report.inserted, pullMs, pulled };
};
