/** Where an element stands against the elements a test picks out ("breaks"): it is one and holds
 * more (`self`), it is one and holds none (`self-only`), it holds one (`inside`), or it is
 * neither and holds none (`none`). */
export type Where = 'self' | 'self-only' | 'inside' | 'none';

/**
 * The elements under a root that `isBreak` picks out, in page order, met one by one by a walk
 * of the root in page order. Whether an element holds one is then a `contains` check against
 * the next, so a walk can read an element that holds none as its `textContent` — one native
 * call instead of a JavaScript visit of every node — without asking again at every element it
 * passes (a chain of wrappers around a deep break made that quadratic). The elements are listed
 * by a loop over `getElementsByTagName('*')` with the walk's own test, rather than a selector
 * that would have to match exactly what the test does (tag names in XML keep their case).
 *
 * The walk must call `at` for every element it enters, in page order, and `pass` for every
 * element whose inside it does not enter.
 */
export class Breaks {
  private readonly list: Element[] = [];
  private next = 0;

  constructor(root: Node, isBreak: (el: Element) => boolean) {
    if (root.nodeType !== 1 && root.nodeType !== 9 && root.nodeType !== 11) return;
    const all = root.nodeType === 11 ? (root as DocumentFragment).querySelectorAll('*') : (root as Element).getElementsByTagName('*');
    for (let i = 0; i < all.length; i++) {
      const el = all[i] as Element;
      if (isBreak(el)) this.list.push(el);
    }
  }

  /** The root itself: never one of its own breaks. */
  atRoot(): Where {
    return this.list.length > 0 ? 'self' : 'self-only';
  }

  at(el: Element): Where {
    const next = this.list[this.next];
    if (next === el) {
      this.next++;
      const after = this.list[this.next];
      return after && el.contains(after) ? 'self' : 'self-only';
    }
    return next && el.contains(next) ? 'inside' : 'none';
  }

  /** Passes the breaks inside an element the walk leaves out. */
  pass(el: Element): void {
    while (this.next < this.list.length && el.contains(this.list[this.next] as Element)) this.next++;
  }
}
