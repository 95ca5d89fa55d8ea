import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeChunks } from '@/lib/export/streamCsv';
import { restoreLibrary, writeBackup } from '@/lib/library/backup';
import { backupBatches, backupWriter } from '@/lib/library/backupStream';
import type { LibraryDb } from '@/lib/library/db';
import { saveSelection } from '@/lib/library/save';
import { annotate } from '../../support/annotate';
import { byTable, readAll, streamOf } from '../../support/backupRecords';
import { memorySink } from '../../support/memorySink';
import { libraryDbs } from '../../support/libraryDbs';
import { item, meeting } from '../../support/records';

const NOW = new Date('2024-04-01T09:30:00.000Z');
const dbs = libraryDbs('backup-stream');
const newDb = () => dbs.open();
let db: LibraryDb;
beforeEach(async () => {
  db = await newDb();
  await saveSelection(db, meeting(), { scope: 'meeting' });
  await saveSelection(db, meeting({ host: 'worcestershire.moderngov.co.uk', id: '42', council: 'Worcestershire County Council', items: [item('5', 'Budget, "draft"', [['(a)', 'That the budget be agreed.\n=SUM(A1)']])] }), { scope: 'meeting' });
  await annotate(db, ['www.southampton.gov.uk', '7105', '15', 0], ['taxis'], 'a note\nover two lines');
});
afterEach(async () => {
  await dbs.closeAll();
});

/** The backup as one JSON document of every table read whole: what the one-string backup wrote before it was streamed (items and clauses with the empty `words` version 8 reads). */
async function wholeBackup(d: LibraryDb): Promise<string> {
  const v8 = <T>(rows: T[]) => rows.map((r) => ({ ...r, words: [] }));
  const tables = { councils: await d.councils.toArray(), committees: await d.committees.toArray(), meetings: await d.meetings.toArray(), items: v8(await d.items.toArray()), clauses: v8(await d.clauses.toArray()) };
  return JSON.stringify({ format: 'council-minutes-backup', version: 1, exportedAt: NOW.toISOString(), databaseVersion: d.verno, tables });
}

describe('the backup written in chunks', () => {
  it('is byte for byte the backup written whole, whatever the batch and chunk sizes', async () => {
    const whole = await wholeBackup(db);
    // 2 councils, 2 committees, 2 meetings, 4 items, 4 clauses; the closing brackets in a chunk of their own after full chunks.
    for (const [readRows, chunkRows, chunks] of [[1, 1, 15], [2, 3, 5], [2_000, 10_000, 1]] as const) {
      const sink = memorySink();
      const writer = backupWriter(db.verno, NOW);
      const done = await writeChunks(backupBatches(db, readRows), writer.format, sink, {}, chunkRows, writer.closing);
      expect(done).toEqual({ rows: 14, outcome: 'written' });
      expect(sink.chunks).toHaveLength(chunks);
      expect(sink.state).toBe('closed');
      expect(sink.chunks.join('')).toBe(whole);
    }
  });

  it('restores into an empty library as the library it was made from', async () => {
    const sink = memorySink();
    expect(await writeBackup(db, sink, {}, NOW)).toEqual({ rows: 14, outcome: 'written' });
    const text = sink.chunks.join('');
    expect(byTable((await readAll(streamOf(text))).records).clauses).toHaveLength(4);
    const into = await newDb();
    const report = await restoreLibrary(into, new Blob([text]));
    expect(report.counts).toEqual({ councils: 2, committees: 2, meetings: 2, items: 4, clauses: 4 });
    for (const table of ['councils', 'committees', 'meetings', 'items', 'clauses'] as const) expect(await into.table(table).toArray(), table).toEqual(await db.table(table).toArray());
    expect((await into.clauses.get(['www.southampton.gov.uk', '7105', '15', 0]))?.note).toBe('a note\nover two lines');
  });

  it('writes an empty library as empty tables, and says there was nothing to back up', async () => {
    const empty = await newDb();
    const sink = memorySink();
    expect(await writeBackup(empty, sink, {}, NOW)).toEqual({ rows: 0, outcome: 'empty' });
    expect(sink.chunks.join('')).toBe(await wholeBackup(empty));
    expect(sink.state).toBe('aborted');
  });

  it('stops when cancelled, the file aborted', async () => {
    const sink = memorySink();
    const cancel = new AbortController();
    const writer = backupWriter(db.verno, NOW);
    const done = await writeChunks(backupBatches(db, 2), writer.format, sink, { signal: cancel.signal, onProgress: () => cancel.abort() }, 2, writer.closing);
    expect(done).toEqual({ rows: 2, outcome: 'cancelled' });
    expect(sink.state).toBe('aborted');
  });
});
