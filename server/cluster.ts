import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/** A throwaway PostgreSQL cluster: its own folder, a free loopback port, stopped by PID. */
export interface Cluster {
  dir: string;
  port: number;
  pid: number;
  /** The superuser's connection string to the `team` database. */
  superUrl: string;
  stop(): Promise<void>;
}

/** Debian puts each major version's server binaries in /usr/lib/postgresql/N/bin; the newest wins. */
function binDir(): string {
  if (process.env.TEAM_PG_BIN) return process.env.TEAM_PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  const found = versions.map((v) => path.join(root, v, 'bin')).find((dir) => existsSync(path.join(dir, 'postgres')));
  if (!found) throw new Error('PostgreSQL is not installed: apt-get install -y postgresql (or set TEAM_PG_BIN)');
  return found;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Postgres refuses to run as root: as root, the cluster belongs to the `postgres` user. */
function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  return { uid, gid };
}

async function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return true;
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

export interface ClusterOptions {
  /** Without fsync or synchronous commit: faster tests on a busy disk, nothing survives a crash (the folder never does). */
  fast?: boolean;
}

export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
  const bin = binDir();
  const user = runAs();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'council-team-'));
  const data = path.join(dir, 'data');
  const password = randomBytes(18).toString('base64url');
  const pwfile = path.join(dir, 'pwfile');
  writeFileSync(pwfile, password, { mode: 0o600 });
  if (user) {
    chownSync(dir, user.uid, user.gid);
    chownSync(pwfile, user.uid, user.gid);
  }
  let child: ChildProcess | undefined;
  const cleanUp = async () => {
    if (child?.pid && child.exitCode === null && child.signalCode === null) {
      // Immediate shutdown: no shutdown checkpoint, since the folder is deleted next.
      child.kill('SIGQUIT');
      if (!(await waitForExit(child, 20_000))) child.kill('SIGKILL');
    }
    await rm(dir, { recursive: true, force: true });
  };
  try {
    execFileSync(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--pwfile', pwfile, '-A', 'scram-sha-256',
      '--auth-local', 'trust', '-E', 'UTF8', '--locale', 'C.UTF-8', '--no-sync'], { ...user, stdio: 'pipe' });
    const port = await freePort();
    child = spawn(path.join(bin, 'postgres'), ['-D', data, '-p', String(port), '-c', 'listen_addresses=127.0.0.1',
      '-c', `unix_socket_directories=${dir}`, '-c', 'max_connections=50',
      ...(options.fast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : [])], { ...user, stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      log = (log + chunk.toString()).slice(-4000);
    });
    const superUrl = `postgres://postgres:${password}@127.0.0.1:${port}`;
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`postgres exited at start:\n${log}`);
      const client = new pg.Client({ connectionString: `${superUrl}/postgres` });
      try {
        await client.connect();
        await client.query('create database team');
        await client.end();
        break;
      } catch (error) {
        await client.end().catch(() => undefined);
        if (Date.now() > deadline) throw new Error(`postgres did not accept connections in 30 s: ${(error as Error).message}\n${log}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    return { dir, port, pid: child.pid!, superUrl: `${superUrl}/team`, stop: cleanUp };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}
