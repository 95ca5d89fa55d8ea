import { graphql } from '../support/teamServer';
import type { TeamRow } from '../support/teamRows';

/** The API's calls as docs/team-api.md gives them, for the server tests. */
export interface PublishResult {
  inserted: number;
  updated: number;
  skipped: number;
  rejected: { index: number; reason: string }[];
}

export interface PulledRow {
  kind: string;
  key: string;
  updatedAt: string;
  record: Record<string, unknown>;
  annotations: { author: string; displayName: string; note: string; tags: string[]; shared: boolean; mine: boolean }[];
}

export interface PullArgs {
  hosts?: string[];
  committees?: string[];
  afterUpdatedAt?: string;
  afterKind?: string;
  afterKey?: string;
  first?: number;
}

function check<T>(response: { status: number; data?: T; errors?: { message: string }[] }): T {
  if (response.errors?.length || !response.data) throw new Error(`HTTP ${response.status}: ${response.errors?.map((e) => e.message).join('; ')}`);
  return response.data;
}

export async function publish(url: string, token: string, rows: unknown[]): Promise<PublishResult> {
  const data = check(
    await graphql<{ publish: { result: PublishResult } }>(url, 'mutation($rows: JSON!) { publish(input: { rows: $rows }) { result } }', { rows }, token),
  );
  return data.publish.result;
}

export async function pull(url: string, token: string, args: PullArgs = {}): Promise<PulledRow[]> {
  const data = check(
    await graphql<{ pull: PulledRow[] }>(
      url,
      `query($hosts: [String], $committees: [String], $afterUpdatedAt: Datetime, $afterKind: String, $afterKey: String, $first: Int) {
        pull(hosts: $hosts, committees: $committees, afterUpdatedAt: $afterUpdatedAt, afterKind: $afterKind, afterKey: $afterKey, first: $first)
      }`,
      { ...args },
      token,
    ),
  );
  return data.pull;
}

/** Every row from the start, or from a cursor, page by page as the extension pulls. */
export async function pullAll(url: string, token: string, args: PullArgs = {}, first = 500): Promise<PulledRow[]> {
  const rows: PulledRow[] = [];
  let cursor: Pick<PullArgs, 'afterUpdatedAt' | 'afterKind' | 'afterKey'> = {
    afterUpdatedAt: args.afterUpdatedAt,
    afterKind: args.afterKind,
    afterKey: args.afterKey,
  };
  for (;;) {
    const page = await pull(url, token, { ...args, ...cursor, first });
    rows.push(...page);
    const last = page.at(-1);
    if (!last || page.length < first) return rows;
    cursor = { afterUpdatedAt: last.updatedAt, afterKind: last.kind, afterKey: last.key };
  }
}

export interface SearchHit {
  key: string;
  rank: number;
  record: Record<string, unknown>;
  meeting: { key: string; title: string | null };
  item: { key: string; number: string | null; title: string };
  annotations: PulledRow['annotations'];
}

export async function searchTeam(url: string, token: string, q: string, first?: number): Promise<SearchHit[]> {
  return check(await graphql<{ searchTeam: SearchHit[] }>(url, 'query($q: String!, $first: Int) { searchTeam(q: $q, first: $first) }', { q, first }, token))
    .searchTeam;
}

export const annotation = (target: string, targetKind: 'item' | 'clause', note: string, shared: boolean, tags: string[] = []): TeamRow => ({
  kind: 'annotation',
  target,
  targetKind,
  note,
  tags,
  shared,
});
