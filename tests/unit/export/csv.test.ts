import { execFileSync } from 'node:child_process';
import 'fake-indexeddb/auto';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CLAUSE_COLUMNS } from '@/lib/export/clauseRows';
import { toCsv } from '@/lib/export/csv';
import { clausesCsv, ITEM_COLUMNS, itemsCsv } from '@/lib/export/libraryCsv';
import { LibraryDb } from '@/lib/library/db';
import { meetingKey } from '@/lib/library/identity';
import { saveSelection } from '@/lib/library/save';
import { annotate } from '../../support/annotate';
import { item, meeting } from '../../support/records';

/** Python's csv module, the way a researcher's script would read the file. */
function readWithPython(csv: string): string[][] {
  const out = execFileSync('python3', ['-c', 'import csv,io,json,sys; print(json.dumps(list(csv.reader(io.StringIO(sys.stdin.read())))))'], {
    input: csv.replace(/^\uFEFF/, ''),
  });
  return JSON.parse(out.toString()) as string[][];
}

describe('toCsv', () => {
  const rows = [
    { a: 'plain', b: 'with, comma' },
    { a: 'two\nlines', b: 'a "quote"' },
    { a: '=HYPERLINK("http://evil")', b: '+1' },
    { a: '-2', b: '@SUM(A1)' },
    { a: '\tTab', b: '\rCR' },
    // A formula cell that spans lines: Papa's own escapeFormulae regexp stopped at the new line.
    { a: '=HYPERLINK("http://evil","x")\n+0', b: '-1\r\n@2' },
  ];
  const csv = toCsv(rows, ['a', 'b']);

  it('starts with a BOM and ends rows with CRLF', () => {
    expect(csv.startsWith('\uFEFFa,b\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('neutralises cells that would start a formula', () => {
    const cells = readWithPython(csv).slice(1).flat();
    expect(cells).toEqual(['plain', 'with, comma', 'two\nlines', 'a "quote"', '\'=HYPERLINK("http://evil")', "'+1", "'-2", "'@SUM(A1)", "'\tTab", "'\rCR", '\'=HYPERLINK("http://evil","x")\n+0', "'-1\r\n@2"]);
  });

  it('round-trips through Python csv with quoting and newlines intact', () => {
    const parsed = readWithPython(csv);
    expect(parsed[0]).toEqual(['a', 'b']);
    expect(parsed[2]).toEqual(['two\nlines', 'a "quote"']);
  });
});

describe('csvChunk against Papa Parse', () => {
  // The writer replaced Papa Parse's unparse (with escapeFormulae set to FORMULA_START): the same
  // bytes for every cell, over cells built from the characters quoting and formulae turn on.
  const alphabet = ['a', 'Z', '1', ' ', ',', '"', "'", '\n', '\r', '\t', '=', '+', '-', '@', '\uFEFF', 'é', ';'];
  let seed = 17;
  const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  const text = () => Array.from({ length: Math.floor(random() * 7) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');

  it('writes every cell as Papa Parse does', () => {
    const rows = Array.from({ length: 3000 }, (_, n) => ({ a: text(), b: text(), n: n % 7 === 0 ? -n : n }));
    const papa = Papa.unparse(rows, { columns: ['a', 'b', 'n'], escapeFormulae: /^[=+\-@\t\r]/, newline: '\r\n', header: true });
    expect(toCsv(rows, ['a', 'b', 'n'])).toBe(`\uFEFF${papa}\r\n`);
    expect(rows.some((r) => r.a.startsWith('=') || r.b.startsWith('-'))).toBe(true);
  });
});

describe('library CSV', () => {
  it('writes one row per clause with the documented columns, and one row per item', async () => {
    const db = new LibraryDb(`csv-${Date.now()}`);
    const record = meeting({ items: [item('5', 'CSE Update', [['(i)', '=cmd|calc\n+HYPERLINK("http://evil")'], ['(ii)', 'Second, with "quotes"\nand a new line']], { description: '@SUM(A1)\n=HYPERLINK("http://evil")' })] });
    await saveSelection(db, record, { scope: 'meeting' }, new Date('2026-11-23T10:00:00Z'));
    await annotate(db, ['www.southampton.gov.uk', '7105', '15', 1], ['taxis', 'cse'], 'note');
    const meetings = new Map((await db.meetings.toArray()).map((m) => [meetingKey(m), m]));
    const clauses = readWithPython(clausesCsv(await db.clauses.toArray(), meetings));
    expect(clauses[0]).toEqual([...CLAUSE_COLUMNS]);
    expect(clauses).toHaveLength(3);
    const second = Object.fromEntries(CLAUSE_COLUMNS.map((c, i) => [c, clauses[2]?.[i]]));
    expect(second).toEqual({
      council: 'Southampton City Council',
      host: 'www.southampton.gov.uk',
      committee: 'Children and Families Scrutiny Panel',
      meeting_date: '2016-11-03',
      meeting_url: record.meeting.url,
      item_number: '5',
      item_title: 'CSE Update',
      clause_label: '(ii)',
      clause_text: 'Second, with "quotes"\nand a new line',
      tags: 'taxis; cse',
      note: 'note',
      source_url: record.meeting.url,
      retrieved_at: '2026-11-23T10:00:00.000Z',
      content_hash: record.contentHash,
      outcome: 'resolved',
      votes_for: '',
      votes_against: '',
      votes_abstentions: '',
      formula: 'RESOLVED',
      section: 'minutes',
      exempt: 'no',
    });
    expect(clauses[1]?.[8]).toBe('\'=cmd|calc\n+HYPERLINK("http://evil")');
    const items = readWithPython(itemsCsv(await db.items.toArray(), meetings));
    expect(items[0]).toEqual([...ITEM_COLUMNS]);
    expect(items).toHaveLength(2);
    expect(items[1]?.[ITEM_COLUMNS.indexOf('procedural')]).toBe('no');
    expect(items[1]?.[ITEM_COLUMNS.indexOf('description')]).toBe('\'@SUM(A1)\n=HYPERLINK("http://evil")');
    db.close();
    await db.delete();
  });
});
