import Papa from 'papaparse';

/** A cell that a spreadsheet would read as a formula: it starts with = + - @ tab or CR, whatever
 * follows, new lines included (Papa's own `escapeFormulae: true` uses `/^[=+\-@\t\r].*$/`, whose
 * `.` stops at a new line, so `=HYPERLINK(…)` followed by a line break went out as is). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** CSV that spreadsheet programs and Python's `csv` module read alike: RFC 4180 quoting, CRLF,
 * a UTF-8 byte-order mark, and cells that would start a formula neutralised with a leading
 * apostrophe — page text is untrusted. Every CSV the extension and the CLI write goes through here. */
export function toCsv<Row extends Record<string, string | number>>(rows: Row[], columns: (keyof Row & string)[]): string {
  return csvChunk(rows, columns, true);
}

/**
 * Part of a CSV written in chunks: the first chunk has the byte-order mark and the header, the
 * others only their rows; every chunk ends its last row with CRLF, so the chunks joined are
 * exactly `toCsv` of all the rows. A chunk of no rows after the first is ''.
 */
export function csvChunk<Row extends Record<string, string | number>>(rows: Row[], columns: (keyof Row & string)[], first: boolean): string {
  if (!first && rows.length === 0) return '';
  const text = Papa.unparse(rows, { columns, escapeFormulae: FORMULA_START, newline: '\r\n', header: first });
  return `${first ? '\uFEFF' : ''}${text}\r\n`;
}
