/** At most one call started per `intervalMs`: a council's site gets no more than one request
 * a second from a batch collection, however many pages it needs. */
export function paced<A extends unknown[], R>(
  call: (...args: A) => Promise<R>,
  intervalMs: number,
  clock: { now(): number; sleep(ms: number): Promise<void> } = { now: () => Date.now(), sleep: (ms) => new Promise((r) => setTimeout(r, ms)) },
): (...args: A) => Promise<R> {
  let next = 0;
  return async (...args: A) => {
    const start = Math.max(clock.now(), next);
    next = start + intervalMs;
    const wait = start - clock.now();
    if (wait > 0) await clock.sleep(wait);
    return call(...args);
  };
}
