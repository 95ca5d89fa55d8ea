import type { LibraryDb } from '@/lib/library/db';
import { publishBatches, type PublishScope } from '@/lib/team/publishRows';
import type { PublishRow } from '@/lib/team/schema';

/** Every row a scope publishes, its batches joined, in the order they are queued. */
export async function publishRows(db: LibraryDb, scope: PublishScope, shared: (target: string) => boolean): Promise<PublishRow[]> {
  const rows: PublishRow[] = [];
  for await (const batch of publishBatches(db, scope, shared).batches) rows.push(...batch.rows);
  return rows;
}
