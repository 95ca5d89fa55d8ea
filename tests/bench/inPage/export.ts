/**
 * The streamed CSV export measured in the benchmark page (bundled by tests/bench/bundle.ts). The
 * library is grown by tests/bench/inPage/library.ts's code: synthetic meetings saved with
 * saveSelection, then copies of what they stored (new meeting id and date), here with their
 * items, put with plain Dexie bulkPut.
 */
import './library';
import { CHUNK_ROWS, type ChunkSink } from '@/lib/export/streamCsv';
import { LibraryDb } from '@/lib/library/db';
import { dexieLibrary } from '@/lib/library/service';
import { copiedMeeting, DB_NAME, type SaveRun } from './library';

export interface ExportMeasure {
  what: 'clauses' | 'items';
  rows: number;
  ms: number;
  bytes: number;
  chunks: number;
  /** The longest chunk written, in UTF-16 code units. */
  longestChunk: number;
  /** `performance.memory.usedJSHeapSize` before, and the highest seen as each chunk is written (garbage included). */
  heapBefore: number | null;
  heapPeak: number | null;
  chunkRows: number;
}

declare global {
  interface Window {
    __exportFill: (from: number, to: number) => Promise<SaveRun & { items: number }>;
    __exportCounts: () => Promise<{ clauses: number; items: number; meetings: number }>;
    /** On the bench's own library, or on the database named (the library part's, grown to a million clauses). */
    __exportMeasure: (what: 'clauses' | 'items', dbName?: string) => Promise<ExportMeasure>;
  }
}

/**
 * The export as the library page runs it, on any library (`db`): the service's exportCsv of
 * every row, no filter, into a file of the origin's private file system through its
 * createWritable() stream (the stream showSaveFilePicker gives, on disk, without the dialog).
 * The file is removed afterwards.
 */
export async function measureExport(db: LibraryDb, what: 'clauses' | 'items'): Promise<ExportMeasure> {
  const dir = await navigator.storage.getDirectory();
  const name = `bench-export-${what}.csv`;
  const handle = await dir.getFileHandle(name, { create: true });
  const writable = await handle.createWritable();
  let chunks = 0;
  let longestChunk = 0;
  const heapBefore = heapUsed();
  let heapPeak = heapBefore;
  const sink: ChunkSink = {
    async write(text) {
      chunks += 1;
      const heap = heapUsed();
      if (heap !== null && heapPeak !== null) heapPeak = Math.max(heapPeak, heap);
      longestChunk = Math.max(longestChunk, text.length);
      await writable.write(text);
    },
    close: () => writable.close(),
    abort: () => writable.abort(),
  };
  const t = performance.now();
  const done = await dexieLibrary(db).exportCsv(what, {}, sink);
  const ms = performance.now() - t;
  const bytes = (await handle.getFile()).size;
  await dir.removeEntry(name);
  return { what, rows: done.rows, ms, bytes, chunks, longestChunk, chunkRows: CHUNK_ROWS, heapBefore, heapPeak };
}

/** `performance.memory` is Chromium's (precise with --enable-precise-memory-info), outside the DOM typings. */
const heapUsed = () => (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? null;

let db: LibraryDb | null = null;
const library = () => {
  db ??= new LibraryDb(DB_NAME);
  return db;
};

/** Copies of the saved meetings `from` … `to - 1`: each meeting with its items and clauses, ten meetings a transaction. */
window.__exportFill = async (from, to) => {
  const lib = library();
  const run = { meetings: 0, clauses: 0, items: 0, rows: 0, ms: 0 };
  for (let m = from; m < to; m += 10) {
    const copies = Array.from({ length: Math.min(10, to - m) }, (_, i) => copiedMeeting(m + i));
    const t = performance.now();
    await lib.transaction('rw', [lib.meetings, lib.items, lib.clauses], async () => {
      await lib.meetings.bulkPut(copies.map((c) => c.meeting));
      await lib.items.bulkPut(copies.flatMap((c) => c.items));
      await lib.clauses.bulkPut(copies.flatMap((c) => c.clauses));
    });
    run.ms += performance.now() - t;
    for (const c of copies) {
      run.meetings += 1;
      run.items += c.items.length;
      run.clauses += c.clauses.length;
      run.rows += 1 + c.items.length + c.clauses.length;
    }
  }
  return run;
};

window.__exportCounts = async () => {
  const lib = library();
  const [clauses, items, meetings] = await Promise.all([lib.clauses.count(), lib.items.count(), lib.meetings.count()]);
  return { clauses, items, meetings };
};

window.__exportMeasure = (what, dbName) => measureExport(dbName === undefined ? library() : new LibraryDb(dbName), what);
