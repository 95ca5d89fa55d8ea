import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type RunningApi } from '../../server/api';
import { startTeamServer, type TeamServer } from '../support/teamServer';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
async function until(check: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return check();
}

describe('the throwaway server', () => {
  it('stops by PID: the API, the cluster and its folder are gone', async () => {
    const server = await startTeamServer();
    expect(alive(server.pid) && alive(server.pgPid) && existsSync(server.dir)).toBe(true);
    await server.stop();
    expect(alive(server.pid)).toBe(false);
    expect(alive(server.pgPid)).toBe(false);
    expect(existsSync(server.dir)).toBe(false);
  });

  it('cleans up when the process that started it is killed without warning', { timeout: 150_000 }, async () => {
    // A parent that starts `npm run team-server`'s script, prints its ready line and is then SIGKILLed.
    const parent = spawn(process.execPath, ['-e', `
      const { spawn } = require('node:child_process');
      const child = spawn(process.execPath, ['--import', 'tsx', 'server/dev.ts'], { stdio: ['ignore', 'pipe', 'inherit'] });
      child.stdout.on('data', (d) => process.stdout.write(d));
      setInterval(() => {}, 1000);
    `], { stdio: ['ignore', 'pipe', 'inherit'] });
    const line = await new Promise<string>((resolve) => {
      let out = '';
      parent.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('\n')) resolve(out.split('\n')[0]!);
      });
    });
    const ready = JSON.parse(line) as { pid: number; pgPid: number; dir: string };
    expect(existsSync(ready.dir)).toBe(true);
    parent.kill('SIGKILL');
    expect(await until(() => !alive(ready.pid) && !alive(ready.pgPid) && !existsSync(ready.dir), 120_000)).toBe(true);
  });
});

describe('the API over HTTP', () => {
  let server: TeamServer;
  let production: RunningApi;

  beforeAll(async () => {
    server = await startTeamServer();
    // The production API (server/serve.ts's settings): its own login in the authenticator's place.
    await server.sql(`create role api_cors login noinherit password 'api-cors-password'; grant team_anonymous, team_member to api_cors`);
    const port = new URL(server.pgUrl).port;
    production = await startApi({
      databaseUrl: `postgres://api_cors:api-cors-password@127.0.0.1:${port}/team`,
      jwtSecret: server.jwtSecret,
      host: '127.0.0.1',
      port: 0,
      origins: ['https://team.example.ac.uk'],
    });
  });
  afterAll(async () => {
    await production?.close();
    await server?.stop();
  });

  const preflight = (url: string, origin: string) =>
    fetch(url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' } });

  it('lets extension origins, and listed origins, send a bearer token; not other sites', async () => {
    for (const origin of ['chrome-extension://abcdefghijklmnopabcdefghijklmnop', 'moz-extension://0b8e0a4c-7d3e-4c55-9d1b-2f3b0a1e9c11', 'https://team.example.ac.uk']) {
      const response = await preflight(production.url, origin);
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe(origin);
      expect(response.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
    }
    const other = await preflight(production.url, 'https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const post = await fetch(production.url, { method: 'POST', headers: { origin: 'https://evil.example', 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
    expect(post.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers any origin on the throwaway server (tests, development)', async () => {
    const response = await preflight(server.url, 'http://localhost:3000');
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
  });
});
