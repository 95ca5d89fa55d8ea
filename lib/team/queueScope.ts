import type { LibraryDb } from '../library/db';
import { isDiskFull } from '../library/storageSpace';
import { outboxCounts, queueRows } from './outbox';
import { publishBatches, type PublishScope } from './publishRows';
import type { OutboxOwner } from './schema';

/** How far queuing a scope has come: its records put in the outbox, of all of them. */
export interface QueueProgress {
  queued: number;
  total: number;
}

const count = (n: number) => n.toLocaleString('en-GB');

/** Queuing stopped part-way (a full disk): what was queued is kept, and publishing again completes it. */
export class QueueStopped extends Error {
  constructor(
    readonly queued: number,
    readonly total: number,
    cause: unknown,
  ) {
    const reason = isDiskFull(cause) ? 'the disk is full' : cause instanceof Error ? cause.message : String(cause);
    super(
      `Queuing for the team stopped after ${count(queued)} of ${count(total)} records (${reason}). ` +
        `${queued === 0 ? 'Nothing was queued' : 'Those queued wait in the outbox'}; publish again to queue the rest: what is queued already is replaced, never added twice. Your library is unchanged.`,
    );
    this.name = 'QueueStopped';
  }
}

/**
 * Puts a scope's rows in the owner's outbox batch by batch (publishRows.ts), each checked and put
 * in its own transaction, parents first, so a batch queued is complete and in order whatever comes
 * after it. The library is only read. Returns how many of the owner's rows wait.
 */
export async function queueScope(db: LibraryDb, owner: OutboxOwner, scope: PublishScope, shared: (target: string) => boolean, onProgress: (progress: QueueProgress) => void): Promise<number> {
  const { count: countRecords, batches } = publishBatches(db, scope, shared);
  const total = await countRecords();
  let queued = 0;
  onProgress({ queued, total });
  try {
    for await (const { rows, records } of batches) {
      await queueRows(db, owner, rows);
      queued += records;
      onProgress({ queued, total });
    }
  } catch (error) {
    throw new QueueStopped(queued, total, error);
  }
  return (await outboxCounts(db, owner)).queued;
}
