import { Heap } from './heap';

/** The best `k` of a stream without sorting all of it: a heap whose root is the worst kept. */
export class TopK<T> {
  private readonly heap: Heap<T>;

  /** `better(a, b)`: a ranks before b. It must be a strict total order for a stable result. */
  constructor(
    private readonly k: number,
    private readonly better: (a: T, b: T) => boolean,
  ) {
    this.heap = new Heap<T>((a, b) => better(b, a));
  }

  push(item: T): void {
    const heap = this.heap;
    if (heap.size < this.k) heap.push(item);
    else if (heap.size > 0 && this.better(item, heap.peek() as T)) heap.replaceTop(item);
  }

  /** True when the heap is full and `worse(its worst)` holds: a cheap test before building an item. */
  rejects(worse: (worst: T) => boolean): boolean {
    return this.heap.size >= this.k && (this.k === 0 || worse(this.heap.peek() as T));
  }

  /** Best first. */
  sorted(): T[] {
    return this.heap.toArray().sort((a, b) => (this.better(a, b) ? -1 : this.better(b, a) ? 1 : 0));
  }
}
