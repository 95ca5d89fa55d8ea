import type { ChunkSink } from '@/lib/export/streamCsv';
import { downloadBlob } from './download';

/** The File System Access API's save picker: Chromium's; Firefox has none. Not in TypeScript's DOM typings. */
type SavePicker = (options: { suggestedName: string; types: { description: string; accept: Record<string, string[]> }[] }) => Promise<FileSystemFileHandle>;
/** `FileSystemHandle.remove()`, Chromium's (not in the typings): deletes the file the picker created. */
type Removable = FileSystemFileHandle & { remove?: () => Promise<void> };

/**
 * Where a streamed export or backup goes (a `.json` name is a backup, else CSV). Chromium: a file the researcher picks (showSaveFilePicker, so it
 * must be the first await of the click), written chunk by chunk through its writable stream,
 * which Chromium writes to a swap file and moves into place only on close; cancelled or failed,
 * the stream is aborted and the empty file the picker made removed. Elsewhere (Firefox): Blob
 * parts, downloaded as one file at the end. Null when the researcher closes the picker.
 */
export async function openFileSink(filename: string): Promise<ChunkSink | null> {
  const json = filename.endsWith('.json');
  const type = json ? 'application/json' : 'text/csv;charset=utf-8';
  const picker = (window as unknown as { showSaveFilePicker?: SavePicker }).showSaveFilePicker;
  if (!picker) return blobSink(filename, type);
  let handle: Removable;
  try {
    const accept: Record<string, string[]> = json ? { 'application/json': ['.json'] } : { 'text/csv': ['.csv'] };
    handle = await picker({ suggestedName: filename, types: [{ description: json ? 'JSON backup' : 'CSV file', accept }] });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') return null;
    // No user activation left, or the picker refused here: the download still works.
    return blobSink(filename, type);
  }
  const writable = await handle.createWritable();
  return {
    write: (text) => writable.write(text),
    close: () => writable.close(),
    async abort() {
      await writable.abort().catch(() => undefined);
      await handle.remove?.().catch(() => undefined);
    },
  };
}

/**
 * Blob parts: each chunk's text becomes a Blob at once (Chromium keeps Blob data in the browser
 * process, paging large ones to disk, so the page holds a chunk at a time), downloaded as one
 * Blob of the parts at the end. Cancelled, the parts are dropped and nothing is downloaded.
 */
export function blobSink(filename: string, type: string): ChunkSink {
  let parts: Blob[] = [];
  return {
    async write(text) {
      parts.push(new Blob([text]));
    },
    async close() {
      downloadBlob(filename, new Blob(parts, { type }));
      parts = [];
    },
    async abort() {
      parts = [];
    },
  };
}
