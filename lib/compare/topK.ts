/** The best `k` of a stream without sorting all of it: a heap whose root is the worst kept. */
export class TopK<T> {
  private readonly heap: T[] = [];

  /** `better(a, b)`: a ranks before b. It must be a strict total order for a stable result. */
  constructor(
    private readonly k: number,
    private readonly better: (a: T, b: T) => boolean,
  ) {}

  push(item: T): void {
    const heap = this.heap;
    if (heap.length < this.k) {
      heap.push(item);
      this.up(heap.length - 1);
    } else if (heap.length > 0 && this.better(item, heap[0] as T)) {
      heap[0] = item;
      this.down(0);
    }
  }

  /** True when the heap is full and `worse(its worst)` holds: a cheap test before building an item. */
  rejects(worse: (worst: T) => boolean): boolean {
    return this.heap.length >= this.k && (this.k === 0 || worse(this.heap[0] as T));
  }

  /** Best first. */
  sorted(): T[] {
    return [...this.heap].sort((a, b) => (this.better(a, b) ? -1 : this.better(b, a) ? 1 : 0));
  }

  private up(index: number): void {
    const heap = this.heap;
    let i = index;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.better(heap[parent] as T, heap[i] as T)) break;
      [heap[parent], heap[i]] = [heap[i] as T, heap[parent] as T];
      i = parent;
    }
  }

  private down(index: number): void {
    const heap = this.heap;
    let i = index;
    for (;;) {
      let worst = i;
      for (const child of [2 * i + 1, 2 * i + 2]) {
        if (child < heap.length && this.better(heap[worst] as T, heap[child] as T)) worst = child;
      }
      if (worst === i) return;
      [heap[worst], heap[i]] = [heap[i] as T, heap[worst] as T];
      i = worst;
    }
  }
}
