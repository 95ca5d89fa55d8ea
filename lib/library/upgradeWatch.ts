import type { UpgradeListener, UpgradeProgress } from './versions';

/**
 * The first open's upgrade (versions.ts), for the views: a view that subscribes late hears the
 * latest report, then each one; null when nothing is being upgraded (the library opened, or
 * could not be opened, which every read then says).
 */
export interface UpgradeWatch {
  report: UpgradeListener;
  settle(): void;
  subscribe(listener: (progress: UpgradeProgress | null) => void): () => void;
}

export function upgradeWatch(): UpgradeWatch {
  let latest: UpgradeProgress | null = null;
  const listeners = new Set<(progress: UpgradeProgress | null) => void>();
  const tell = (progress: UpgradeProgress | null) => {
    latest = progress;
    for (const listener of listeners) listener(progress);
  };
  return {
    report: tell,
    settle: () => tell(null),
    subscribe(listener) {
      listener(latest);
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
