import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { startApi, type RunningApi } from './api';
import { startCluster, type Cluster } from './cluster';
import { migrate } from './migrate';

/**
 * `npm run team-server`: a throwaway cluster (its own temp folder and loopback port), the migrations,
 * and the API, for tests and local development. Prints one JSON line when ready:
 * {"url","pgUrl","analystUrl","pid","pgPid","dir"}. SIGTERM or SIGINT (or its parent going away)
 * stops the API and the cluster and deletes the folder.
 * TEAM_JWT_SECRET sets the signing secret (random otherwise); TEAM_API_PORT the API's port;
 * TEAM_PG_FAST=1 runs the cluster without fsync (tests).
 */
let cluster: Cluster | undefined;
let api: RunningApi | undefined;
let stopping: Promise<never> | undefined;

/** Stops once: a second signal (or the parent watch firing again) waits for the same clean-up. */
function stop(code: number): Promise<never> {
  stopping ??= (async () => {
    await api?.close().catch(() => undefined);
    await cluster?.stop().catch(() => undefined);
    process.exit(code);
  })();
  return stopping;
}

async function main(): Promise<void> {
  process.on('SIGTERM', () => void stop(0));
  process.on('SIGINT', () => void stop(0));
  // A test runner killed hard cannot send SIGTERM: the changed parent tells.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) void stop(0);
  }, 1000).unref();

  cluster = await startCluster({ fast: process.env.TEAM_PG_FAST === '1' });
  await migrate(cluster.superUrl);
  const authPassword = randomBytes(18).toString('base64url');
  const analystPassword = randomBytes(18).toString('base64url');
  const client = new pg.Client({ connectionString: cluster.superUrl });
  await client.connect();
  await client.query(`alter role team_authenticator with login password '${authPassword}'`);
  await client.query(`create role analyst login password '${analystPassword}' in role team_analyst`);
  await client.end();

  const base = `127.0.0.1:${cluster.port}/team`;
  api = await startApi({
    databaseUrl: `postgres://team_authenticator:${authPassword}@${base}`,
    jwtSecret: process.env.TEAM_JWT_SECRET || randomBytes(32).toString('base64url'),
    host: '127.0.0.1',
    port: Number(process.env.TEAM_API_PORT ?? 0),
    anyOrigin: true,
  });
  process.stdout.write(
    `${JSON.stringify({ url: api.url, pgUrl: cluster.superUrl, analystUrl: `postgres://analyst:${analystPassword}@${base}`, pid: process.pid, pgPid: cluster.pid, dir: cluster.dir })}\n`,
  );
}

main().catch((error: Error) => {
  console.error(`team-server: ${error.message}`);
  void stop(1);
});
