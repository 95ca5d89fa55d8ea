/** The browser's estimate of what this origin stores and may store (`navigator.storage.estimate()`), in bytes. */
export interface SpaceEstimate {
  usage?: number;
  quota?: number;
}

export type EstimateSpace = () => Promise<SpaceEstimate>;

const MIB = 1024 * 1024;
/** Warn when less than this is left, whatever the quota… */
export const MIN_FREE_BYTES = 50 * MIB;
/** …or less than this share of the quota… */
export const MIN_FREE_SHARE = 0.05;
/** …or less than this many times what the save will write: its rows, their word index, and the database's own overhead. */
export const SAVE_FACTOR = 10;

/** The browser's estimate; none where the API is missing or fails (no warning then: the save goes ahead and a refusal is still reported). */
export const browserEstimate: EstimateSpace = async () => {
  try {
    return (await globalThis.navigator?.storage?.estimate?.()) ?? {};
  } catch {
    return {};
  }
};

const inMib = (bytes: number) => (bytes >= 10 * MIB ? `${Math.round(bytes / MIB)} MiB` : `${(bytes / MIB).toFixed(1)} MiB`);

/**
 * A warning when the space left for the library is short of the margin, else null. `writeBytes`
 * is what the write is about to store, roughly (its JSON's length). The write is not stopped: the
 * browser alone knows whether it fits, and refuses it whole if not (nothing of it written).
 */
export function spaceWarning(estimate: SpaceEstimate, writeBytes: number): string | null {
  const { usage, quota } = estimate;
  if (typeof usage !== 'number' || typeof quota !== 'number' || !(quota > 0)) return null;
  const free = Math.max(0, quota - usage);
  const margin = Math.max(MIN_FREE_BYTES, quota * MIN_FREE_SHARE, writeBytes * SAVE_FACTOR);
  if (free >= margin) return null;
  return (
    `Space is running out: about ${inMib(free)} is left for the library. Everything already in the library is kept. ` +
    'Free some disk space before saving more: a save the browser refuses for lack of space is not written at all.'
  );
}

/** Whether a write failed for want of space: the browser's refusal, or Dexie's wrapping of it (its `inner`), known by its name. */
export const isDiskFull = (error: unknown): boolean =>
  [error, (error as { inner?: unknown } | null)?.inner].some((e) => (e as { name?: unknown } | null | undefined)?.name === 'QuotaExceededError');
