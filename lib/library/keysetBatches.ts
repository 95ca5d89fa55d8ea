import type { Table } from 'dexie';

/** Primary keys from `lower` (included) to `upper` (excluded): a council's records (meetingRows.ts). */
export type KeyRange = [lower: unknown, upper: unknown];

/**
 * A table's records in primary-key order, `rows` at a time, each batch read from just after the
 * last one's key: no read holds more than a batch, however big the table (a backup, an upgrade,
 * publishing to the team). Within `range` when given.
 */
export async function* keysetBatches<T, K = unknown>(table: Table<T, K>, rows: number, range?: KeyRange): AsyncGenerator<T[]> {
  const path = table.schema.primKey.keyPath ?? [];
  const keyOf = (row: T) => {
    const record = row as Record<string, unknown>;
    return Array.isArray(path) ? path.map((p) => record[p]) : record[path];
  };
  const from = (after: unknown) =>
    range ? table.where(':id').between(after ?? range[0], range[1], after === null, false) : after === null ? table.orderBy(':id') : table.where(':id').above(after);
  for (let after: unknown = null; ; ) {
    const batch = await from(after).limit(rows).toArray();
    if (batch.length === 0) return;
    after = keyOf(batch.at(-1) as T);
    yield batch;
  }
}
