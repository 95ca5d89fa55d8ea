/** A cell that a spreadsheet would read as a formula: it starts with = + - @ tab or CR, whatever
 * follows, new lines included (Papa Parse's own `escapeFormulae: true` uses `/^[=+\-@\t\r].*$/`,
 * whose `.` stops at a new line, so `=HYPERLINK(…)` followed by a line break went out as is). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** What makes a cell need quotes: a comma, a quote, a line break, a byte-order mark, or a space at either end. */
const NEEDS_QUOTES = /[,"\r\n\uFEFF]|^ | $/;

/** One cell, RFC 4180: quoted where it must be, quotes doubled, a formula start neutralised with a
 * leading apostrophe (and then quoted). Numbers are written as they are (they cannot start a formula). */
function cell(value: string | number | undefined): string {
  if (value === undefined) return '';
  let text = String(value);
  let quote = false;
  if (typeof value === 'string' && FORMULA_START.test(text)) {
    text = `'${text}`;
    quote = true;
  }
  if (text.includes('"')) text = text.replace(/"/g, '""');
  return quote || NEEDS_QUOTES.test(text) ? `"${text}"` : text;
}

/** CSV that spreadsheet programs and Python's `csv` module read alike: RFC 4180 quoting, CRLF,
 * a UTF-8 byte-order mark, and cells that would start a formula neutralised with a leading
 * apostrophe — page text is untrusted. Every CSV the extension and the CLI write goes through here. */
export function toCsv<Row extends Record<string, string | number>>(rows: Row[], columns: (keyof Row & string)[]): string {
  return csvChunk(rows, columns, true);
}

/**
 * Part of a CSV written in chunks: the first chunk has the byte-order mark and the header, the
 * others only their rows; every chunk ends its last row with CRLF, so the chunks joined are
 * exactly `toCsv` of all the rows. A chunk of no rows after the first is ''. Written by hand
 * rather than with Papa Parse's `unparse` (the same output, checked against it in
 * tests/unit/export/csv.test.ts): a million-row export spent a fifth of its time there.
 */
export function csvChunk<Row extends Record<string, string | number>>(rows: Row[], columns: (keyof Row & string)[], first: boolean): string {
  const cells = {} as CellsOf<Row, keyof Row & string>;
  for (const column of columns) cells[column] = (row) => row[column];
  return csvChunkOf(rows, columns, cells, first);
}

/** Each column's cell of a record. */
export type CellsOf<T, Column extends string> = Record<Column, (record: T) => string | number | undefined>;

/**
 * `csvChunk` of records whose cells `cells` gives column by column, so no row object is built
 * for each record: a library export of a million rows spent most of its formatting building them.
 */
export function csvChunkOf<T, Column extends string>(records: readonly T[], columns: readonly Column[], cells: CellsOf<T, Column>, first: boolean): string {
  if (!first && records.length === 0) return '';
  const getters = columns.map((column) => cells[column]);
  // Lines joined once: a string grown cell by cell is a deep rope, slow to flatten for a whole export.
  const lines: string[] = first ? [columns.map(cell).join(',')] : [];
  for (const record of records) lines.push(getters.map((of) => cell(of(record))).join(','));
  return `${first ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}
