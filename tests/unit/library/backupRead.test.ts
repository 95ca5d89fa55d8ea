import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportLibrary, restoreLibrary } from '@/lib/library/backup';
import type { CheckedRecord } from '@/lib/library/backupRead';
import { BackupTablesSchema, type TableName } from '@/lib/library/backupSchema';
import type { LibraryDb } from '@/lib/library/db';
import { saveSelection } from '@/lib/library/save';
import { annotate } from '../../support/annotate';
import { byTable, readAll, streamOf } from '../../support/backupRecords';
import { libraryDbs } from '../../support/libraryDbs';
import { item, meeting } from '../../support/records';

const NOW = new Date('2024-04-01T09:30:00.000Z');
const HOST = 'www.southampton.gov.uk';
const TABLES: TableName[] = ['councils', 'committees', 'meetings', 'items', 'clauses'];
/** Quotes, backslashes, braces and brackets in strings, characters of two, three and four bytes, a line break. */
const TRICKY = 'He said "agreed}" \\ {not} [all] – ’s café 😀 }]\n';

const dbs = libraryDbs('backup-read');
let db: LibraryDb;
beforeEach(async () => {
  db = await dbs.open();
});
afterEach(async () => {
  await dbs.closeAll();
});

/** The records `JSON.parse` gives, read by the tables' schemas, in the file's table order. */
function parsedWhole(text: string, order: TableName[] = TABLES): CheckedRecord[] {
  const tables = BackupTablesSchema.parse(JSON.parse(text).tables);
  return order.flatMap((t) => (tables[t] as unknown[]).map((r) => [t, r] as CheckedRecord));
}

async function fillTwoCouncils(): Promise<void> {
  await saveSelection(db, meeting(), { scope: 'meeting' });
  await saveSelection(db, meeting({ host: 'worcestershire.moderngov.co.uk', id: '42', council: 'Worcestershire County Council', items: [item('5', TRICKY, [['(a)', TRICKY]])] }), { scope: 'meeting' });
  await annotate(db, [HOST, '7105', '15', 0], ['taxis', '{tag}'], TRICKY);
}

describe('the backup read as a stream', () => {
  it('yields exactly the records JSON.parse gives of the writer’s output, in batches', async () => {
    await fillTwoCouncils();
    const text = await exportLibrary(db, NOW);
    const { records, batches } = await readAll(streamOf(text), 3);
    expect(records).toEqual(parsedWhole(text));
    // 2 councils, 2 committees, 2 meetings, 4 items, 4 clauses.
    expect(batches).toEqual([3, 3, 3, 3, 2]);
    // The words field of backups for version 8 is dropped, as the schema reads it.
    expect(records.some(([, r]) => 'words' in (r as object))).toBe(false);
  });

  it('reads the same backup pretty-printed, and with every key in another order', async () => {
    await fillTwoCouncils();
    const text = await exportLibrary(db, NOW);
    const pretty = JSON.stringify(JSON.parse(text), null, 2);
    expect((await readAll(streamOf(pretty))).records).toEqual(parsedWhole(text));

    const data = JSON.parse(text);
    const reversed = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).reverse());
    const tables = reversed(Object.fromEntries(Object.entries(data.tables as Record<string, Record<string, unknown>[]>).map(([t, rows]) => [t, rows.map(reversed)])));
    // The tables first, then the envelope backwards, an unknown key of any shape between; spaces and line breaks around every token.
    const edited = `\r\n {\t"tables" : ${JSON.stringify(tables, null, '\t')} ,\n"note":{"a":["}",{"b":"]"}]}, "databaseVersion":${data.databaseVersion},"exportedAt" :"${data.exportedAt}","version":1,\n"format":"council-minutes-backup"\n}\n`;
    const { records } = await readAll(streamOf(edited));
    expect(records).toEqual(parsedWhole(text, [...TABLES].reverse()));
    expect(byTable(records)).toEqual(byTable(parsedWhole(text)));
  });

  it('reads a backup split at every byte: inside a character of several bytes, an escape, a string', async () => {
    await saveSelection(db, meeting({ items: [item('5', TRICKY, [['(a)', TRICKY]])] }), { scope: 'clause', itemKey: '15', clauseIndex: 0 });
    // A \u escape for one of the characters, as another JSON writer may write it.
    const text = (await exportLibrary(db, NOW)).replace('’', '\\u2019');
    expect(text).toContain('\\u2019');
    const expected = parsedWhole(text);
    expect((expected.at(-1)?.[1] as { text: string }).text).toBe(TRICKY);
    const bytes = new TextEncoder().encode(text).length;
    for (let cut = 1; cut < bytes; cut += 1) {
      const { records } = await readAll(streamOf(text, [cut]));
      if (JSON.stringify(records) !== JSON.stringify(expected)) expect(records, `split at byte ${cut}`).toEqual(expected);
    }
    // And every byte a chunk of its own.
    const everyByte = Array.from({ length: bytes - 1 }, (_, i) => i + 1);
    expect((await readAll(streamOf(text, everyByte))).records).toEqual(expected);
  });
});

describe('a backup the stream reader refuses, the library unchanged', () => {
  let text: string;
  beforeEach(async () => {
    await fillTwoCouncils();
    text = await exportLibrary(db, NOW);
    await Promise.all(db.tables.map((t) => t.clear()));
    await saveSelection(db, meeting({ id: '9999' }), { scope: 'item', itemKey: '16' });
  });

  const edited = (change: (d: ReturnType<typeof JSON.parse>) => void) => () => {
    const copy = JSON.parse(text);
    change(copy);
    return JSON.stringify(copy, null, 1);
  };
  const cases: [string, () => string, string][] = [
    ['an unknown table', edited((d) => (d.tables.minutes = [{ a: 1 }])), 'The backup is damaged: tables.minutes is not a table of the library (it has councils, committees, meetings, items, clauses). Nothing was restored.'],
    ['a table that is not a list', edited((d) => (d.tables.items = { '0': {} })), 'The backup is damaged: items should be a list but is a record. Nothing was restored.'],
    [
      'a table that is a record too long to keep',
      edited((d) => (d.tables.items = Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`k${i}`, 'x'.repeat(30)])))),
      'The backup is damaged: items should be a list but is a record. Nothing was restored.',
    ],
    ['a table missing', edited((d) => delete d.tables.committees), 'The backup is damaged: committees is missing. Nothing was restored.'],
    ['tables that are not a record', edited((d) => (d.tables = [])), 'The backup is damaged: tables should be a record but is a list. Nothing was restored.'],
    ['the format after the tables, another app’s', edited((d) => {
      delete d.format;
      d.format = 'zotero';
    }), 'This file is not a Council Minutes backup (its format is text "zotero", not "council-minutes-backup").'],
    ['a record with broken JSON', () => text.replace('"clauses":[{', '"clauses":[{,'), 'The backup is damaged: the file is incomplete or its JSON is broken (it may have been cut short while copying). Nothing was restored.'],
    ['something after the backup', () => `${text} {}`, 'The backup is damaged: the file is incomplete or its JSON is broken (it may have been cut short while copying). Nothing was restored.'],
    ['a list of numbers', () => '[1, 2, 3]', 'This file is not a Council Minutes backup (it holds a list, not a backup).'],
    ['a number', () => '42\n', 'This file is not a Council Minutes backup (it holds 42, not a backup).'],
    ['an object cut short before its format', () => '{"form', 'This file is not a Council Minutes backup: it is not JSON.'],
  ];

  it.each(cases)('%s', async (_name, input, message) => {
    const before = await db.clauses.toArray();
    await expect(restoreLibrary(db, new Blob([input()]))).rejects.toThrow(message);
    expect(await db.clauses.toArray()).toEqual(before);
    expect(await db.meetings.count()).toBe(1);
  });

  it('says the file was cut short wherever it is cut once it shows it is a backup', async () => {
    const from = text.indexOf('"version"');
    for (let end = from; end < text.length; end += 97) {
      await expect(restoreLibrary(db, new Blob([text.slice(0, end)])), `cut at ${end}`).rejects.toThrow(
        'The backup is damaged: the file is incomplete or its JSON is broken (it may have been cut short while copying). Nothing was restored.',
      );
    }
    expect(await db.meetings.count()).toBe(1);
  });

  it('says so when the file cannot be read to its end while it is checked', async () => {
    const bytes = new TextEncoder().encode(text);
    let sent = false;
    const failing = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent) return controller.error(new DOMException('The file was changed after it was picked.', 'NotReadableError'));
        sent = true;
        controller.enqueue(bytes.slice(0, 400));
      },
    });
    await expect(restoreLibrary(db, { size: bytes.length, stream: () => failing })).rejects.toThrow(
      'The backup could not be read: the file could not be read to its end (The file was changed after it was picked.). Nothing was restored.',
    );
    expect(await db.meetings.count()).toBe(1);
  });
});
