import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CDPSession, Page, Worker } from 'playwright-core';
import { launchWithExtension, newProfileDir, tabIdOf } from '../e2e/support/browser';
import { serveCouncil } from '../e2e/support/server';
import { REPO_ROOT, tempDir } from './config';
import type { FixturePage } from './fixtures';
import { median } from './stats';

const REPEATS = 3;
/** Tracing goes on this long after the badge, for any reading left (completion, stragglers). */
const AFTER_BADGE_MS = 500;
// The timeline gives the main thread's tasks; V8's sampling profiler says whose code ran in them.
const TRACE_CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'disabled-by-default-v8.cpu_profiler'].join(',');

interface CallFrame {
  url?: string;
}
interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: CallFrame;
}

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread time: the task's time on the CPU, without the time the thread waited for one. */
  tdur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: {
    name?: string;
    data?: {
      url?: string;
      startTime?: number;
      cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
      timeDeltas?: number[];
    };
    beginData?: { url?: string };
  };
}

/** A task of the page's main thread: its wall-clock length, and its time on the CPU (less when other work on the machine held the CPU meanwhile). */
export interface Task {
  ms: number;
  cpuMs: number;
}

/** One load of a page with the extension: its main thread's tasks that ran the content script. */
export interface PageTaskRun {
  /** Milliseconds from the page's navigation start until the background set its badge (the clock of the machine, read in the worker). */
  badgeMs: number;
  /** The same, from the end of the page's load event: the time to badge the target is set on. */
  badgeAfterLoadMs: number;
  /** The page's own DOMContentLoaded and load ends, from navigation start. */
  domContentLoadedMs: number;
  loadMs: number;
  badge: string;
  /** Top-level tasks of the page's main thread that ran the extension's code, longest first. */
  contentScriptTasks: Task[];
  /** Every task of the page's main thread over 50 ms, whatever it ran (the page's own parse and layout too). */
  allLongTasks: Task[];
}

export interface PageTaskResult {
  page: string;
  items: number;
  bytes: number;
  runs: PageTaskRun[];
  /** The longest content-script task over every run. */
  longest: Task;
  medianBadgeAfterLoadMs: number;
  medianBadgeMs: number;
}

declare const chrome: { action: { setBadgeText: (details: { tabId?: number; text: string }) => Promise<void> } };

/** The background's badge calls, each with the time it was made (ms since the epoch), kept in the worker. */
async function recordBadgeCalls(worker: Worker): Promise<void> {
  await worker.evaluate(() => {
    const world = globalThis as unknown as { badgeCalls?: { tabId?: number; text: string; at: number }[] };
    if (world.badgeCalls) return;
    const calls: { tabId?: number; text: string; at: number }[] = [];
    world.badgeCalls = calls;
    const setBadgeText = chrome.action.setBadgeText.bind(chrome.action);
    chrome.action.setBadgeText = (details) => {
      calls.push({ tabId: details.tabId, text: details.text, at: Date.now() });
      return setBadgeText(details);
    };
  });
}

async function badgeCall(worker: Worker, tabId: number): Promise<{ text: string; at: number } | undefined> {
  return worker.evaluate(
    (id) => (globalThis as unknown as { badgeCalls: { tabId?: number; text: string; at: number }[] }).badgeCalls.find((c) => c.tabId === id && c.text !== ''),
    tabId,
  );
}

async function readTrace(cdp: CDPSession): Promise<TraceEvent[]> {
  const complete = new Promise<string>((resolve) => cdp.once('Tracing.tracingComplete', (e) => resolve(e.stream ?? '')));
  await cdp.send('Tracing.end');
  const stream = await complete;
  let text = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle: stream });
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  const parsed = JSON.parse(text) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  return Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
}

const EXTENSION_URL = /^chrome-extension:\/\//;

/** Times (trace µs) of the profiler's samples on a thread whose stack holds the extension's code. */
function extensionSampleTimes(events: TraceEvent[], pid: number, tid: number): number[] {
  const profiles = new Set(events.filter((e) => e.name === 'Profile' && e.pid === pid && e.tid === tid).map((e) => e.id));
  const start = new Map(events.filter((e) => e.name === 'Profile' && profiles.has(e.id)).map((e) => [e.id, e.args?.data?.startTime ?? e.ts]));
  const parent = new Map<number, number | undefined>();
  const ownUrl = new Map<number, boolean>();
  const times: number[] = [];
  const clock = new Map<string | undefined, number>();
  for (const chunk of events.filter((e) => e.name === 'ProfileChunk' && profiles.has(e.id))) {
    const data = chunk.args?.data;
    for (const node of data?.cpuProfile?.nodes ?? []) {
      parent.set(node.id, node.parent);
      ownUrl.set(node.id, EXTENSION_URL.test(node.callFrame.url ?? ''));
    }
    let t = clock.get(chunk.id) ?? start.get(chunk.id) ?? 0;
    const samples = data?.cpuProfile?.samples ?? [];
    const deltas = data?.timeDeltas ?? [];
    samples.forEach((node, i) => {
      t += deltas[i] ?? 0;
      for (let n: number | undefined = node; n !== undefined; n = parent.get(n)) {
        if (ownUrl.get(n)) {
          times.push(t);
          break;
        }
      }
    });
    clock.set(chunk.id, t);
  }
  return times.sort((a, b) => a - b);
}

/**
 * The page's main thread: the renderer's thread that parsed the page's HTML. Its top-level tasks
 * (`RunTask`) are what the page's responsiveness is made of. A task is the content script's when
 * it evaluated the script (`EvaluateScript` of a `chrome-extension://` file) or when V8's sampling
 * profiler caught the extension's code on the stack inside it (continuations after a yield,
 * message replies and microtasks name no script of their own).
 */
export function contentScriptTasks(events: TraceEvent[], pageUrl: string): { contentScript: Task[]; long: Task[] } {
  const parse = events.find((e) => e.name === 'ParseHTML' && e.args?.beginData?.url === pageUrl);
  if (!parse) throw new Error(`the trace holds no parse of ${pageUrl}`);
  const thread = events.filter((e) => e.pid === parse.pid && e.tid === parse.tid && e.ph === 'X');
  const tasks = thread.filter((e) => e.name === 'RunTask').sort((a, b) => a.ts - b.ts);
  const marks = [
    ...thread.filter((e) => EXTENSION_URL.test(e.args?.data?.url ?? '')).map((e) => e.ts),
    ...extensionSampleTimes(events, parse.pid, parse.tid),
  ];
  const asTask = (t: TraceEvent): Task => ({ ms: (t.dur ?? 0) / 1000, cpuMs: (t.tdur ?? t.dur ?? 0) / 1000 });
  const contentScript = tasks.filter((task) => marks.some((t) => t >= task.ts && t < task.ts + (task.dur ?? 0))).map(asTask);
  const long = tasks.map(asTask).filter((t) => t.ms > 50);
  const desc = (a: Task, b: Task) => b.ms - a.ms;
  return { contentScript: contentScript.sort(desc), long: long.sort(desc) };
}

async function loadOnce(page: Page, worker: Worker, url: string): Promise<PageTaskRun> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Tracing.start', { categories: TRACE_CATEGORIES, transferMode: 'ReturnAsStream' });
  try {
    await page.goto(url);
    const tabId = await tabIdOf(worker, url);
    const started = Date.now();
    let call: { text: string; at: number } | undefined;
    while (!(call = await badgeCall(worker, tabId)) && Date.now() - started < 20_000) await new Promise((r) => setTimeout(r, 20));
    if (!call) throw new Error(`the extension did not read ${url}`);
    await new Promise((r) => setTimeout(r, AFTER_BADGE_MS));
    const nav = await page.evaluate(() => {
      const entry = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      return { timeOrigin: performance.timeOrigin, domContentLoaded: entry?.domContentLoadedEventEnd ?? Number.NaN, load: entry?.loadEventEnd ?? Number.NaN };
    });
    const events = await readTrace(cdp);
    if (process.env.BENCH_DUMP_TRACE) writeFileSync(process.env.BENCH_DUMP_TRACE, JSON.stringify(events));
    const tasks = contentScriptTasks(events, url);
    const badgeMs = call.at - nav.timeOrigin;
    return {
      badgeMs,
      badgeAfterLoadMs: badgeMs - nav.load,
      domContentLoadedMs: nav.domContentLoaded,
      loadMs: nav.load,
      badge: call.text,
      contentScriptTasks: tasks.contentScript,
      allLongTasks: tasks.long,
    };
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/**
 * The e2e build of the extension; each page served at its council's host, loaded `REPEATS` times
 * in a new tab with Chromium's tracing on, until the background has set the tab's badge (and
 * half a second more).
 */
export async function benchPageTasks(pages: (FixturePage & { items: number })[], log: (line: string) => void): Promise<PageTaskResult[]> {
  execFileSync('npx', ['wxt', 'build', '--mode', 'e2e'], { cwd: REPO_ROOT, stdio: 'pipe' });
  const pagesDir = tempDir('task-pages');
  const profile = newProfileDir();
  const browser = await launchWithExtension(profile);
  const results: PageTaskResult[] = [];
  try {
    await recordBadgeCalls(browser.worker);
    for (const [i, fixture] of pages.entries()) {
      const file = path.join(pagesDir, `page-${i}.html`);
      writeFileSync(file, fixture.html);
      const { hostname, pathname, search } = new URL(fixture.url);
      const server = await serveCouncil({ [`${pathname}${search}`]: file }, hostname);
      const runs: PageTaskRun[] = [];
      try {
        for (let r = 0; r < REPEATS; r++) {
          const tab = await browser.context.newPage();
          try {
            await recordBadgeCalls(browser.worker);
            runs.push(await loadOnce(tab, browser.worker, server.url(`${pathname}${search}`)));
          } finally {
            await tab.close();
          }
        }
      } finally {
        await server.close();
      }
      const result: PageTaskResult = {
        page: fixture.name,
        items: fixture.items,
        bytes: Buffer.byteLength(fixture.html),
        runs,
        longest: runs.map((r) => r.contentScriptTasks[0] ?? { ms: 0, cpuMs: 0 }).sort((a, b) => b.ms - a.ms)[0] ?? { ms: 0, cpuMs: 0 },
        medianBadgeAfterLoadMs: median(runs.map((r) => r.badgeAfterLoadMs)),
        medianBadgeMs: median(runs.map((r) => r.badgeMs)),
      };
      log(`page tasks: ${fixture.name}: longest content-script task ${result.longest.ms.toFixed(1)} ms (${result.longest.cpuMs.toFixed(1)} ms on the CPU); badge ${result.medianBadgeAfterLoadMs.toFixed(0)} ms after load, ${result.medianBadgeMs.toFixed(0)} ms after navigation start (median of ${REPEATS}); content-script tasks per run ${runs.map((r) => r.contentScriptTasks.length).join(', ')}`);
      results.push(result);
    }
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
    rmSync(pagesDir, { recursive: true, force: true });
  }
  return results;
}
