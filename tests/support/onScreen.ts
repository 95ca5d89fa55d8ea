import { afterEach, beforeEach, vi } from 'vitest';

/**
 * An IntersectionObserver for the component tests (happy-dom's never reports): nothing observed is
 * on screen until the test calls `scrollTo()`, which reports every element observed then as
 * shown, as the browser does when the researcher scrolls to it.
 */
export function onScreen(): { scrollTo(): void; observed(): Element[] } {
  let observers: Set<StubObserver>;
  class StubObserver {
    readonly targets: Element[] = [];
    constructor(readonly callback: IntersectionObserverCallback) {}
    observe(target: Element) {
      this.targets.push(target);
      observers.add(this);
    }
    unobserve(target: Element) {
      this.targets.splice(this.targets.indexOf(target), 1);
    }
    disconnect() {
      observers.delete(this);
    }
    takeRecords() {
      return [];
    }
  }
  beforeEach(() => {
    observers = new Set();
    vi.stubGlobal('IntersectionObserver', StubObserver);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });
  return {
    scrollTo() {
      for (const o of [...observers]) o.callback(o.targets.map((target) => ({ target, isIntersecting: true }) as IntersectionObserverEntry), o as unknown as IntersectionObserver);
    },
    observed: () => [...observers].flatMap((o) => o.targets),
  };
}
