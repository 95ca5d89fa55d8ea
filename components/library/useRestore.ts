import { useState } from 'preact/hooks';
import type { RestoreReport } from '@/lib/library/backup';
import type { LibraryService } from '@/lib/library/service';
import { errorMessage } from '../errorMessage';
import type { ExportState } from './ExportProgress';

type Notice = { message: string; tone: 'info' | 'error'; details?: string[] };

const n = (x: number) => x.toLocaleString('en-GB');

/** The status line once a restore ends (`spaceWarning`: a disk nearly full, said with the restore, which still went ahead). */
function restoredNotice(name: string, report: RestoreReport & { spaceWarning?: string }): Notice {
  const { counts, total, conflicts, moreConflicts, spaceWarning } = report;
  const found = conflicts.length + moreConflicts;
  const conflictWords = found ? ` ${n(found)} conflict${found === 1 ? '' : 's'} resolved, nothing dropped${moreConflicts ? ` (the first ${n(conflicts.length)} listed)` : ''}:` : '';
  const merged = Object.values(counts).reduce((a, b) => a + b, 0);
  const what = `${n(counts.meetings)} meetings, ${n(counts.items)} items, ${n(counts.clauses)} clauses`;
  const message =
    report.outcome === 'restored'
      ? `Restored from ${name}: ${what}, merged with the library.`
      : merged === 0
        ? `Restore cancelled while checking ${name}: nothing was written.`
        : `Restore cancelled after merging ${n(merged)} of ${n(total)} records from ${name} (${what}): those are kept. Restore the same file again to complete it: nothing is added twice.`;
  return { message: `${message}${conflictWords}${spaceWarning ? ` ${spaceWarning}` : ''}`, tone: spaceWarning ? 'error' : 'info', details: conflicts };
}

/** The library page's restore: the file checked then merged, streamed, with progress ("Checking the backup", "Restoring … of …") and Cancel. */
export function useRestore(library: LibraryService, say: (notice: Notice) => void) {
  const [restoring, setRestoring] = useState<ExportState | null>(null);
  const start = async (file: File) => {
    const cancel = new AbortController();
    const progress = { noun: 'records', cancel: () => cancel.abort() };
    setRestoring({ ...progress, doing: 'Checking the backup', rows: 0, expected: null });
    try {
      const report = await library.restore(file, {
        signal: cancel.signal,
        onProgress: (p) =>
          setRestoring(
            p.phase === 'checking'
              ? { ...progress, doing: 'Checking the backup', rows: p.records, expected: null }
              : { ...progress, doing: 'Restoring', rows: p.records, expected: p.total, exact: true },
          ),
      });
      say(restoredNotice(file.name, report));
    } catch (error) {
      // Messages of the restore's own (a bad file, what a failure kept) are said as they are.
      say({ message: error instanceof Error && error.name === 'Error' ? error.message : errorMessage(error), tone: 'error' });
    } finally {
      setRestoring(null);
    }
  };
  return { restoring, start };
}
