import type { LibraryDb } from '../library/db';
import { meetingKey, type MeetingKey } from '../library/identity';
import { watchLive } from '../library/service';
import { teamApi, type Fetch, type TeamApi } from './api';
import { dropRejected, forgetOwnerRows, outboxCounts, othersRows, ownerKey, ownerOf, rejectedRows, retryRejected, sendOutbox, type OthersRows, type SendProgress, type SendReport } from './outbox';
import { notesInScope, type NoteInScope, type PublishScope } from './publishRows';
import { clearTeamRows, pullTeam, type PullReport } from './pull';
import { queueScope, type QueueProgress } from './queueScope';
import type { Follows, TeamRow, TeamSearchHit, TeamSession } from './schema';
import { clearSession, readFollows, readSession, readShareNotes, tokenExpiry, writeFollows, writeSession, writeShareNotes, type SessionState } from './session';
import { teamTables } from './tables';

/** What the library's own records offer to publish and to follow: its councils and committees (small tables). */
export interface TeamChoices {
  councils: { host: string; name: string | null }[];
  committees: { host: string; committeeId: string; name: string | null }[];
}

/** A saved meeting offered to publish. */
export interface MeetingChoice {
  key: MeetingKey;
  host: string;
  meetingId: string;
  label: string;
}

/**
 * Everything the team views do, and the only way they reach the team server and the team's
 * tables (as LibraryService is for the library). Component tests pass plain objects.
 */
export interface TeamService {
  watch<T>(read: () => Promise<T>, next: (value: T) => void, error: (error: unknown) => void): () => void;
  session(): Promise<SessionState>;
  /** Asks for access to the server's site first (a browser prompt: call it straight from the click), then signs in. */
  signIn(server: string, email: string, password: string): Promise<TeamSession>;
  signOut(): Promise<void>;
  follows(): Promise<Follows>;
  setFollows(follows: Follows): Promise<void>;
  shareNotes(): Promise<boolean>;
  setShareNotes(share: boolean): Promise<void>;
  choices(): Promise<TeamChoices>;
  /** Every saved meeting, newest first: reads every meeting, so only when the researcher picks one to publish. */
  meetingChoices(): Promise<MeetingChoice[]>;
  /** Reads through the whole library or a council (a batch at a time): only when the researcher turns to the notes. */
  notesInScope(scope: PublishScope): Promise<NoteInScope[]>;
  /** Puts a scope's rows in the signed-in member's outbox, batch by batch; returns how many of theirs wait. Stopping part-way throws QueueStopped (queueScope.ts). */
  queue(scope: PublishScope, shared: (target: string) => boolean, onProgress: (progress: QueueProgress) => void): Promise<number>;
  /** Sends the signed-in member's rows only (those queued on this server). */
  send(onProgress: (progress: SendProgress) => void): Promise<SendReport>;
  /** The signed-in (or expired) member's waiting and rejected rows, and the rows other sign-ins left, kept for them. */
  outbox(): Promise<{ queued: number; rejected: { what: string; reason: string }[]; others: OthersRows[] }>;
  retryRejected(): Promise<number>;
  dropRejected(): Promise<number>;
  /** Forgets the rows another sign-in queued (`by` from `outbox().others`), at the researcher's request; returns how many. */
  forgetOthers(by: string): Promise<number>;
  pull(onProgress: (pulled: number) => void): Promise<PullReport>;
  /** The team's items and clauses pulled, of one council or all, newest meeting first. */
  teamRows(host: string | null, limit: number): Promise<{ rows: TeamRow[]; total: number }>;
  search(q: string): Promise<TeamSearchHit[]>;
}

export interface TeamPlatform {
  fetch: Fetch;
  /** Asks the browser for access to the server's site; false when the researcher refuses. */
  requestOrigin(url: string): Promise<boolean>;
}

/** Search hits asked of the server per search. */
const SEARCH_HITS = 100;

const text = (row: TeamRow, field: string) => (typeof row.record[field] === 'string' ? (row.record[field] as string) : '');
const num = (row: TeamRow, field: string) => (typeof row.record[field] === 'number' ? (row.record[field] as number) : -1);

/** Newest meeting first; in a meeting, items in page order, each followed by its clauses. */
function byPlacement(a: TeamRow, b: TeamRow): number {
  return (
    text(b, 'date').localeCompare(text(a, 'date')) ||
    text(a, 'host').localeCompare(text(b, 'host')) ||
    text(a, 'meetingId').localeCompare(text(b, 'meetingId')) ||
    Math.max(num(a, 'order'), num(a, 'itemOrder')) - Math.max(num(b, 'order'), num(b, 'itemOrder')) ||
    text(a, 'itemKey').localeCompare(text(b, 'itemKey')) ||
    num(a, 'clauseIndex') - num(b, 'clauseIndex')
  );
}

export function dexieTeam(db: LibraryDb, platform: TeamPlatform): TeamService {
  /** The signed-in session; an expired or missing sign-in is said plainly. */
  async function session(): Promise<TeamSession> {
    const state = await readSession();
    if (state.kind === 'signed-out') throw new Error(state.problem ?? 'Sign in to the team server first (Team settings).');
    if (state.kind === 'expired') throw new Error(`Your sign-in to the team server expired on ${state.session.expiresAt.slice(0, 10)}: sign in again.`);
    return state.session;
  }
  /** The API as the signed-in member. */
  const signedIn = async (): Promise<TeamApi> => {
    const { server, token } = await session();
    return teamApi(server, platform.fetch, token);
  };
  /** Whose outbox rows the views show as the researcher's own: the member of the sign-in kept, even expired (they are still theirs); nobody's signed out. */
  const outboxOwner = async () => {
    const state = await readSession();
    return state.kind === 'signed-out' ? null : ownerOf(state.session);
  };
  /** The owner for changing rows: a sign-in is needed to say whose rows they are. */
  const ownOutbox = async () => {
    const owner = await outboxOwner();
    if (!owner) throw new Error('Sign in to the team server first (Team settings): the outbox keeps each sign-in\'s rows apart.');
    return owner;
  };

  return {
    watch: watchLive,
    session: () => readSession(),
    async signIn(server, email, password) {
      // The permission prompt must come first: Firefox loses the click's gesture after any other await.
      if (!(await platform.requestOrigin(server))) throw new Error(`Council Minutes was not allowed to reach ${new URL(server).host}, so you are not signed in.`);
      const token = await teamApi(server, platform.fetch).authenticate(email, password);
      if (!token) throw new Error('The team server did not accept that email and password.');
      const member = await teamApi(server, platform.fetch, token).currentMember();
      if (!member) throw new Error('The team server accepted the sign-in but does not know the member.');
      const session = { server, token, expiresAt: tokenExpiry(token).toISOString(), member };
      const before = await readSession();
      // Another member's or another server's pulled rows are not this one's to see.
      if (before.kind === 'signed-out' || before.session.server !== server || before.session.member.id !== member.id) await clearTeamRows(db);
      await writeSession(session);
      return session;
    },
    async signOut() {
      await clearSession();
      await clearTeamRows(db);
    },
    follows: () => readFollows(),
    setFollows: (follows) => writeFollows(follows),
    shareNotes: () => readShareNotes(),
    setShareNotes: (share) => writeShareNotes(share),
    async choices() {
      const [councils, committees] = await Promise.all([db.councils.toArray(), db.committees.toArray()]);
      const byName = <T extends { host: string; name: string | null }>(a: T, b: T) => (a.name ?? a.host).localeCompare(b.name ?? b.host);
      return { councils: councils.sort(byName), committees: committees.sort(byName) };
    },
    async meetingChoices() {
      const meetings = await db.meetings.orderBy('date').reverse().toArray();
      return meetings.map((m) => ({ key: meetingKey(m), host: m.host, meetingId: m.meetingId, label: `${m.councilName ?? m.host}: ${m.committeeName}, ${m.date || 'undated'}` }));
    },
    notesInScope: (scope) => notesInScope(db, scope),
    queue: async (scope, shared, onProgress) => queueScope(db, ownerOf(await session()), scope, shared, onProgress),
    async send(onProgress) {
      const current = await session();
      return sendOutbox(db, ownerOf(current), teamApi(current.server, platform.fetch, current.token), { onProgress });
    },
    async outbox() {
      const owner = await outboxOwner();
      const [{ queued }, rejected, others] = await Promise.all([
        owner ? outboxCounts(db, owner) : { queued: 0 },
        owner ? rejectedRows(db, owner) : [],
        othersRows(db, owner),
      ]);
      return { queued, rejected, others };
    },
    retryRejected: async () => retryRejected(db, await ownOutbox()),
    dropRejected: async () => dropRejected(db, await ownOutbox()),
    async forgetOthers(by) {
      const owner = await outboxOwner();
      // The researcher's own rows are forgotten only as rejected rows (dropRejected), never through this.
      if (owner && ownerKey(owner) === by) throw new Error('These rows are yours: they are sent, not forgotten, from here.');
      return forgetOwnerRows(db, by);
    },
    pull: async (onProgress) => pullTeam(db, await signedIn(), await readFollows(), { onProgress }),
    async teamRows(host, limit) {
      const kinds = ['item', 'clause'];
      const rows = host === null ? await teamTables(db).teamRows.where('kind').anyOf(kinds).toArray() : await teamTables(db).teamRows.where('[kind+host]').anyOf(kinds.map((k) => [k, host])).toArray();
      rows.sort(byPlacement);
      return { rows: rows.slice(0, limit), total: rows.length };
    },
    search: async (q) => (await signedIn()).searchTeam(q, SEARCH_HITS),
  };
}
