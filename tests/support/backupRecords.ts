import { readBackupRecords, type CheckedRecord } from '@/lib/library/backupRead';
import type { TableName } from '@/lib/library/backupSchema';

/** A string's bytes as a stream, in the chunks given (the whole text in one when none). */
export function streamOf(text: string, cuts: number[] = []): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  const ends = [...cuts, bytes.length];
  let from = 0;
  return new ReadableStream({
    pull(controller) {
      const to = ends.shift();
      if (to === undefined) return controller.close();
      controller.enqueue(bytes.slice(from, to));
      from = to;
    },
  });
}

/** Every record the streamed reader yields, in order, and the batches' sizes. */
export async function readAll(stream: ReadableStream<Uint8Array>, batchRecords?: number): Promise<{ records: CheckedRecord[]; batches: number[] }> {
  const records: CheckedRecord[] = [];
  const batches: number[] = [];
  for await (const batch of readBackupRecords(stream, batchRecords)) {
    records.push(...batch);
    batches.push(batch.length);
  }
  return { records, batches };
}

/** The records of each table, as a backup parsed whole holds them. */
export function byTable(records: CheckedRecord[]): Record<TableName, unknown[]> {
  const tables: Record<TableName, unknown[]> = { councils: [], committees: [], meetings: [], items: [], clauses: [] };
  for (const [table, record] of records) tables[table].push(record);
  return tables;
}
