import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { exportLibrary, restoreLibrary } from '@/lib/library/backup';
import { BackupSchema, BackupTablesSchema } from '@/lib/library/backupSchema';
import type { LibraryDb } from '@/lib/library/db';
import { saveSelection } from '@/lib/library/save';
import { SavedClauseSchema, SavedItemSchema } from '@/lib/library/schema';
import { searchClauses, searchItems } from '@/lib/library/search';
import { annotate } from '../../support/annotate';
import { libraryDbs } from '../../support/libraryDbs';
import { item, meeting } from '../../support/records';

const dbs = libraryDbs('backup-test');
const newDb = () => dbs.open();

let db: LibraryDb;
beforeEach(async () => {
  db = await newDb();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await dbs.closeAll();
});

const HOST = 'www.southampton.gov.uk';
const WORCS = 'worcestershire.moderngov.co.uk';
const T1 = new Date('2024-03-01T10:00:00.000Z');
const T2 = new Date('2024-03-02T10:00:00.000Z');
const NOW = new Date('2024-04-01T09:30:00.000Z');

/** Every table, in primary-key order. */
async function contents(d: LibraryDb) {
  return {
    councils: await d.councils.toArray(),
    committees: await d.committees.toArray(),
    meetings: await d.meetings.toArray(),
    items: await d.items.toArray(),
    clauses: await d.clauses.toArray(),
  };
}

async function wipe(d: LibraryDb): Promise<void> {
  await Promise.all(d.tables.map((t) => t.clear()));
}

/** Two councils: a meeting saved whole and annotated, and one clause saved alone. */
async function fill(d: LibraryDb): Promise<void> {
  await saveSelection(d, meeting(), { scope: 'meeting' }, T1);
  await annotate(d, [HOST, '7105', '15', 0], ['taxis'], 'licensing angle');
  await annotate(d, [HOST, '7105', '15'], ['cse'], 'compare with Worcestershire');
  await saveSelection(
    d,
    meeting({
      host: WORCS,
      id: '2453',
      council: 'Worcestershire County Council',
      committee: 'Children and Families Overview and Scrutiny Panel',
      date: '2015-05-22',
      items: [item('5', 'Child Sexual Exploitation: Update', [[null, 'that the update be noted (For 7, Against 2).']]), item('6', 'Missing Children')],
    }),
    { scope: 'clause', itemKey: '15', clauseIndex: 0 },
    T2,
  );
}

describe('exportLibrary', () => {
  it('writes every table with the format, version, time and database version, valid by the backup schema', async () => {
    await fill(db);
    const text = await exportLibrary(db, NOW);
    const data = JSON.parse(text);
    expect(data.format).toBe('council-minutes-backup');
    expect(data.version).toBe(1);
    expect(data.exportedAt).toBe('2024-04-01T09:30:00.000Z');
    expect(data.databaseVersion).toBe(db.verno);
    expect(Object.keys(data.tables)).toEqual(['councils', 'committees', 'meetings', 'items', 'clauses']);
    // Items and clauses as stored, with the empty `words` version 8 requires (and computes again on restore).
    const stored = await contents(db);
    const v8 = <T>(rows: T[]) => rows.map((r) => ({ ...r, words: [] }));
    expect(data.tables).toEqual({ ...stored, items: v8(stored.items), clauses: v8(stored.clauses) });
    expect(BackupSchema.parse(data).tables.clauses).toHaveLength(4);
    // Readable by version 8, whose stored shapes had `words`.
    const v8Tables = BackupTablesSchema.extend({ items: z.array(SavedItemSchema.extend({ words: z.array(z.string()) })), clauses: z.array(SavedClauseSchema.extend({ words: z.array(z.string()) })) });
    expect(v8Tables.safeParse(data.tables).success).toBe(true);
  });

  it('exports an empty library as empty tables, which restore as nothing', async () => {
    const text = await exportLibrary(db, NOW);
    expect(JSON.parse(text).tables).toEqual({ councils: [], committees: [], meetings: [], items: [], clauses: [] });
    expect(await restoreLibrary(db, new Blob([text]))).toEqual({ outcome: 'restored', counts: { councils: 0, committees: 0, meetings: 0, items: 0, clauses: 0 }, total: 0, conflicts: [], moreConflicts: 0 });
  });
});

describe('restoreLibrary round trip', () => {
  it('backup → wipe → restore gives back every table exactly', async () => {
    await fill(db);
    const before = await contents(db);
    const text = await exportLibrary(db, NOW);
    await wipe(db);
    expect((await contents(db)).meetings).toEqual([]);
    expect(await restoreLibrary(db, new Blob([text]))).toEqual({ outcome: 'restored', counts: { councils: 2, committees: 2, meetings: 2, items: 4, clauses: 4 }, total: 14, conflicts: [], moreConflicts: 0 });
    expect(await contents(db)).toEqual(before);
    // A backup of the restored library holds the same data (key order aside, zod lists fields in schema order).
    expect(JSON.parse(await exportLibrary(db, NOW))).toEqual(JSON.parse(text));
  });

  it('restores into a brand-new empty database', async () => {
    await fill(db);
    const text = await exportLibrary(db, NOW);
    const fresh = await newDb();
    await restoreLibrary(fresh, new Blob([text]));
    expect(await contents(fresh)).toEqual(await contents(db));
  });

  it('restoring twice makes no duplicates and changes nothing', async () => {
    await fill(db);
    const before = await contents(db);
    const text = await exportLibrary(db, NOW);
    await restoreLibrary(db, new Blob([text]));
    await restoreLibrary(db, new Blob([text]));
    expect(await contents(db)).toEqual(before);
    const fresh = await newDb();
    await restoreLibrary(fresh, new Blob([text]));
    await restoreLibrary(fresh, new Blob([text]));
    expect(await contents(fresh)).toEqual(before);
  });
});

describe('restoreLibrary merge', () => {
  it('keeps tags from both sides, both notes when they differ (and says so), and whole/picked if either has them', async () => {
    // The backup: the meeting saved whole, clause 0 and item 15 annotated.
    await fill(db);
    const text = await exportLibrary(db, NOW);

    // Meanwhile, in another library: only clause 0 saved (meeting not whole, item 15 only context), annotated differently.
    const other = await newDb();
    await saveSelection(other, meeting(), { scope: 'clause', itemKey: '15', clauseIndex: 0 }, T1);
    await annotate(other, [HOST, '7105', '15', 0], ['licensing', 'taxis'], '');
    await annotate(other, [HOST, '7105', '15'], ['safeguarding'], 'my own note');
    expect((await other.meetings.get([HOST, '7105']))?.whole).toBe(0);

    const { conflicts } = await restoreLibrary(other, new Blob([text]));
    const clause = await other.clauses.get([HOST, '7105', '15', 0]);
    expect(clause?.tags).toEqual(['licensing', 'taxis']);
    // The library's note was empty: the backup's is taken, no conflict.
    expect(clause?.note).toBe('licensing angle');
    const saved = await other.items.get([HOST, '7105', '15']);
    expect(saved?.tags).toEqual(['safeguarding', 'cse']);
    // Two different notes: neither is dropped, and the report says which is where.
    expect(saved?.note).toBe('my own note\n\nFrom the backup: compare with Worcestershire');
    expect(conflicts).toEqual([
      'Southampton City Council, Children and Families Scrutiny Panel 2016-11-03, item 5: two different notes; the library’s note is kept and the backup’s is added after it.',
    ]);
    expect(saved?.picked).toBe(1);
    expect((await other.meetings.get([HOST, '7105']))?.whole).toBe(1);
    // Everything else the backup held is there too, once.
    expect(await other.items.count()).toBe(4);
    expect(await other.clauses.count()).toBe(4);
    expect(await other.councils.count()).toBe(2);
  });

  it('takes the other fields from whichever side was retrieved or saved later, and keeps records only the library has', async () => {
    await saveSelection(db, meeting(), { scope: 'meeting' }, T1);
    const older = await exportLibrary(db, NOW);
    await annotate(db, [HOST, '7105', '15', 0], ['taxis'], '');

    const changed = meeting({
      items: [item('5', 'Child Sexual Exploitation in Southampton - Update', [['(i)', 'That the Licensing Committee consider CSE training for taxi drivers;']])],
    });
    const later = await newDb();
    await saveSelection(later, changed, { scope: 'meeting' }, T2);
    await saveSelection(later, meeting({ host: WORCS, id: '2453', council: 'Worcestershire County Council' }), { scope: 'item', itemKey: '16' }, T2);
    const newer = await exportLibrary(later, NOW);

    // An older backup into a newer library: the library's text and times stay.
    await restoreLibrary(later, new Blob([older]));
    expect((await later.clauses.get([HOST, '7105', '15', 0]))?.text).toBe('That the Licensing Committee consider CSE training for taxi drivers;');
    expect((await later.meetings.get([HOST, '7105']))?.retrievedAt).toBe(T2.toISOString());
    expect((await later.meetings.get([HOST, '7105']))?.contentHash).toBe(changed.contentHash);
    // The clause the newer page lost comes back from the backup (restore never deletes).
    expect((await later.clauses.get([HOST, '7105', '15', 1]))?.savedAt).toBe(T1.toISOString());
    expect(await later.meetings.get([WORCS, '2453'])).toBeDefined();

    // A newer backup into an older library: the backup's text wins, the library's tags stay.
    await restoreLibrary(db, new Blob([newer]));
    const clause = await db.clauses.get([HOST, '7105', '15', 0]);
    expect(clause?.text).toBe('That the Licensing Committee consider CSE training for taxi drivers;');
    expect(clause?.savedAt).toBe(T2.toISOString());
    expect(clause?.tags).toEqual(['taxis']);
    expect((await db.meetings.get([HOST, '7105']))?.contentHash).toBe(changed.contentHash);
    expect((await db.meetings.get([HOST, '7105']))?.whole).toBe(1);
    expect((await db.items.get([WORCS, '2453', '16']))?.picked).toBe(1);
  });
});

describe('restoreLibrary checks what it derives', () => {
  it('recomputes search words, outcome and votes instead of trusting the file, and reports a text conflict', async () => {
    await saveSelection(db, meeting(), { scope: 'meeting' }, T1);
    const backup = JSON.parse(await exportLibrary(db, NOW)) as { tables: { clauses: Record<string, unknown>[]; items: Record<string, unknown>[] } };
    // A tampered file: a clause claims to be "deferred" with votes the text does not state, and
    // words that would make it match any search; an item claims words too.
    const forged = backup.tables.clauses.find((c) => c.clauseIndex === 0 && c.itemKey === '15');
    if (!forged) throw new Error('the backup has no clause 0 of item 15');
    Object.assign(forged, { outcome: 'deferred', votes: { for: 99, against: 0, abstentions: null }, words: ['anything'] });
    Object.assign(backup.tables.items[0] ?? {}, { words: ['anything'] });
    // And the backup's copy of clause (ii) was saved later, with other text.
    const edited = backup.tables.clauses.find((c) => c.clauseIndex === 1 && c.itemKey === '15');
    Object.assign(edited ?? {}, { text: 'That officers report back in March;', savedAt: T2.toISOString() });

    const fresh = await newDb();
    await restoreLibrary(fresh, new Blob([JSON.stringify(backup)]));
    const clause = await fresh.clauses.get([HOST, '7105', '15', 0]);
    expect([clause?.outcome, clause?.votes]).toEqual(['resolved', null]);
    // The file's words (a backup made before version 9) are not stored; search finds what the text says.
    expect(clause).not.toHaveProperty('words');
    expect((await fresh.items.toArray()).filter((i) => 'words' in i)).toEqual([]);
    expect((await searchClauses(fresh, { text: 'anything' })).rows).toEqual([]);
    expect((await searchItems(fresh, { text: 'anything' })).rows).toEqual([]);
    expect((await searchClauses(fresh, { text: 'taxi' })).rows.map((c) => [c.itemKey, c.clauseIndex])).toContainEqual(['15', 0]);

    const { conflicts } = await restoreLibrary(db, new Blob([JSON.stringify(backup)]));
    expect((await db.clauses.get([HOST, '7105', '15', 1]))?.text).toBe('That officers report back in March;');
    expect(conflicts).toEqual([
      'Southampton City Council, Children and Families Scrutiny Panel 2016-11-03, item 5, clause (ii): the text differs; the copy saved later (the backup’s, 2024-03-02) is kept.',
    ]);
  });
});

describe('restoreLibrary rejects what it cannot restore, before touching the library', () => {
  let text: string;
  let data: ReturnType<typeof JSON.parse>;
  beforeEach(async () => {
    await fill(db);
    text = await exportLibrary(db, NOW);
    data = JSON.parse(text);
    // The library now differs from the backup, so an accidental restore would show.
    await wipe(db);
    await saveSelection(db, meeting({ id: '9999' }), { scope: 'item', itemKey: '16' }, T2);
  });

  const edited = (change: (d: ReturnType<typeof JSON.parse>) => void) => () => {
    const copy = structuredClone(data);
    change(copy);
    return JSON.stringify(copy);
  };

  const cases: [string, () => string, RegExp][] = [
    ['not JSON', () => 'Minutes of the Children and Families Scrutiny Panel, 3 November 2016', /^This file is not a Council Minutes backup: it is not JSON\.$/],
    ['an empty file', () => '  \n', /^This file is not a Council Minutes backup: it is empty\.$/],
    ['a JSON array', () => JSON.stringify(data.tables.clauses), /^This file is not a Council Minutes backup \(it holds a list, not a backup\)\.$/],
    ['JSON null', () => 'null', /^This file is not a Council Minutes backup \(it holds empty \(null\), not a backup\)\.$/],
    ["another app's JSON", () => JSON.stringify({ name: 'zotero-export', items: [{ title: 'Minutes' }] }), /^This file is not a Council Minutes backup \(format is missing\)\.$/],
    ["another app's format", edited((d) => (d.format = 'csl-json')), /^This file is not a Council Minutes backup \(its format is text "csl-json", not "council-minutes-backup"\)\.$/],
    ['version 2', edited((d) => (d.version = 2)), /made by a newer Council Minutes \(backup version 2; this one reads version 1\)\. Update the extension/],
    ['version missing', edited((d) => delete d.version), /^The backup is damaged: version is missing\. Nothing was restored\.$/],
    ['tables missing', edited((d) => delete d.tables), /^The backup is damaged: tables is missing\. Nothing was restored\.$/],
    ['a clause missing text', edited((d) => delete d.tables.clauses[3].text), /^The backup is damaged: clauses\[3\]\.text is missing\. Nothing was restored\.$/],
    ['a meeting with whole: 7', edited((d) => (d.tables.meetings[0].whole = 7)), /^The backup is damaged: meetings\[0\]\.whole should be 0 or 1 but is 7\. Nothing was restored\.$/],
    ['an item with a number as title', edited((d) => (d.tables.items[1].title = 12)), /^The backup is damaged: items\[1\]\.title should be text but is 12\. Nothing was restored\.$/],
    ['a clause that is null', edited((d) => (d.tables.clauses[0] = null)), /^The backup is damaged: clauses\[0\] should be a record but is empty \(null\)\. Nothing was restored\.$/],
    [
      'several problems',
      edited((d) => {
        delete d.tables.clauses[0].text;
        d.tables.clauses[1].tags = 'x';
        d.tables.councils[0].host = null;
      }),
      /^The backup is damaged: councils\[0\]\.host should be text but is empty \(null\) \(and 2 more problems\)\. Nothing was restored\.$/,
    ],
    [
      'a truncated file',
      () => text.slice(0, Math.floor(text.length / 2)),
      /^The backup is damaged: the file is incomplete or its JSON is broken \(it may have been cut short while copying\)\. Nothing was restored\.$/,
    ],
  ];

  it.each(cases)('%s', async (_name, input, message) => {
    const before = await contents(db);
    const transaction = vi.spyOn(db, 'transaction');
    await expect(restoreLibrary(db, new Blob([input()]))).rejects.toThrow(message);
    expect(transaction).not.toHaveBeenCalled();
    transaction.mockRestore();
    expect(await contents(db)).toEqual(before);
  });

  it('accepts the untouched file', async () => {
    expect((await restoreLibrary(db, new Blob([text]))).counts.meetings).toBe(2);
  });
});

/** Every table the library keeps but its record of changes (which counts writes): records and the search postings built from them. */
async function everyTable(d: LibraryDb) {
  return {
    ...(await contents(d)),
    postings: await d.postings.toArray(),
    meetingIndex: await d.meetingIndex.toArray(),
    meetingWords: await d.meetingWords.toArray(),
  };
}

describe('restoreLibrary failing half way', () => {
  /** The library differs from the backup: one meeting's clause (ii), annotated differently. */
  async function differentLibrary(d: LibraryDb) {
    await saveSelection(d, meeting(), { scope: 'clause', itemKey: '15', clauseIndex: 1 }, T2);
    await annotate(d, [HOST, '7105', '15', 1], ['resources'], '');
  }

  it('keeps the batches merged before a full disk, says which, and the same restore run again completes it as one clean restore would', async () => {
    await fill(db);
    const text = await exportLibrary(db, NOW);
    const backupClauses = JSON.parse(text).tables.clauses as { host: string; meetingId: string; itemKey: string; clauseIndex: number }[];
    await wipe(db);
    await differentLibrary(db);
    const clean = await newDb();
    await differentLibrary(clean);

    // 14 records in batches of 4: councils and committees; meetings and 2 items; 2 items and 2 clauses; 2 clauses. The clauses of batch 4 fail.
    const bulkPut = db.clauses.bulkPut.bind(db.clauses);
    let calls = 0;
    const spy = vi.spyOn(db.clauses, 'bulkPut').mockImplementation(((...args: Parameters<typeof bulkPut>) => {
      calls += 1;
      if (calls === 2) return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
      return bulkPut(...args);
    }) as typeof bulkPut);
    const failure = await restoreLibrary(db, new Blob([text]), { batchRecords: 4 }).catch((e: unknown) => e);
    spy.mockRestore();
    expect((failure as Error).message).toBe(
      'The restore stopped (the disk is full) after merging 12 of the backup’s 14 records (2 councils, 2 committees, 2 meetings, 4 items, 2 clauses). ' +
        'Those are kept and nothing in the library was lost: a restore only adds and merges. Restore the same file again to complete it: nothing is added twice.',
    );
    expect(((failure as Error).cause as Error).name).toBe('QuotaExceededError');
    // What it says: every council, committee, meeting and item, the backup's first two clauses and the library's own.
    expect(await db.meetings.count()).toBe(2);
    expect(await db.items.count()).toBe(4);
    const clauseKeys = (await db.clauses.toArray()).map((c) => [c.host, c.meetingId, c.itemKey, c.clauseIndex]);
    const expected = [...backupClauses.slice(0, 2).map((c) => [c.host, c.meetingId, c.itemKey, c.clauseIndex]), [HOST, '7105', '15', 1]];
    expect(clauseKeys.sort()).toEqual([...new Map(expected.map((k) => [JSON.stringify(k), k])).values()].sort());
    expect((await db.clauses.get([HOST, '7105', '15', 1]))?.tags).toEqual(['resources']);
    // The meetings merged are searchable with what was merged.
    expect((await searchClauses(db, { text: 'taxi' })).rows.length).toBeGreaterThan(0);

    // Once there is room again, the same file completes it: the library is what one clean restore makes.
    expect((await restoreLibrary(db, new Blob([text]), { batchRecords: 4 })).counts).toEqual({ councils: 2, committees: 2, meetings: 2, items: 4, clauses: 4 });
    await restoreLibrary(clean, new Blob([text]));
    expect(await everyTable(db)).toEqual(await everyTable(clean));
    expect((await db.clauses.get([HOST, '7105', '15', 1]))?.tags).toEqual(['resources']);
  });

  it('keeps what was merged when the file is cut short between the check and the merge, and says so', async () => {
    await fill(db);
    const text = await exportLibrary(db, NOW);
    await wipe(db);
    let reads = 0;
    // Checked whole, then cut short (moved or rewritten on disk) before the merge read it again.
    const file = { size: text.length, stream: () => new Blob([++reads === 1 ? text : text.slice(0, text.indexOf('"clauses":'))]).stream() };
    const failure = (await restoreLibrary(db, file, { batchRecords: 4 }).catch((e: unknown) => e)) as Error;
    expect(failure.message).toMatch(
      /^The restore stopped \(The backup is damaged: the file is incomplete or its JSON is broken \(it may have been cut short while copying\)\) after merging 8 of the backup’s 14 records \(2 councils, 2 committees, 2 meetings, 2 items, 0 clauses\)\. Those are kept/,
    );
    expect([await db.meetings.count(), await db.items.count(), await db.clauses.count()]).toEqual([2, 2, 0]);
  });

  it('stops when cancelled: while checking with nothing written, while merging after the batch under way, saying what was merged', async () => {
    await fill(db);
    const text = await exportLibrary(db, NOW);
    await wipe(db);
    const before = await everyTable(db);
    const transaction = vi.spyOn(db, 'transaction');
    const checking = new AbortController();
    const seen: unknown[] = [];
    const stopped = await restoreLibrary(db, new Blob([text]), {
      batchRecords: 4,
      signal: checking.signal,
      onProgress: (p) => {
        seen.push(p);
        checking.abort();
      },
    });
    expect(stopped).toEqual({ outcome: 'cancelled', counts: { councils: 0, committees: 0, meetings: 0, items: 0, clauses: 0 }, total: 4, conflicts: [], moreConflicts: 0 });
    expect(seen).toEqual([{ phase: 'checking', records: 4 }]);
    expect(transaction).not.toHaveBeenCalled();
    transaction.mockRestore();
    expect(await everyTable(db)).toEqual(before);

    const merging = new AbortController();
    const progress: unknown[] = [];
    const cancelled = await restoreLibrary(db, new Blob([text]), {
      batchRecords: 4,
      signal: merging.signal,
      onProgress: (p) => {
        progress.push(p);
        if (p.phase === 'restoring' && p.records === 8) merging.abort();
      },
    });
    expect(progress).toEqual([
      { phase: 'checking', records: 4 },
      { phase: 'checking', records: 8 },
      { phase: 'checking', records: 12 },
      { phase: 'checking', records: 14 },
      { phase: 'restoring', records: 4, total: 14 },
      { phase: 'restoring', records: 8, total: 14 },
    ]);
    expect(cancelled).toMatchObject({ outcome: 'cancelled', counts: { councils: 2, committees: 2, meetings: 2, items: 2, clauses: 0 }, total: 14 });
    expect([await db.meetings.count(), await db.items.count(), await db.clauses.count()]).toEqual([2, 2, 0]);
  });
});

describe('restoreLibrary conflicts', () => {
  it('lists the first 200 conflicts and counts the rest, keeping every note', async () => {
    const many = Array.from({ length: 250 }, (_, i): [string, string] => [`(${i + 1})`, `That grant ${i} be approved.`]);
    await saveSelection(db, meeting({ items: [item('5', 'Grants', many)] }), { scope: 'meeting' }, T1);
    await db.clauses.toCollection().modify({ note: 'from the backup' });
    const text = await exportLibrary(db, NOW);
    await db.clauses.toCollection().modify({ note: 'the library’s own' });
    const report = await restoreLibrary(db, new Blob([text]), { batchRecords: 100 });
    expect([report.conflicts.length, report.moreConflicts]).toEqual([200, 50]);
    expect(report.conflicts[0]).toMatch(/^Southampton City Council, Children and Families Scrutiny Panel 2016-11-03, item 5, clause \(1\): two different notes/);
    expect(new Set((await db.clauses.toArray()).map((c) => c.note))).toEqual(new Set(['the library’s own\n\nFrom the backup: from the backup']));
    expect(await db.clauses.count()).toBe(250);
  });
});
