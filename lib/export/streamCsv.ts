/**
 * Where an export streamed in chunks is written: a file on disk (the File System Access API's
 * writable stream) or Blob parts downloaded as one file at the end (components/library/fileSink.ts).
 */
export interface ChunkSink {
  write(text: string): Promise<void>;
  /** Every chunk is written: the file is complete. */
  close(): Promise<void>;
  /** Stopped before the end: no file is left claiming to be complete. */
  abort(): Promise<void>;
}

export interface StreamOptions {
  signal?: AbortSignal;
  /** Rows written so far, after each chunk. */
  onProgress?(rows: number): void;
}

export interface StreamOutcome {
  rows: number;
  /** `empty`: nothing matched and no file was written; `cancelled`: stopped by the signal, the file discarded. */
  outcome: 'written' | 'empty' | 'cancelled';
}

/** Rows of each chunk written: ~5 MB of clause CSV, a few hundred milliseconds of work between progress reports. */
export const CHUNK_ROWS = 10_000;

/**
 * Formats each batch of rows as it is read (`format`: the first batch's text carries what opens
 * the file, a CSV's header) and writes the text of `chunkRows` rows at a time, so the page
 * holds a chunk of text and a batch or two of rows, never the file. Cancelled (the signal) or
 * failed part way, the sink is aborted: no file is left looking complete. With no rows, the sink
 * is aborted too (outcome `empty`: no file), whatever `closing` wrote.
 */
export async function writeChunks<T>(
  batches: AsyncIterable<T[]>,
  format: (rows: T[], first: boolean) => string,
  sink: ChunkSink,
  options: StreamOptions = {},
  chunkRows = CHUNK_ROWS,
  /** What ends the file, written with the last chunk (a JSON document's closing brackets). */
  closing: () => string = () => '',
): Promise<StreamOutcome> {
  let written = 0;
  let pending: string[] = [];
  let pendingRows = 0;
  const flush = async () => {
    await sink.write(pending.length === 1 ? (pending[0] as string) : pending.join(''));
    written += pendingRows;
    pending = [];
    pendingRows = 0;
    options.onProgress?.(written);
  };
  try {
    for await (const batch of batches) {
      // A batch is cut where a chunk ends: every chunk but the last has `chunkRows` rows.
      for (let at = 0; at < batch.length && !options.signal?.aborted; ) {
        const take = Math.min(batch.length - at, chunkRows - pendingRows);
        pending.push(format(take === batch.length ? batch : batch.slice(at, at + take), written + pendingRows === 0));
        pendingRows += take;
        at += take;
        if (pendingRows >= chunkRows) await flush();
      }
      if (options.signal?.aborted) break;
    }
    const end = options.signal?.aborted ? '' : closing();
    if (pendingRows > 0 || end) {
      pending.push(end);
      await flush();
    }
  } catch (error) {
    await sink.abort().catch(() => undefined);
    throw error;
  }
  if (options.signal?.aborted) {
    await sink.abort();
    return { rows: written, outcome: 'cancelled' };
  }
  if (written === 0) {
    await sink.abort();
    return { rows: 0, outcome: 'empty' };
  }
  await sink.close();
  return { rows: written, outcome: 'written' };
}
