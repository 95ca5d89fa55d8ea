/** A binary heap. `above(a, b)`: a belongs nearer the root than b; a strict total order gives a stable result. */
export class Heap<T> {
  private readonly items: T[] = [];

  constructor(private readonly above: (a: T, b: T) => boolean) {}

  get size(): number {
    return this.items.length;
  }

  /** The root: the item every other is below. */
  peek(): T | undefined {
    return this.items[0];
  }

  push(item: T): void {
    this.items.push(item);
    this.up(this.items.length - 1);
  }

  pop(): T | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last !== undefined) {
      items[0] = last;
      this.down(0);
    }
    return top;
  }

  /** Puts `item` in the root's place (a full bounded heap dropping its root). */
  replaceTop(item: T): void {
    this.items[0] = item;
    this.down(0);
  }

  /** Every item, in no particular order. */
  toArray(): T[] {
    return [...this.items];
  }

  private up(index: number): void {
    const items = this.items;
    let i = index;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.above(items[i] as T, items[parent] as T)) break;
      [items[parent], items[i]] = [items[i] as T, items[parent] as T];
      i = parent;
    }
  }

  private down(index: number): void {
    const items = this.items;
    let i = index;
    for (;;) {
      let top = i;
      for (const child of [2 * i + 1, 2 * i + 2]) {
        if (child < items.length && this.above(items[child] as T, items[top] as T)) top = child;
      }
      if (top === i) return;
      [items[top], items[i]] = [items[i] as T, items[top] as T];
      i = top;
    }
  }
}
