import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startCluster, type Cluster } from '../../server/cluster';
import { meeting } from '../support/records';
import { rowsOfMeeting } from '../support/teamRows';
import { signIn } from '../support/teamServer';
import { publish, pullAll } from './api';

const run = promisify(execFile);
let cluster: Cluster;
let api: ChildProcess | undefined;
let ownerUrl: string;

beforeAll(async () => {
  cluster = await startCluster();
  // README "Production set-up", step 1: an owner that can create roles, and its database.
  const su = new pg.Client({ connectionString: cluster.superUrl });
  await su.connect();
  await su.query(`create role team_owner login createrole password 'owner-password'`);
  await su.query('create database prod owner team_owner');
  await su.end();
  ownerUrl = `postgres://team_owner:owner-password@127.0.0.1:${cluster.port}/prod`;
});
afterAll(async () => {
  if (api && api.exitCode === null) {
    api.kill('SIGTERM');
    await new Promise((resolve) => api!.once('exit', resolve));
  }
  await cluster?.stop();
});

describe('production set-up as the README gives it', () => {
  it('applies the migrations as the database owner (not a superuser), once', async () => {
    const first = await run('npx', ['tsx', 'server/migrate.ts', ownerUrl]);
    expect(first.stdout.trim()).toBe('Applied 001_schema.sql, 002_api.sql, 003_analysis.sql, 004_admin.sql');
    const again = await run('npx', ['tsx', 'server/migrate.ts', ownerUrl]);
    expect(again.stdout.trim()).toBe('Nothing to apply: the database is up to date');
  });

  it('serves the API as team_authenticator; accounts made in psql sign in and publish', async () => {
    const owner = new pg.Client({ connectionString: ownerUrl });
    await owner.connect();
    await owner.query(`alter role team_authenticator password 'authenticator-password'`);
    await owner.query(`select team_admin.create_team('Housing group')`);
    await owner.query(`select team_admin.create_member('Housing group', 'ann@uni.example', 'a long password', 'Ann')`);
    await expect(owner.query(`select team_admin.create_member('Housing group', 'bob@uni.example', 'short', 'Bob')`)).rejects.toThrow(
      'A password needs at least 8 characters',
    );
    await owner.end();

    const port = await freePort();
    api = spawn(process.execPath, ['--import', 'tsx', 'server/serve.ts'], {
      env: {
        ...process.env,
        DATABASE_URL: `postgres://team_authenticator:authenticator-password@127.0.0.1:${cluster.port}/prod`,
        JWT_SECRET: 'a-production-secret-of-at-least-32-characters',
        PORT: String(port),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const line = await new Promise<string>((resolve) => api!.stdout!.once('data', (d: Buffer) => resolve(d.toString().trim())));
    const url = `http://127.0.0.1:${port}/graphql`;
    expect(line).toBe(`team-api: listening at ${url}`);

    const token = await signIn(url, 'ann@uni.example', 'a long password');
    expect(await publish(url, token, rowsOfMeeting(meeting()))).toEqual({ inserted: 9, updated: 0, skipped: 0, rejected: [] });
    expect(await pullAll(url, token)).toHaveLength(9);
  });

  it('refuses to start without its secrets', async () => {
    const result = await run(process.execPath, ['--import', 'tsx', 'server/serve.ts'], { env: { ...process.env, DATABASE_URL: '', JWT_SECRET: 'short' } }).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(result).toMatchObject({ code: 2 });
    expect((result as { stderr: string }).stderr).toMatch(/set DATABASE_URL .* and JWT_SECRET \(at least 32 characters\)/);
  });
});
