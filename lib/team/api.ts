import { z } from 'zod';
import { MemberSchema, PublishResultSchema, PullRowSchema, TeamSearchHitSchema, type Member, type PublishResult, type PublishRow, type PullRow, type TeamSearchHit } from './schema';

/** The GraphQL documents the extension sends (docs/team-api.md). */
export const AUTHENTICATE = `mutation Authenticate($email: String!, $password: String!) {
  authenticate(input: { email: $email, password: $password }) { jwtToken }
}`;
export const CURRENT_MEMBER = `query CurrentMember { currentMember { id email displayName teamName } }`;
export const PUBLISH = `mutation Publish($rows: JSON!) { publish(input: { rows: $rows }) { result } }`;
export const PULL = `query Pull($hosts: [String], $committees: [String], $afterUpdatedAt: Datetime, $afterKind: String, $afterKey: String, $first: Int) {
  pull(hosts: $hosts, committees: $committees, afterUpdatedAt: $afterUpdatedAt, afterKind: $afterKind, afterKey: $afterKey, first: $first)
}`;
export const SEARCH_TEAM = `query SearchTeam($q: String!, $first: Int) { searchTeam(q: $q, first: $first) }`;

/**
 * Why a call failed, as the researcher can act on it: `offline` (no answer) and `server` (5xx) are
 * worth retrying; `auth` needs a new sign-in; `refused` is the server saying no; `invalid` is an
 * answer the extension does not understand.
 */
export type TeamErrorKind = 'offline' | 'server' | 'auth' | 'refused' | 'invalid';

export class TeamApiError extends Error {
  constructor(
    readonly kind: TeamErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'TeamApiError';
  }
  get retryable(): boolean {
    return this.kind === 'offline' || this.kind === 'server';
  }
}

export type Fetch = (url: string, init: { method: string; headers: Record<string, string>; body: string }) => Promise<Pick<Response, 'status' | 'text'>>;

const GraphQlAnswer = z.object({
  data: z.record(z.string(), z.unknown()).nullable().optional(),
  errors: z.array(z.object({ message: z.string(), errcode: z.string().optional() })).optional(),
});

/** Postgres's invalid_authorization_specification: signed out, or no longer a member of the token's team (docs/team-api.md). */
const SIGN_IN_AGAIN = '28000';
/** PostGraphile's own messages for a token it cannot use. */
const JWT_FAILURE = /jwt/i;

export interface TeamApi {
  /** A JWT, or null for a wrong email or password. */
  authenticate(email: string, password: string): Promise<string | null>;
  currentMember(): Promise<Member | null>;
  publish(rows: PublishRow[]): Promise<PublishResult>;
  /** A page of the team's rows after the cursor (the last row's updatedAt, as received, kind and key), in (updatedAt, kind, key) order. */
  pull(args: { hosts: string[]; committees: string[]; afterUpdatedAt: string | null; afterKind: string | null; afterKey: string | null; first: number }): Promise<PullRow[]>;
  searchTeam(q: string, first: number): Promise<TeamSearchHit[]>;
}

/** The team server's API at `endpoint`, over plain fetch; every answer is checked before it is used. */
export function teamApi(endpoint: string, fetchImpl: Fetch, token: string | null = null): TeamApi {
  async function call<T>(query: string, variables: Record<string, unknown>, field: string, schema: z.ZodType<T>): Promise<T> {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    let response: Pick<Response, 'status' | 'text'>;
    try {
      response = await fetchImpl(endpoint, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    } catch (error) {
      throw new TeamApiError('offline', `The team server at ${endpoint} did not answer (${error instanceof Error ? error.message : String(error)})`);
    }
    if (response.status === 401 || response.status === 403) throw new TeamApiError('auth', 'The team server refused the sign-in: sign in again');
    if (response.status >= 500) throw new TeamApiError('server', `The team server failed (HTTP ${response.status})`);
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new TeamApiError('invalid', `The team server's answer is not JSON (HTTP ${response.status}): ${text.slice(0, 120)}`);
    }
    const answer = GraphQlAnswer.safeParse(body);
    if (!answer.success) throw new TeamApiError('invalid', `The team server's answer is not a GraphQL answer (HTTP ${response.status})`);
    const errors = answer.data.errors ?? [];
    if (errors.length > 0) {
      const message = errors.map((e) => e.message).join('; ');
      const auth = errors.some((e) => e.errcode === SIGN_IN_AGAIN || JWT_FAILURE.test(e.message));
      throw new TeamApiError(auth ? 'auth' : 'refused', `The team server refused it: ${message}`);
    }
    if (response.status !== 200) throw new TeamApiError('refused', `The team server answered HTTP ${response.status}`);
    const value = schema.safeParse(answer.data.data?.[field]);
    if (!value.success) {
      const issue = value.error.issues[0];
      throw new TeamApiError('invalid', `The team server's ${field} answer is not what Council Minutes expects (${issue?.path.join('.') || field}: ${issue?.message ?? 'invalid'})`);
    }
    return value.data;
  }

  return {
    authenticate: (email, password) =>
      call(AUTHENTICATE, { email, password }, 'authenticate', z.object({ jwtToken: z.string().nullable() }).nullable()).then((a) => a?.jwtToken ?? null),
    currentMember: () => call(CURRENT_MEMBER, {}, 'currentMember', MemberSchema.nullable()),
    publish: (rows) => call(PUBLISH, { rows }, 'publish', z.object({ result: PublishResultSchema })).then((p) => p.result),
    pull: (args) => call(PULL, args, 'pull', z.array(PullRowSchema)),
    searchTeam: (q, first) => call(SEARCH_TEAM, { q, first }, 'searchTeam', z.array(TeamSearchHitSchema)),
  };
}
