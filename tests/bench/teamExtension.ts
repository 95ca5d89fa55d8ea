import { rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { signIn, startTeamServer } from '../support/teamServer';
import { serveCouncil } from '../e2e/support/server';
import { bundleForPage } from './bundle';
import { launchPlain, tempDir } from './config';

/**
 * `npm run bench:team-extension [-- MEETINGS]`: publish and pull as the extension does them (its lib/team
 * code, in headless Chromium with the browser's IndexedDB) against a throwaway team server.
 * Each meeting is 20 items and 100 clauses; 1,000 meetings = 100,000 clauses. Figures are
 * printed, never asserted.
 */
async function main(): Promise<void> {
  const meetings = Number(process.argv[2] ?? 1000);
  const bundle = await bundleForPage('tests/bench/inPage/teamExtension.ts');
  const server = await startTeamServer();
  const dir = tempDir('team-pages');
  const blank = path.join(dir, 'blank.html');
  writeFileSync(blank, '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>team bench</title></head><body></body></html>');
  const site = await serveCouncil({ '/': blank });
  const { context, userDataDir } = await launchPlain();
  try {
    await server.createTeam('Bench');
    await server.createMember('Bench', 'bench@example.org', 'bench-password', 'Bench');
    const token = await signIn(server.url, 'bench@example.org', 'bench-password');
    const page = await context.newPage();
    await page.goto(site.url('/'));
    await page.addScriptTag({ content: bundle });
    const run = await page.evaluate(([url, jwt, n]) => window.__teamBench(url, jwt, n), [server.url, token, meetings] as const);
    const perSecond = (rows: number, ms: number) => Math.round(rows / (ms / 1000)).toLocaleString('en-GB');
    console.log(
      [
        `${os.cpus().length} × ${os.cpus()[0]?.model}; load average ${os.loadavg().map((n) => n.toFixed(2)).join(' ')}`,
        `library: ${run.clauses.toLocaleString('en-GB')} clauses; ${run.rows.toLocaleString('en-GB')} rows to publish`,
        `read the library into rows and queue them in the outbox: ${(run.queueMs / 1000).toFixed(1)} s`,
        `send: ${(run.sendMs / 1000).toFixed(1)} s, ${perSecond(run.rows, run.sendMs)} rows/s (${run.inserted.toLocaleString('en-GB')} inserted)`,
        `publish (read and queue + send): ${perSecond(run.rows, run.queueMs + run.sendMs)} rows/s`,
        `pull: ${run.pulled.toLocaleString('en-GB')} rows in ${(run.pullMs / 1000).toFixed(1)} s, ${perSecond(run.pulled, run.pullMs)} rows/s`,
      ].join('\n'),
    );
  } finally {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
    await site.close();
    rmSync(dir, { recursive: true, force: true });
    await server.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
