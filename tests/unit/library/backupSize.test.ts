import { createReadStream, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { readBackupRecords } from '@/lib/library/backupRead';
import type { SavedClause } from '@/lib/library/schema';
import { syntheticMeeting, writeSyntheticBackup } from '../../support/syntheticBackup';

const MEETINGS = 200;
/** The meeting whose clauses are compared whole. */
const SAMPLE = 137;

describe('a backup of 200,000 clauses read as a stream', () => {
  it('yields every record, in batches, holding about a batch at a time', { timeout: 300_000 }, async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'backup-size-')), 'backup.json');
    const written = writeSyntheticBackup(file, MEETINGS);
    expect(written.counts).toEqual({ councils: 1, committees: 1, meetings: MEETINGS, items: MEETINGS * 10, clauses: MEETINGS * 1000 });

    const counts = { councils: 0, committees: 0, meetings: 0, items: 0, clauses: 0 };
    const sample: SavedClause[] = [];
    let largest = 0;
    // A collection first, so the figure starts from what is live, not the writing's garbage.
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    gc();
    let batches = 0;
    let liveMost = 0;
    const heapBefore = process.memoryUsage().heapUsed;
    let heapPeak = heapBefore;
    const started = performance.now();
    const stream = Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
    for await (const batch of readBackupRecords(stream)) {
      largest = Math.max(largest, batch.length);
      for (const [table, record] of batch) {
        counts[table] += 1;
        if (table === 'clauses' && record.meetingId === String(100 + SAMPLE)) sample.push(record);
      }
      heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
      // Now and then what is still live once collected: the batch and the reader's state, whatever the file's size.
      batches += 1;
      if (batches % 10 === 0) {
        gc();
        liveMost = Math.max(liveMost, process.memoryUsage().heapUsed);
      }
    }
    const ms = performance.now() - started;
    expect(counts).toEqual(written.counts);
    expect(largest).toBe(2_000);
    expect(sample).toEqual(syntheticMeeting(SAMPLE, 10, 100).clauses);
    const mib = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;
    // Figures for the report, not asserted: the heap holds a batch, not the file.
    console.log(
      `backup of ${written.counts.clauses} clauses, ${mib(written.bytes)}: read in ${Math.round(ms)} ms (${Math.round((counts.clauses / ms) * 1000)} records/s); heap ${mib(heapBefore)} before, ${mib(heapPeak)} at most, ${mib(liveMost)} at most live after a collection (every 10 batches)`,
    );
  });
});
