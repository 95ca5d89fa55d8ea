import Papa from 'papaparse';

/** A cell that a spreadsheet would read as a formula: it starts with = + - @ tab or CR, whatever
 * follows, new lines included (Papa's own `escapeFormulae: true` uses `/^[=+\-@\t\r].*$/`, whose
 * `.` stops at a new line, so `=HYPERLINK(…)` followed by a line break went out as is). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** CSV that spreadsheet programs and Python's `csv` module read alike: RFC 4180 quoting, CRLF,
 * a UTF-8 byte-order mark, and cells that would start a formula neutralised with a leading
 * apostrophe — page text is untrusted. Every CSV the extension and the CLI write goes through here. */
export function toCsv<Row extends Record<string, string | number>>(rows: Row[], columns: (keyof Row & string)[]): string {
  return `\uFEFF${Papa.unparse(rows, { columns, escapeFormulae: FORMULA_START, newline: '\r\n', header: true })}\r\n`;
}
