import { useState } from 'preact/hooks';
import type { ChunkSink, StreamOptions, StreamOutcome } from '@/lib/export/streamCsv';
import type { ExportState } from './ExportProgress';

type Notice = { message: string; tone: 'info' | 'error' };

export interface StreamedFile {
  /** What the rows are, in the plural: "clauses", "items", "records". */
  noun: string;
  /** "Export", "Backup": what the status line calls it when it stops. */
  name: string;
  /** "Exporting clauses", "Backing up the library": what the progress bar says. */
  doing: string;
  filename: string;
  /** The page's count of matches, when it shows them: the progress bar's "about". */
  expected: number | null;
  write(sink: ChunkSink, options: StreamOptions): Promise<StreamOutcome>;
  /** The status line once written, given "N clauses". */
  done(rows: string): string;
  /** The status line when there is nothing to write (no file is made). */
  empty: string;
}

/**
 * The library page's streamed files (CSV exports, the backup): written into the file the
 * researcher picks (`saveFile`), with progress and Cancel. The picker is the first await: it
 * needs the click's user activation.
 */
export function useStreamedFile(saveFile: (filename: string) => Promise<ChunkSink | null>, say: (notice: Notice) => void) {
  const [writing, setWriting] = useState<ExportState | null>(null);
  const start = async (file: StreamedFile) => {
    const { noun, expected } = file;
    if (expected === 0) return say({ message: file.empty, tone: 'info' });
    const sink = await saveFile(file.filename);
    if (!sink) return;
    const cancel = new AbortController();
    let written = 0;
    setWriting({ doing: file.doing, noun, rows: 0, expected, cancel: () => cancel.abort() });
    try {
      const onProgress = (rows: number) => {
        written = rows;
        setWriting((w) => w && { ...w, rows });
      };
      const done = await file.write(sink, { signal: cancel.signal, onProgress });
      const rows = `${done.rows.toLocaleString('en-GB')} ${done.rows === 1 ? noun.slice(0, -1) : noun}`;
      if (done.outcome === 'empty') say({ message: file.empty, tone: 'info' });
      else if (done.outcome === 'cancelled') say({ message: `${file.name} cancelled after ${rows}: no file was saved.`, tone: 'info' });
      else say({ message: file.done(rows), tone: 'info' });
    } catch (error) {
      const reason = (error instanceof Error ? error.message : String(error)).replace(/\.$/, '');
      say({ message: `${file.name} stopped after ${written.toLocaleString('en-GB')} ${noun}: ${reason}. No file was saved; the library is untouched.`, tone: 'error' });
    } finally {
      setWriting(null);
    }
  };
  return { writing, start };
}
