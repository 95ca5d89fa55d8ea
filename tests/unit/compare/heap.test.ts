import { describe, expect, it } from 'vitest';
import { Heap } from '@/lib/compare/heap';

describe('Heap', () => {
  it('pops in its order, whatever the order pushed', () => {
    const heap = new Heap<number>((a, b) => a > b);
    for (const n of [5, 1, 9, 3, 7, 3, 8]) heap.push(n);
    const popped: number[] = [];
    for (let n = heap.pop(); n !== undefined; n = heap.pop()) popped.push(n);
    expect(popped).toEqual([9, 8, 7, 5, 3, 3, 1]);
    expect(heap.size).toBe(0);
  });

  it('replaces its root and keeps its order', () => {
    const heap = new Heap<number>((a, b) => a < b);
    for (const n of [4, 2, 6]) heap.push(n);
    expect(heap.peek()).toBe(2);
    heap.replaceTop(5);
    expect(heap.peek()).toBe(4);
    expect(heap.toArray().sort()).toEqual([4, 5, 6]);
  });
});
