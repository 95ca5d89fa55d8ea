import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

/**
 * Starts `server/dev.ts` (what `npm run team-server` runs: a throwaway PostgreSQL cluster, the
 * migrations and the PostGraphile API) for a test, and stops it by PID. Teams and members are made
 * through SQL as the cluster's superuser, as an administrator would in psql.
 */
export interface TeamServer {
  /** The GraphQL endpoint, http://127.0.0.1:PORT/graphql. */
  url: string;
  /** The superuser's connection string (tests only: it bypasses row-level security). */
  pgUrl: string;
  /** A login in the read-only team_analyst role. */
  analystUrl: string;
  pid: number;
  pgPid: number;
  /** The cluster's temp folder, deleted when the server stops. */
  dir: string;
  /** The secret the API signs and checks tokens with (tests forge expired ones with it). */
  jwtSecret: string;
  createTeam(name: string): Promise<string>;
  createMember(team: string, email: string, password: string, displayName: string): Promise<string>;
  /** Runs SQL as the superuser. */
  sql<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, params?: unknown[]): Promise<R[]>;
  stop(): Promise<void>;
}

interface Ready {
  url: string;
  pgUrl: string;
  analystUrl: string;
  pid: number;
  pgPid: number;
  dir: string;
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function exited(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** `durable`: Postgres's own settings (fsync on), for the bench; tests run without fsync. */
export async function startTeamServer(options: { durable?: boolean } = {}): Promise<TeamServer> {
  const jwtSecret = randomBytes(32).toString('base64url');
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/dev.ts'], {
    cwd: ROOT,
    env: { ...process.env, TEAM_JWT_SECRET: jwtSecret, TEAM_PG_FAST: options.durable ? '0' : '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const ready = await new Promise<Ready>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`team server not ready in 90 s\n${stderr}`));
    }, 90_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line && out.includes('\n')) {
        clearTimeout(timer);
        resolve(JSON.parse(line) as Ready);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`team server exited (${code}) before it was ready\n${stderr}`));
    });
  });

  // One connection a call, closed before it returns: nothing is left open when the server stops.
  const sql = async <R extends pg.QueryResultRow>(text: string, params: unknown[] = []) => {
    const client = new pg.Client({ connectionString: ready.pgUrl });
    await client.connect();
    try {
      return (await client.query<R>(text, params)).rows;
    } finally {
      await client.end();
    }
  };
  return {
    ...ready,
    jwtSecret,
    sql,
    async createTeam(name) {
      const [row] = await sql<{ id: string }>('select team_admin.create_team($1) as id', [name]);
      return row!.id;
    },
    async createMember(team, email, password, displayName) {
      const [row] = await sql<{ id: string }>('select team_admin.create_member($1, $2, $3, $4) as id', [team, email, password, displayName]);
      return row!.id;
    },
    async stop() {
      child.kill('SIGTERM');
      if (await exited(child, 30_000)) return;
      // It did not stop in time: end it and its cluster by PID, and remove the cluster's folder.
      child.kill('SIGKILL');
      try {
        process.kill(ready.pgPid, 'SIGINT');
      } catch {
        // already gone
      }
      await exited(child, 5_000);
      rmSync(ready.dir, { recursive: true, force: true });
    },
  };
}

/** A GraphQL request as the extension makes it; `token` from signIn. */
export async function graphql<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<{ status: number; data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  return { status: response.status, ...body };
}

/** Signs a member in and returns their JWT; throws on wrong credentials. */
export async function signIn(url: string, email: string, password: string): Promise<string> {
  const { data, errors } = await graphql<{ authenticate: { jwtToken: string | null } }>(
    url,
    'mutation($email: String!, $password: String!) { authenticate(input: { email: $email, password: $password }) { jwtToken } }',
    { email, password },
  );
  const token = data?.authenticate.jwtToken;
  if (!token) throw new Error(`sign-in refused for ${email}: ${JSON.stringify(errors ?? data)}`);
  return token;
}
