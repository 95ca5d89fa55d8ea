import { useState } from 'preact/hooks';
import type { ChunkSink } from '@/lib/export/streamCsv';
import type { LibraryFilter } from '@/lib/library/search';
import type { LibraryService } from '@/lib/library/service';
import type { ExportState } from './ExportProgress';

type Notice = { message: string; tone: 'info' | 'error' };

/**
 * The library page's CSV export, streamed into the file the researcher picks (`saveFile`), with
 * its progress and Cancel. The picker is the first await: it needs the click's user activation.
 */
export function useCsvExport(library: LibraryService, saveFile: (filename: string) => Promise<ChunkSink | null>, say: (notice: Notice) => void) {
  const [exporting, setExporting] = useState<ExportState | null>(null);
  const start = async (what: 'clauses' | 'items', filter: LibraryFilter, expected: number | null) => {
    if (expected === 0) return say({ message: `No ${what} match: there is nothing to export.`, tone: 'info' });
    const sink = await saveFile(`council-minutes-${what}-${new Date().toISOString().slice(0, 10)}.csv`);
    if (!sink) return;
    const cancel = new AbortController();
    let written = 0;
    setExporting({ what, rows: 0, expected, cancel: () => cancel.abort() });
    try {
      const onProgress = (rows: number) => {
        written = rows;
        setExporting((e) => e && { ...e, rows });
      };
      const done = await library.exportCsv(what, filter, sink, { signal: cancel.signal, onProgress });
      const rows = `${done.rows.toLocaleString('en-GB')} ${done.rows === 1 ? what.slice(0, -1) : what}`;
      if (done.outcome === 'empty') say({ message: `No ${what} match: there is nothing to export.`, tone: 'info' });
      else if (done.outcome === 'cancelled') say({ message: `Export cancelled after ${rows}: no file was saved.`, tone: 'info' });
      else say({ message: `Exported ${rows} as CSV.`, tone: 'info' });
    } catch (error) {
      const reason = (error instanceof Error ? error.message : String(error)).replace(/\.$/, '');
      say({ message: `The export stopped after ${written.toLocaleString('en-GB')} ${what}: ${reason}. No file was saved; the library is untouched.`, tone: 'error' });
    } finally {
      setExporting(null);
    }
  };
  return { exporting, start };
}
