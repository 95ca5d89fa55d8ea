import { useEffect, useState } from 'preact/hooks';
import type { UpgradeWatch } from '@/lib/library/upgradeWatch';
import type { UpgradeProgress } from '@/lib/library/versions';

/** While the first open after an update rewrites a big library (minutes at a million clauses): how far it has come, and that closing loses nothing. */
export function UpgradeNotice({ watch }: { watch: UpgradeWatch }) {
  const [progress, setProgress] = useState<UpgradeProgress | null>(null);
  useEffect(() => watch.subscribe(setProgress), [watch]);
  if (!progress) return null;
  const n = (x: number) => x.toLocaleString('en-GB');
  return (
    <div class="upgrade-notice" role="status">
      <p>
        Updating your library for this version of Council Minutes: {n(progress.done)} of {n(progress.total)} items and clauses. Keep this open: the library shows once
        the update is done. If it is closed, nothing is lost; the update starts again the next time.
      </p>
      <progress max={progress.total} value={progress.done} aria-label="Library update" />
    </div>
  );
}
