import 'fake-indexeddb/auto';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clausesCsv, clausesCsvChunk, itemsCsv } from '@/lib/export/libraryCsv';
import { writeChunks } from '@/lib/export/streamCsv';
import { LibraryDb } from '@/lib/library/db';
import { clausesToExport } from '@/lib/library/exportRows';
import { meetingKey } from '@/lib/library/identity';
import { saveSelection } from '@/lib/library/save';
import type { SavedClause } from '@/lib/library/schema';
import { searchClauses, searchItems, type LibraryFilter } from '@/lib/library/search';
import { dexieLibrary } from '@/lib/library/service';
import { annotate } from '../../support/annotate';
import { memorySink } from '../../support/memorySink';
import { item, meeting } from '../../support/records';

const WORCS = 'worcestershire.moderngov.co.uk';
let db: LibraryDb;
let n = 0;
beforeEach(async () => {
  db = new LibraryDb(`stream-${++n}-${Date.now()}`);
  await db.open();
  // Southampton 2016-11-03: items 5 (two clauses), 6 (one), 8 (none).
  await saveSelection(db, meeting(), { scope: 'meeting' });
  // Worcestershire 2015-05-22: cells that need quoting, formula-like clauses, a note over two lines.
  await saveSelection(
    db,
    meeting({
      host: WORCS,
      id: '42',
      council: 'Worcestershire County Council',
      committee: 'Cabinet',
      date: '2015-05-22',
      items: [
        item('5', 'Budget, "draft"', [
          ['(a)', '=HYPERLINK("http://evil","x")\n+0 be noted'],
          ['(b)', 'That the budget, as amended, be agreed.'],
          ['(c)', '-2 per cent be noted'],
        ]),
        item('6', 'Parks', [['1.', 'That the parks strategy be approved.']]),
      ],
    }),
    { scope: 'meeting' },
  );
  await annotate(db, [WORCS, '42', '15', 1], ['budget'], 'first line\nsecond line');
  // Southampton 2019-01-10, one clause saved alone: its item is context only (not picked).
  await saveSelection(db, meeting({ id: '9001', date: '2019-01-10', items: [item('3', 'Bus lanes', [['(i)', 'That the bus lane be deferred.']])] }), {
    scope: 'clause',
    itemKey: '13',
    clauseIndex: 0,
  });
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const meetingsMap = async () => new Map((await db.meetings.toArray()).map((m) => [meetingKey(m), m]));
const texts = (csv: string) => Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data.map((r) => r.clause_text);

describe('CSV written in chunks', () => {
  it('is byte for byte the CSV written in one go, whatever the chunk size, formula guard and quoting kept', async () => {
    const all = (await searchClauses(db, {})).rows;
    expect(all).toHaveLength(8);
    const meetings = await meetingsMap();
    const whole = clausesCsv(all, meetings);
    // Read a meeting at a time (readRows 1), or one meeting then all the others; chunks of 1 row to all.
    for (const [readRows, size, chunks] of [[1, 1, 8], [1, 3, 3], [1, 100, 1], [10_000, 1, 8], [10_000, 5, 2], [10_000, 100, 1]] as const) {
      const sink = memorySink();
      const { meetings: m, batches } = await clausesToExport(db, {}, readRows);
      const done = await writeChunks(batches, (rows, first) => clausesCsvChunk(rows, m, first), sink, {}, size);
      expect(done).toEqual({ rows: 8, outcome: 'written' });
      expect(sink.state).toBe('closed');
      expect(sink.chunks).toHaveLength(chunks);
      expect(new TextEncoder().encode(sink.chunks.join(''))).toEqual(new TextEncoder().encode(whole));
    }
    expect(whole.startsWith('\uFEFFcouncil,host,committee,')).toBe(true);
    expect(whole).toContain(`"'=HYPERLINK(""http://evil"",""x"")\n+0 be noted"`);
    expect(whole).toContain(`,"'-2 per cent be noted",`);
    expect(whole).toContain(`"first line\nsecond line"`);
    expect(whole).toContain(`"Budget, ""draft"""`);
  });

  it('lists rows newest meeting first, then in page order', async () => {
    const sink = memorySink();
    await dexieLibrary(db).exportCsv('clauses', {}, sink);
    expect(texts(sink.chunks.join(''))).toEqual([
      'That the bus lane be deferred.',
      'That the Licensing Committee consider making CSE training a condition of receiving a taxi licence in Southampton;',
      'That officers explore opportunities to increase resources dedicated to analysing CSE data;',
      'That the Panel were provided with information on EHE;',
      '\'=HYPERLINK("http://evil","x")\n+0 be noted',
      'That the budget, as amended, be agreed.',
      "'-2 per cent be noted",
      'That the parks strategy be approved.',
    ]);
  });

  it('writes what the search finds, for every filter, clauses and items', async () => {
    const library = dexieLibrary(db);
    const meetings = await meetingsMap();
    const filters: LibraryFilter[] = [
      {},
      { host: WORCS },
      { committee: 'Cabinet' },
      { from: '2016-01-01' },
      { to: '2016-11-03' },
      { from: '2015-05-22', to: '2016-11-03' },
      { tag: 'budget' },
      { outcome: 'deferred' },
      { text: 'parks' },
      { text: 'budget', host: WORCS },
      { host: 'www.southampton.gov.uk', from: '2017-01-01' },
    ];
    for (const filter of filters) {
      const clauses = memorySink();
      const expected = (await searchClauses(db, filter)).rows;
      const done = await library.exportCsv('clauses', filter, clauses);
      expect(done, JSON.stringify(filter)).toEqual({ rows: expected.length, outcome: expected.length ? 'written' : 'empty' });
      if (expected.length) expect(clauses.chunks.join(''), JSON.stringify(filter)).toBe(clausesCsv(expected, meetings));
      const items = memorySink();
      const expectedItems = (await searchItems(db, filter)).rows;
      await library.exportCsv('items', filter, items);
      if (expectedItems.length) expect(items.chunks.join(''), JSON.stringify(filter)).toBe(itemsCsv(expectedItems, meetings));
      else expect(items.state).toBe('aborted');
    }
    // Read from the fixture: two of the filters above match what they should.
    expect((await searchClauses(db, { outcome: 'deferred' })).rows.map((c) => c.text)).toEqual(['That the bus lane be deferred.']);
    // Items saved only as a clause's context are not exported: 5 picked items (5, 6, 8; 5, 6), not "Bus lanes".
    const items = memorySink();
    expect(await library.exportCsv('items', {}, items)).toEqual({ rows: 5, outcome: 'written' });
    expect(items.chunks.join('')).not.toContain('Bus lanes');
  });

  it('writes nothing and leaves no file when nothing matches', async () => {
    const sink = memorySink();
    expect(await dexieLibrary(db).exportCsv('clauses', { text: 'nowhere' }, sink)).toEqual({ rows: 0, outcome: 'empty' });
    expect([sink.chunks, sink.state]).toEqual([[], 'aborted']);
    const dated = memorySink();
    expect(await dexieLibrary(db).exportCsv('clauses', { from: '2030-01-01' }, dated)).toEqual({ rows: 0, outcome: 'empty' });
    expect(dated.state).toBe('aborted');
  });

  it('keeps clauses whose meeting row is missing, after the others', async () => {
    // As a hand-made backup can leave them: a clause with no meeting row.
    const orphan: SavedClause = { ...((await db.clauses.get(['www.southampton.gov.uk', '7105', '16', 0])) as SavedClause), meetingId: 'gone', text: 'That the orphan be kept.' };
    await db.clauses.put(orphan);
    const sink = memorySink();
    expect(await dexieLibrary(db).exportCsv('clauses', {}, sink)).toEqual({ rows: 9, outcome: 'written' });
    expect(texts(sink.chunks.join('')).at(-1)).toBe('That the orphan be kept.');
    const southampton = memorySink();
    expect(await dexieLibrary(db).exportCsv('clauses', { host: 'www.southampton.gov.uk' }, southampton)).toEqual({ rows: 5, outcome: 'written' });
    expect(texts(southampton.chunks.join('')).at(-1)).toBe('That the orphan be kept.');
  });

  it('stops when cancelled and aborts the file rather than closing it', async () => {
    const sink = memorySink();
    const cancel = new AbortController();
    const progress: number[] = [];
    const { meetings, batches } = await clausesToExport(db, {}, 1);
    const done = await writeChunks(
      batches,
      (rows, first) => clausesCsvChunk(rows, meetings, first),
      sink,
      {
        signal: cancel.signal,
        onProgress: (rows) => {
          progress.push(rows);
          cancel.abort();
        },
      },
      1,
    );
    // The first meeting read (one clause) is written, then the export stops.
    expect(done).toEqual({ rows: 1, outcome: 'cancelled' });
    expect(progress).toEqual([1]);
    expect(sink.chunks).toHaveLength(1);
    expect(sink.state).toBe('aborted');
  });

  it('aborts the file when writing fails, and passes the failure on', async () => {
    const sink = memorySink();
    sink.write = async () => {
      throw new Error('The disk is full.');
    };
    await expect(dexieLibrary(db).exportCsv('clauses', {}, sink)).rejects.toThrow('The disk is full.');
    expect(sink.state).toBe('aborted');
    expect(await db.clauses.count()).toBe(8);
  });
});
