import { describe, expect, it } from 'vitest';
import type { PageTaskResult } from '../../bench/pageTasks';
import { benchRows, table, type BenchResults } from '../../bench/report';
import { BenchJsonSchema, BenchRowSchema, benchRow, atMost, atLeast } from '../../bench/rows';

const machine = { cpus: 2, cpuModel: 'test', node: 'v20', chromium: 'Chromium 156', platform: 'Linux', loadAverageAtStart: [1, 1, 1], loadAverageAtEnd: [1, 1, 1] };

function pageTasks(longestMs: number, cpuMs: number, badgeAfterLoadMs: number): PageTaskResult {
  const run = { badgeMs: 300 + badgeAfterLoadMs, badgeAfterLoadMs, domContentLoadedMs: 250, loadMs: 300, badge: '200', contentScriptTasks: [{ ms: longestMs, cpuMs }], allLongTasks: [] };
  return { page: 'synthetic: 200 items', items: 200, bytes: 632_000, runs: [run], longest: { ms: longestMs, cpuMs }, medianBadgeAfterLoadMs: badgeAfterLoadMs, medianBadgeMs: 300 + badgeAfterLoadMs };
}

describe('bench rows', () => {
  it('gives every figure as {name, value, unit, target, met}, met from the value against the target', () => {
    const results: BenchResults = {
      date: '2026-11-30T12:00:00.000Z',
      machine,
      seconds: 10,
      contentScript: { file: 'content.js', minifiedBytes: 53_282, gzipBytes: 19_574 },
      pageTasks: [pageTasks(31.5, 12.25, 40)],
    };
    const rows = benchRows(results);
    for (const row of rows) expect(BenchRowSchema.parse(row)).toEqual(row);
    const [size, wall, cpu, badge] = rows;
    // 53,282 bytes = 52.03 KiB, over 30 KiB.
    expect(size).toMatchObject({ value: 53_282 / 1024, unit: 'KiB', target: { op: '<=', value: 30 }, met: false });
    expect(wall).toMatchObject({ value: 31.5, unit: 'ms', target: { op: '<=', value: 50 }, met: true });
    expect(cpu).toMatchObject({ value: 12.25, unit: 'ms', met: true });
    expect(badge).toMatchObject({ value: 40, unit: 'ms', target: { op: '<=', value: 500 }, met: true });
    expect(rows).toHaveLength(4);
  });

  it('makes the Markdown table from the rows', () => {
    const rows = [
      benchRow('Search at 100k, p50', 30.5, 'ms', atMost(50), 'p50 **30.5 ms**'),
      benchRow('Save / raw puts', 0.115, 'ratio', atLeast(0.5), 'ratio **0.115**'),
      benchRow('Search at 10k | p50', 2.4, 'ms', null, 'p50 2.40 ms'),
    ];
    expect(table(rows).split('\n')).toEqual([
      '| Measure | Figure | Target | |',
      '|---|---|---|---|',
      '| Search at 100k, p50 | p50 **30.5 ms** | ≤ 50 ms | met |',
      '| Save / raw puts | ratio **0.115** | ≥ 0.5 | **not met** |',
      '| Search at 10k \\| p50 | p50 2.40 ms | — | — |',
    ]);
  });

  it('has met null with no target, no figure, or a figure short of the target size', () => {
    expect(benchRow('a', 3, 'ms', null, '').met).toBeNull();
    expect(benchRow('b', null, 'ms', atMost(50), '').met).toBeNull();
    expect(benchRow('c', 30, 'ms', atMost(50), '', false).met).toBeNull();
  });

  it('refuses a row whose met does not follow from its value and target, and a file without rows', () => {
    expect(BenchRowSchema.safeParse({ name: 'x', value: 60, unit: 'ms', target: { op: '<=', value: 50 }, met: true, detail: '' }).success).toBe(false);
    expect(BenchRowSchema.safeParse({ name: 'x', value: 60, unit: 'ms', target: null, met: false, detail: '' }).success).toBe(false);
    expect(BenchRowSchema.safeParse({ name: 'x', value: Number.NaN, unit: 'ms', target: null, met: null, detail: '' }).success).toBe(false);
    expect(BenchRowSchema.safeParse({ name: 'x', value: 60, unit: 'ms', target: { op: '<', value: 50 }, met: false, detail: '' }).success).toBe(false);
    expect(BenchJsonSchema.safeParse({ date: 'd', machine, seconds: 1 }).success).toBe(false);
    expect(BenchJsonSchema.safeParse({ date: 'd', machine, seconds: 1, rows: [benchRow('x', 1, 'ms', atMost(2), '')] }).success).toBe(true);
  });
});
