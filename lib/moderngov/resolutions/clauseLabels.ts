/**
 * The label grammar: how clauses are numbered. A label is a number, a letter or a roman
 * numeral, in brackets "(i)" or "[1]", closed "a)" or with a stop "1."; its kind says which list
 * it belongs to, so a paragraph numbered like the minute around the resolution ("(3)" after
 * "(2) Following discussion Cabinet Resolved that: (a) (b)") is known not to be a clause.
 */
const LABEL = /^(\(\s*(?:[ivxlcdm]{1,6}|[a-z]|\d{1,3}[a-z]?)\s*\)|\[\s*\d{1,3}\s*\]|(?:[ivxlcdm]{1,6}|[a-z]|\d{1,3})[.)])(?=\s|$)/i;

export function splitLabel(text: string): { label: string | null; text: string } {
  const match = LABEL.exec(text);
  if (!match) return { label: null, text };
  const label = (match[1] ?? '').replace(/\s+/g, '');
  return { label, text: text.slice(match[0].length).trim() };
}

type Series = 'number' | 'lower' | 'upper' | 'roman' | 'ROMAN';

/** The list a label belongs to: its punctuation and its series ("(a)" and "(b)" are one list,
 * "(1)" another, "1." a third). A lone "i", "v" or "x" is read as roman. */
export function labelKind(label: string): string {
  const punctuation = label.startsWith('(') ? 'paren' : label.startsWith('[') ? 'bracket' : label.endsWith(')') ? 'close' : 'stop';
  const core = label.replace(/[()[\].\s]/g, '');
  let series: Series;
  if (/^\d/.test(core)) series = 'number';
  else if (/^[ivxlcdm]+$/.test(core) && (core.length > 1 || /[ivx]/.test(core))) series = 'roman';
  else if (/^[IVXLCDM]+$/.test(core) && (core.length > 1 || /[IVX]/.test(core))) series = 'ROMAN';
  else series = core === core.toLowerCase() ? 'lower' : 'upper';
  return `${punctuation}-${series}`;
}
