import Dexie from 'dexie';
import type { LibraryDb } from '../library/db';
import { clauseKey, committeeKey, itemKey, meetingKey } from '../library/identity';
import { TeamApiError, type TeamApi } from './api';
import { OutboxEntrySchema, OutboxOwnerSchema, PublishRowSchema, type OutboxEntry, type OutboxOwner, type PublishRow, type TeamSession } from './schema';
import { teamTables } from './tables';

/** Rows per publish request: the server advises ~2,000 (at most 5,000) in one transaction. */
export const BATCH_ROWS = 2000;

/** What a row is about: queuing the same thing again replaces its waiting copy. */
export function rowKey(row: PublishRow): string {
  switch (row.kind) {
    case 'council':
      return `council:${row.record.host}`;
    case 'committee':
      return `committee:${committeeKey(row.record)}`;
    case 'meeting':
      return `meeting:${meetingKey(row.record)}`;
    case 'item':
      return `item:${itemKey(row.record)}`;
    case 'clause':
      return `clause:${clauseKey(row.record)}`;
    case 'annotation':
      return `annotation:${row.target}`;
  }
}

/** A row as the researcher knows it, for the list of rejected rows. */
export function describeRow(row: PublishRow): string {
  switch (row.kind) {
    case 'council':
      return `council ${row.record.name ?? row.record.host}`;
    case 'committee':
      return `committee ${row.record.name ?? row.record.committeeId} (${row.record.host})`;
    case 'meeting':
      return `meeting of ${row.record.committeeName}, ${row.record.date || 'undated'} (${row.record.host})`;
    case 'item':
      return `item ${row.record.number ?? row.record.title} of ${row.record.committeeName}, ${row.record.date || 'undated'}`;
    case 'clause':
      return `clause ${row.record.label ?? row.record.clauseIndex + 1} of item ${row.record.itemNumber ?? row.record.itemTitle}, ${row.record.committeeName}, ${row.record.date || 'undated'}`;
    case 'annotation':
      return `your note on ${row.targetKind} ${row.target}`;
  }
}

/** The sign-in a session queues and sends as. */
export const ownerOf = (session: TeamSession): OutboxOwner => OutboxOwnerSchema.parse({ server: session.server, memberId: session.member.id, email: session.member.email });

/** The owner as the outbox indexes it: the server and member id (not the email, which a member may change). */
export const ownerKey = (owner: Pick<OutboxOwner, 'server' | 'memberId'>): string => JSON.stringify([owner.server, owner.memberId]);

/** One owner's rows in one state, in queue order. */
const inState = (db: LibraryDb, by: string, state: OutboxEntry['state']) =>
  teamTables(db).outbox.where('[by+state+seq]').between([by, state, Dexie.minKey], [by, state, Dexie.maxKey]);

/** A key above all of one owner's and below the next owner's ([by] is below them all). Two elements: IndexedDB refuses a key holding the same array (maxKey) twice. */
const afterOwner = (by: string) => [by, Dexie.maxKey];

/**
 * Puts rows in the owner's outbox in one transaction, after all of theirs, in the order given,
 * replacing their waiting or rejected copies of the same things. Counts nothing: a big publish
 * calls it once a batch (queueScope.ts), and counting a million waiting rows each time is slow.
 */
export async function queueRows(db: LibraryDb, owner: OutboxOwner, rows: PublishRow[]): Promise<void> {
  const { outbox } = teamTables(db);
  const checked = rows.map((row) => PublishRowSchema.parse(row));
  const who = OutboxOwnerSchema.parse(owner);
  const by = ownerKey(who);
  await db.transaction('rw', outbox, async () => {
    const lasts = await Promise.all([inState(db, by, 'queued').last(), inState(db, by, 'rejected').last()]);
    const maxSeq = Math.max(0, ...lasts.map((e) => e?.seq ?? 0));
    await outbox.bulkPut(checked.map((row, i) => ({ by, owner: who, key: rowKey(row), seq: maxSeq + 1 + i, state: 'queued' as const, row, reason: null })));
  });
}

export async function outboxCounts(db: LibraryDb, owner: OutboxOwner): Promise<{ queued: number; rejected: number }> {
  const by = ownerKey(owner);
  const [queued, rejected] = await Promise.all([inState(db, by, 'queued').count(), inState(db, by, 'rejected').count()]);
  return { queued, rejected };
}

/** Rows other sign-ins queued (or had rejected): kept for them, one line per owner. */
export interface OthersRows {
  by: string;
  owner: OutboxOwner;
  queued: number;
  rejected: number;
}

/** Every owner's rows but one's (null: everyone's, as when nobody is signed in), owner by owner: one index seek per owner, not a scan. */
export async function othersRows(db: LibraryDb, except: OutboxOwner | null): Promise<OthersRows[]> {
  const { outbox } = teamTables(db);
  const mine = except && ownerKey(except);
  const others: OthersRows[] = [];
  let first = await outbox.orderBy('[by+state+seq]').first();
  while (first) {
    const { by, owner } = first;
    if (by !== mine) {
      const [queued, rejected] = await Promise.all([inState(db, by, 'queued').count(), inState(db, by, 'rejected').count()]);
      const parsed = OutboxOwnerSchema.safeParse(owner);
      others.push({ by, owner: parsed.success ? parsed.data : unknownOwner(by), queued, rejected });
    }
    first = await outbox.where('[by+state+seq]').above(afterOwner(by)).first();
  }
  return others;
}

/** An owner whose stored record is damaged is still listed (its rows are kept), named by its index key. */
const unknownOwner = (by: string): OutboxOwner => ({ server: 'an unknown server', memberId: by, email: `an unknown member (${by})` });

/** Forgets every row another sign-in queued, at the researcher's request (the library is untouched: they are copies). Returns how many. */
export async function forgetOwnerRows(db: LibraryDb, by: string): Promise<number> {
  return teamTables(db).outbox.where('[by+state+seq]').between([by], afterOwner(by)).delete();
}

/** The owner's rows the server refused, each with its reason, oldest first. */
export async function rejectedRows(db: LibraryDb, owner: OutboxOwner): Promise<{ key: string; what: string; reason: string }[]> {
  const entries = await inState(db, ownerKey(owner), 'rejected').toArray();
  return entries.map((e) => ({ key: e.key, what: describeRow(e.row), reason: e.reason ?? 'no reason given' }));
}

/** Puts the owner's rejected rows back in the queue (after the researcher fixed what the server refused, or the server was fixed). */
export async function retryRejected(db: LibraryDb, owner: OutboxOwner): Promise<number> {
  const { outbox } = teamTables(db);
  return db.transaction('rw', outbox, async () => {
    const rejected = await inState(db, ownerKey(owner), 'rejected').toArray();
    await outbox.bulkPut(rejected.map((e) => ({ ...e, state: 'queued' as const, reason: null })));
    return rejected.length;
  });
}

/** Forgets the owner's rejected rows (the researcher's library is untouched: they are copies). */
export async function dropRejected(db: LibraryDb, owner: OutboxOwner): Promise<number> {
  return inState(db, ownerKey(owner), 'rejected').delete();
}

export interface SendProgress {
  /** Rows the server has answered for (taken or rejected) in this run. */
  sent: number;
  /** Rows waiting when the run began. */
  total: number;
  rejected: number;
  /** While waiting to retry: why, and for how long. */
  retrying: { reason: string; inMs: number } | null;
}

export interface SendReport {
  sent: number;
  inserted: number;
  updated: number;
  skipped: number;
  /** Rows the server refused in this run: what each is and why. */
  rejected: { what: string; reason: string }[];
  /** Why sending stopped before the outbox was empty, or null when it was emptied. */
  stopped: string | null;
  /** Rows still waiting in the outbox. */
  left: number;
}

export interface SendOptions {
  batchRows?: number;
  /** Tries of one batch before giving up for now (the rows stay queued). */
  attempts?: number;
  /** Wait before the nth retry (1-based): doubling from 1 s, at most 30 s. */
  backoffMs?: (retry: number) => number;
  sleep?: (ms: number) => Promise<void>;
  onProgress?: (progress: SendProgress) => void;
}

const defaultBackoff = (retry: number) => Math.min(30_000, 1000 * 2 ** (retry - 1));
const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Sends the owner's rows in batches, oldest first (`api` must be signed in as that owner; other
 * owners' rows are neither read nor touched). A batch leaves the outbox only once the server has
 * answered for it (the server's publish is idempotent, so a batch answered but not yet removed
 * when the browser closed is simply sent again); rows the server refuses stay, marked with its
 * reason. No answer or a server failure is retried with back-off; a refusal of the whole batch,
 * or a sign-in the server no longer accepts, stops the run with every row kept.
 */
export async function sendOutbox(db: LibraryDb, owner: OutboxOwner, api: Pick<TeamApi, 'publish'>, options: SendOptions = {}): Promise<SendReport> {
  const { outbox } = teamTables(db);
  const { batchRows = BATCH_ROWS, attempts = 6, backoffMs = defaultBackoff, sleep = defaultSleep, onProgress } = options;
  const by = ownerKey(owner);
  const total = (await outboxCounts(db, owner)).queued;
  const report: SendReport = { sent: 0, inserted: 0, updated: 0, skipped: 0, rejected: [], stopped: null, left: total };
  const progress = (retrying: SendProgress['retrying'] = null) => onProgress?.({ sent: report.sent, total: Math.max(total, report.sent), rejected: report.rejected.length, retrying });
  progress();
  // Queue order from just after a seq: the next batch is read while the one before is out.
  const readAfter = (seq: number | typeof Dexie.minKey) =>
    outbox.where('[by+state+seq]').between([by, 'queued', seq], [by, 'queued', Dexie.maxKey], false, true).limit(batchRows).toArray();
  let after: number | typeof Dexie.minKey = Dexie.minKey;
  let next = readAfter(after);
  for (;;) {
    // Read again before stopping: rows queued while the last batch was out come after the read made then.
    const stored = (await next).length > 0 ? await next : await readAfter(after);
    const lastSeq = stored.at(-1)?.seq;
    if (lastSeq === undefined) break;
    after = lastSeq;
    next = readAfter(after);
    // Awaited on the next turn; marked handled now in case this turn stops first.
    next.catch(() => {});
    const batch: OutboxEntry[] = [];
    const damaged: OutboxEntry[] = [];
    for (const entry of stored) (OutboxEntrySchema.safeParse(entry).success ? batch : damaged).push(entry);
    if (damaged.length > 0) {
      await outbox.bulkPut(damaged.map((e) => ({ ...e, state: 'rejected' as const, reason: 'The stored row is damaged and was not sent.' })));
      report.rejected.push(...damaged.map((e) => ({ what: e.key, reason: 'The stored row is damaged and was not sent.' })));
      if (batch.length === 0) continue;
    }
    let result;
    for (let attempt = 1; ; attempt++) {
      try {
        result = await api.publish(batch.map((e) => e.row));
        break;
      } catch (error) {
        const retryable = error instanceof TeamApiError && error.retryable;
        const reason = error instanceof Error ? error.message : String(error);
        if (!retryable || attempt >= attempts) {
          report.left = (await outboxCounts(db, owner)).queued;
          report.stopped = `${reason}. ${report.left.toLocaleString('en-GB')} row${report.left === 1 ? '' : 's'} kept in the outbox${retryable ? ' to send later' : ''}.`;
          return report;
        }
        const wait = backoffMs(attempt);
        progress({ reason, inMs: wait });
        await sleep(wait);
      }
    }
    const refused = new Map(result.rejected.map((r) => [r.index, r.reason]));
    await db.transaction('rw', outbox, async () => {
      // A row queued again while this batch was out (a newer copy, same key) stays to be sent.
      const now = await outbox.bulkGet(batch.map((e): [string, string] => [e.by, e.key]));
      await outbox.bulkDelete(batch.filter((e, i) => !refused.has(i) && now[i]?.seq === e.seq).map((e): [string, string] => [e.by, e.key]));
      await outbox.bulkPut(batch.flatMap((e, i) => (refused.has(i) && now[i]?.seq === e.seq ? [{ ...e, state: 'rejected' as const, reason: refused.get(i) ?? null }] : [])));
    });
    report.sent += batch.length;
    report.inserted += result.inserted;
    report.updated += result.updated;
    report.skipped += result.skipped;
    report.rejected.push(...batch.flatMap((e, i) => (refused.has(i) ? [{ what: describeRow(e.row), reason: refused.get(i) ?? '' }] : [])));
    progress();
  }
  report.left = (await outboxCounts(db, owner)).queued;
  return report;
}
