import type { LibraryDb } from '../library/db';
import { committeeKey } from '../library/identity';
import type { TeamApi } from './api';
import { PullCursorSchema, type Follows, type PullCursor, type PullRow, type TeamRow } from './schema';
import { teamTables } from './tables';

/** Rows per pull request (the server's most). */
export const PULL_PAGE = 2000;

const CURSOR = 'pullCursor';

/** The follows as the server's pull takes them, and as one string to tell whether they changed. */
export function pullFilter(follows: Follows): { hosts: string[]; committees: string[]; signature: string } {
  const hosts = [...follows.councils].sort();
  const committees = follows.committees.map(committeeKey).sort();
  return { hosts, committees, signature: JSON.stringify([hosts, committees]) };
}

/** The stored cursor, or none when it is damaged or was for other follows (the pull then starts again). */
async function readCursor(db: LibraryDb, signature: string): Promise<PullCursor | null> {
  const parsed = PullCursorSchema.safeParse((await teamTables(db).teamState.get(CURSOR))?.value);
  return parsed.success && parsed.data.follows === signature ? parsed.data : null;
}

/** A pulled row with the host of its council, for the view's council filter (every record carries it; a council's key is its host). */
function asTeamRow(row: PullRow): TeamRow {
  return { ...row, host: typeof row.record.host === 'string' ? row.record.host : row.kind === 'council' ? row.key : '' };
}

export interface PullReport {
  /** Rows received in this run (new or changed since the last pull). */
  pulled: number;
  /** True when the follows changed and the team's rows were fetched from the beginning. */
  restarted: boolean;
}

/**
 * Brings the team's records of the followed councils and committees into the read-only
 * `teamRows` table, page by page in (updatedAt, kind, key) order from where the last pull stopped.
 * Each page and the cursor after it are written in one transaction, so a pull cut short resumes
 * where it was. Only team tables are written: the researcher's own records and notes are never touched.
 */
export async function pullTeam(db: LibraryDb, api: Pick<TeamApi, 'pull'>, follows: Follows, options: { pageRows?: number; onProgress?: (pulled: number) => void } = {}): Promise<PullReport> {
  const { teamRows, teamState } = teamTables(db);
  const { pageRows = PULL_PAGE, onProgress } = options;
  const { hosts, committees, signature } = pullFilter(follows);
  const stored = await readCursor(db, signature);
  const restarted = stored === null;
  const cursor: PullCursor = stored ?? { follows: signature, afterUpdatedAt: null, afterKind: null, afterKey: null };
  if (restarted) {
    // Other follows: what was pulled for the old ones goes, and the new ones are fetched from the start.
    await db.transaction('rw', teamRows, teamState, async () => {
      await teamRows.clear();
      await teamState.put({ name: CURSOR, value: cursor });
    });
  }
  let pulled = 0;
  if (hosts.length === 0 && committees.length === 0) return { pulled, restarted };
  const page = (after: PullCursor) => {
    const request = api.pull({ hosts, committees, afterUpdatedAt: after.afterUpdatedAt, afterKind: after.afterKind, afterKey: after.afterKey, first: pageRows });
    // Awaited below; marked handled now so a failure while the page before is written is not reported twice.
    request.catch(() => {});
    return request;
  };
  let pending: Promise<PullRow[]> | null = page(cursor);
  while (pending) {
    const rows: PullRow[] = await pending;
    const last = rows.at(-1);
    if (!last) break;
    const next: PullCursor = { follows: signature, afterUpdatedAt: last.updatedAt, afterKind: last.kind, afterKey: last.key };
    // The next page is asked for while this one is written: the cursor after it is known already.
    pending = rows.length < pageRows ? null : page(next);
    await db.transaction('rw', teamRows, teamState, async () => {
      await teamRows.bulkPut(rows.map(asTeamRow));
      await teamState.put({ name: CURSOR, value: next });
    });
    pulled += rows.length;
    onProgress?.(pulled);
  }
  return { pulled, restarted };
}

/** Forgets the team's rows and the cursor (on sign-out: the next member's team is not this one's). */
export async function clearTeamRows(db: LibraryDb): Promise<void> {
  const { teamRows, teamState } = teamTables(db);
  await db.transaction('rw', teamRows, teamState, async () => {
    await teamRows.clear();
    await teamState.delete(CURSOR);
  });
}
