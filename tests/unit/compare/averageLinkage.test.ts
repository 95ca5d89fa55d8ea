import { describe, expect, it } from 'vitest';
import { averageLinkage } from '@/lib/compare/averageLinkage';

const sorted = (clusters: number[][]) => clusters.map((c) => [...c].sort((a, b) => a - b)).sort((a, b) => (a[0] as number) - (b[0] as number));

describe('averageLinkage', () => {
  it('does not chain two topics through one item like both', () => {
    // 0–1 one topic, 3–4 another; 2 is like 1 and like 3 (single linkage would join all five).
    const edges = [
      { a: 0, b: 1, score: 0.6 },
      { a: 3, b: 4, score: 0.6 },
      { a: 1, b: 2, score: 0.35 },
      { a: 2, b: 3, score: 0.35 },
    ];
    // {0,1}+{2}: (0 + 0.35) / 2 = 0.175, under 0.3; so 2 stays alone.
    expect(sorted(averageLinkage(5, edges, 0.3))).toEqual([[0, 1], [3, 4]]);
  });

  it('merges while the average over every pair of members stays at the threshold', () => {
    const edges = [
      { a: 0, b: 1, score: 0.9 },
      { a: 0, b: 2, score: 0.5 },
      { a: 1, b: 2, score: 0.5 },
    ];
    expect(sorted(averageLinkage(3, edges, 0.5))).toEqual([[0, 1, 2]]);
    // 0.5 average is under 0.6: the third stays out.
    expect(sorted(averageLinkage(3, edges, 0.6))).toEqual([[0, 1]]);
  });

  it('leaves docs like no other out, and gives the same clusters whatever the edge order', () => {
    const edges = [
      { a: 2, b: 3, score: 0.4 },
      { a: 0, b: 1, score: 0.4 },
      { a: 1, b: 2, score: 0.4 },
    ];
    const forward = sorted(averageLinkage(5, edges, 0.3));
    expect(sorted(averageLinkage(5, [...edges].reverse(), 0.3))).toEqual(forward);
    expect(forward.flat()).not.toContain(4);
  });
});
