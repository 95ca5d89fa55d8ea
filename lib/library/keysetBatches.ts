import type { Table } from 'dexie';

/**
 * A table's records in primary-key order, `rows` at a time, each batch read from just after the
 * last one's key: no read holds more than a batch, however big the table (a backup, an upgrade).
 */
export async function* keysetBatches<T>(table: Table<T, unknown>, rows: number): AsyncGenerator<T[]> {
  const path = table.schema.primKey.keyPath ?? [];
  const keyOf = (row: T) => {
    const record = row as Record<string, unknown>;
    return Array.isArray(path) ? path.map((p) => record[p]) : record[path];
  };
  for (let after: unknown = null; ; ) {
    const batch = await (after === null ? table.orderBy(':id') : table.where(':id').above(after)).limit(rows).toArray();
    if (batch.length === 0) return;
    after = keyOf(batch.at(-1) as T);
    yield batch;
  }
}
