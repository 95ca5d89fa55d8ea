import { describe, expect, it } from 'vitest';
import { contentScriptTasks } from '../../bench/pageTasks';

const PAGE = 'http://www.southampton.gov.uk:4000/modernGov/ieListDocuments.aspx?CId=600&MId=7105&Ver=4';
const SCRIPT = 'chrome-extension://abcdefghijklmnop/content-scripts/content.js';
const main = { pid: 10, tid: 11 };
const task = (ts: number, dur: number, tdur = dur) => ({ name: 'RunTask', cat: 'toplevel', ph: 'X', ts, dur, tdur, ...main });

/** A trace as Chromium writes it (times in µs): the page's parse, five tasks on its main thread, one on another thread, and the profiler's samples. */
const events = [
  { name: 'ParseHTML', cat: 'devtools.timeline', ph: 'X', ts: 1_000, dur: 5_000, ...main, args: { beginData: { url: PAGE } } },
  task(1_000, 60_000, 58_000), // the page's own parse and layout: long, not the content script's
  task(100_000, 30_000, 12_000), // evaluates the content script
  { name: 'EvaluateScript', cat: 'devtools.timeline', ph: 'X', ts: 100_010, dur: 29_000, ...main, args: { data: { url: SCRIPT } } },
  task(140_000, 8_000), // a continuation after a yield: only the profiler names the script
  task(150_000, 70_000, 20_000), // a long continuation
  task(300_000, 5_000), // the page's own, after the reading
  { name: 'RunTask', cat: 'toplevel', ph: 'X', ts: 140_000, dur: 90_000, tdur: 90_000, pid: 10, tid: 99 }, // another thread
  { name: 'Profile', cat: 'disabled-by-default-v8.cpu_profiler', ph: 'P', ts: 0, id: '0x1', ...main, args: { data: { startTime: 140_000 } } },
  {
    name: 'ProfileChunk',
    cat: 'disabled-by-default-v8.cpu_profiler',
    ph: 'P',
    ts: 0,
    id: '0x1',
    pid: 10,
    tid: 12,
    args: {
      data: {
        cpuProfile: {
          nodes: [
            { id: 1, callFrame: { url: '' } },
            { id: 2, parent: 1, callFrame: { url: SCRIPT } },
            { id: 3, parent: 2, callFrame: { url: '' } }, // a native call made by the script
            { id: 4, parent: 1, callFrame: { url: 'http://www.southampton.gov.uk:4000/page.js' } },
          ],
          // At 140.5, 160.5 (the script, in a native call it made) and 300.5 ms (the page's own script).
          samples: [2, 3, 4],
        },
        timeDeltas: [500, 20_000, 140_000],
      },
    },
  },
];

describe('the content script’s tasks in a Chromium trace', () => {
  it('counts the tasks of the page’s main thread that ran the extension’s code, longest first', () => {
    const { contentScript, long } = contentScriptTasks(events, PAGE);
    expect(contentScript).toEqual([
      { ms: 70, cpuMs: 20 },
      { ms: 30, cpuMs: 12 },
      { ms: 8, cpuMs: 8 },
    ]);
    // Over 50 ms on the main thread, whoever ran them.
    expect(long).toEqual([
      { ms: 70, cpuMs: 20 },
      { ms: 60, cpuMs: 58 },
    ]);
  });

  it('refuses a trace without the page', () => {
    expect(() => contentScriptTasks(events.slice(1), PAGE)).toThrow(/no parse/);
  });
});
