import type { Fetch } from '@/lib/team/api';
import type { PublishRow } from '@/lib/team/schema';

type Answer = { status: number; body: unknown } | Error;

/**
 * A stand-in for the team server's HTTP endpoint in unit tests: it records every request's
 * operation and variables and answers from a queue the test fills (an Error is a request that
 * never got an answer, as fetch rejects when offline).
 */
export function fakeTeamServer() {
  const requests: { query: string; variables: Record<string, unknown>; authorization: string | undefined }[] = [];
  const answers: Answer[] = [];
  const fetch: Fetch = async (_url, init) => {
    const { query, variables } = JSON.parse(init.body) as { query: string; variables: Record<string, unknown> };
    requests.push({ query, variables, authorization: init.headers.authorization });
    const answer = answers.shift();
    if (!answer) throw new Error(`fake team server: no answer queued for request ${requests.length}`);
    if (answer instanceof Error) throw answer;
    return { status: answer.status, text: async () => (typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body)) };
  };
  return {
    fetch,
    requests,
    /** Queues the next answers, in order. */
    answer(...next: Answer[]) {
      answers.push(...next);
    },
    /** The rows of each publish request, in order. */
    published: () => requests.filter((r) => r.query.includes('publish(')).map((r) => r.variables.rows as PublishRow[]),
  };
}

/** A GraphQL answer with `data`. */
export const data = (field: string, value: unknown) => ({ status: 200, body: { data: { [field]: value } } });
/** PostGraphile's answer to a publish. */
export const published = (result: { inserted?: number; updated?: number; skipped?: number; rejected?: { index: number; reason: string }[] }) =>
  data('publish', { result: { inserted: 0, updated: 0, skipped: 0, rejected: [], ...result } });
