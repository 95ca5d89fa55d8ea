import { Heap } from './heap';

/** A similarity between two docs, by their place in the list clustered. */
export interface Edge {
  a: number;
  b: number;
  score: number;
}

interface Candidate {
  average: number;
  a: number;
  b: number;
  /** The two clusters' merge counts when this was pushed: a later merge outdates it. */
  stampA: number;
  stampB: number;
}

/** Best average first; ties by position, so the result never depends on edge order. */
const before = (x: Candidate, y: Candidate): boolean =>
  x.average > y.average || (x.average === y.average && (x.a < y.a || (x.a === y.a && x.b < y.b)));

/**
 * Average-linkage (UPGMA) clustering on a sparse similarity graph: the two clusters whose
 * members are on average most alike merge first, while that average is at least `threshold`.
 * A pair with no edge counts as 0, so a cluster grows only while most of its members are alike:
 * unlike single linkage, two topics do not chain together through one item that mentions both.
 * Returns the clusters of two or more, as lists of positions.
 */
export function averageLinkage(count: number, edges: Edge[], threshold: number): number[][] {
  const sums: Map<number, number>[] = Array.from({ length: count }, () => new Map());
  const size = new Array<number>(count).fill(1);
  const stamp = new Array<number>(count).fill(0);
  const members: number[][] = Array.from({ length: count }, (_, i) => [i]);
  const alive = new Array<boolean>(count).fill(true);
  const heap = new Heap<Candidate>(before);
  for (const { a, b, score } of edges) {
    if (a === b) continue;
    const sum = (sums[a]?.get(b) ?? 0) + score;
    sums[a]?.set(b, sum);
    sums[b]?.set(a, sum);
  }
  sums.forEach((row, a) => {
    for (const [b, sum] of row) if (a < b && sum >= threshold) heap.push({ average: sum, a, b, stampA: 0, stampB: 0 });
  });
  for (let next = heap.pop(); next; next = heap.pop()) {
    const { a, b } = next;
    if (!alive[a] || !alive[b] || stamp[a] !== next.stampA || stamp[b] !== next.stampB) continue;
    // The larger cluster keeps its number: fewer sums move.
    const [keep, gone] = (size[a] as number) >= (size[b] as number) ? [a, b] : [b, a];
    const kept = sums[keep] as Map<number, number>;
    for (const [other, sum] of sums[gone] as Map<number, number>) {
      if (other === keep) continue;
      const merged = (kept.get(other) ?? 0) + sum;
      kept.set(other, merged);
      const row = sums[other] as Map<number, number>;
      row.delete(gone);
      row.set(keep, merged);
    }
    kept.delete(gone);
    (sums[gone] as Map<number, number>).clear();
    alive[gone] = false;
    size[keep] = (size[keep] as number) + (size[gone] as number);
    (members[keep] as number[]).push(...(members[gone] as number[]));
    members[gone] = [];
    stamp[keep] = (stamp[keep] as number) + 1;
    for (const [other, sum] of kept) {
      const average = sum / ((size[keep] as number) * (size[other] as number));
      if (average >= threshold) heap.push({ average, a: keep, b: other, stampA: stamp[keep] as number, stampB: stamp[other] as number });
    }
  }
  return members.filter((list, i) => alive[i] && list.length > 1);
}
