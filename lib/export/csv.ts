import Papa from 'papaparse';

/** CSV that spreadsheet programs and Python's `csv` module read alike: RFC 4180 quoting, CRLF,
 * a UTF-8 byte-order mark, and cells that would start a formula (= + - @ tab CR) neutralised
 * with a leading apostrophe — page text is untrusted. */
export function toCsv<Row extends Record<string, string | number>>(rows: Row[], columns: (keyof Row & string)[]): string {
  return `\uFEFF${Papa.unparse(rows, { columns, escapeFormulae: true, newline: '\r\n', header: true })}\r\n`;
}
