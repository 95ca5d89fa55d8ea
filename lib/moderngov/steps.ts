/**
 * Work in steps: a generator that `yield`s wherever it may stop for the page to run (after each
 * item of a meeting). The same steps run in one go (`runToEnd`: the CLI, tests, collection) or in
 * slices that hand the main thread back between them (`runInSlices`: the content script, so a
 * page of a thousand items never holds the page's thread in one long task).
 */
export type Steps<T> = Generator<void, T, void>;

export function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

export interface SliceOptions {
  /** How long one slice may run before it gives the thread back (checked between steps). */
  sliceMs: number;
  /** Gives the thread back to the page; resolves when the next slice may run. */
  pause: () => Promise<void>;
  now?: () => number;
}

/** Runs the steps, pausing whenever a slice has run `sliceMs`; the result is `runToEnd`'s. */
export async function runInSlices<T>(steps: Steps<T>, { sliceMs, pause, now = () => performance.now() }: SliceOptions): Promise<T> {
  let sliceStart = now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (now() - sliceStart >= sliceMs) {
      await pause();
      sliceStart = now();
    }
  }
}

/**
 * Hands the main thread back to the page: `scheduler.yield()` where the browser has it (the rest
 * runs ahead of other queued work, so the reading is not starved), else a zero-delay timer.
 */
export function pauseForPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
