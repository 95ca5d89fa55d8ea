/**
 * The label grammar: how clauses are numbered. A label is a number, a letter or a roman
 * numeral, in brackets "(i)", "(a)." or "[1]", closed "a)", with a stop "1." or a colon "A:", or a
 * paragraph number "6.1" (not a time, "5.30 pm"); its kind says which list
 * it belongs to, so a paragraph numbered like the minute around the resolution ("(3)" after
 * "(2) Following discussion Cabinet Resolved that: (a) (b)") is known not to be a clause.
 */
const LABEL = /^(\(\s*(?:[ivxlcdm]{1,6}|[a-z]|\d{1,3}[a-z]?)\s*\)\.?|\[\s*\d{1,3}\s*\]|(?:[ivxlcdm]{1,6}|[a-z]|\d{1,3})[.)]|\d{1,2}\.\d{1,2}\.?(?!\s*(?:am|pm|a\.m|p\.m|hours?)\b)|[A-Z]:)(?=\s|$)/i;

/** "That (i) the forecast be noted": a label printed after the opening "That". */
const THAT_BEFORE_LABEL = /^(?:That|THAT)\s+(?=\(\s*(?:[ivxlcdm]{1,6}|[a-z]|\d{1,3})\s*\)\s)/;

export function splitLabel(text: string): { label: string | null; text: string } {
  const match = LABEL.exec(text.replace(THAT_BEFORE_LABEL, ''));
  if (!match) return { label: null, text };
  const label = (match[1] ?? '').replace(/\s+/g, '');
  return { label, text: text.replace(THAT_BEFORE_LABEL, '').slice(match[0].length).trim() };
}

type Series = 'number' | 'decimal' | 'lower' | 'upper' | 'roman' | 'ROMAN';

/** The list a label belongs to: its punctuation and its series ("(a)" and "(b)" are one list,
 * "(1)" another, "1." a third). A lone "i", "v" or "x" is read as roman. */
export function labelKind(label: string): string {
  const punctuation = label.startsWith('(') ? (label.endsWith('.') ? 'paren-stop' : 'paren') : label.startsWith('[') ? 'bracket' : label.endsWith(')') ? 'close' : label.endsWith(':') ? 'colon' : /[.]$/.test(label) ? 'stop' : 'bare';
  const core = label.replace(/[()[\]:\s]/g, '').replace(/\.$/, '');
  let series: Series;
  if (/^\d+\.\d+\.?$/.test(label)) series = 'decimal';
  else if (/^\d/.test(core)) series = 'number';
  else if (/^[ivxlcdm]+$/.test(core) && (core.length > 1 || /[ivx]/.test(core))) series = 'roman';
  else if (/^[IVXLCDM]+$/.test(core) && (core.length > 1 || /[IVX]/.test(core))) series = 'ROMAN';
  else series = core === core.toLowerCase() ? 'lower' : 'upper';
  return `${punctuation}-${series}`;
}

/** Capital letters printed bare as labels, "A Note the budget", "B Approve …": read as labels only
 * when they run as a series from "A" on consecutive lines ("A Member asked …" is a sentence), or
 * for a lone "A" before a verb of decision. */
const DECISION_VERB = /^(?:Note|Approve|Agree|Adopt|Endorse|Delegate|Authorise|Authorize|Recommend|Request|Receive|Refer|Defer|Confirm|Accept|Support|Reject)\b/;

export function bareLetterLabels(paragraphs: { text: string }[]): Map<{ text: string }, string> {
  const found = new Map<{ text: string }, string>();
  let run: { text: string }[] = [];
  const close = () => {
    if (run.length >= 2 || (run.length === 1 && DECISION_VERB.test(run[0]!.text.slice(1).trim()))) run.forEach((p, i) => found.set(p, String.fromCharCode(65 + i)));
    run = [];
  };
  for (const paragraph of paragraphs) {
    const letter = /^([A-H])\s+[A-Z][a-z]/.exec(paragraph.text)?.[1];
    if (letter !== undefined && letter.charCodeAt(0) === 65 + run.length) run.push(paragraph);
    else {
      close();
      if (letter === 'A') run.push(paragraph);
    }
  }
  close();
  return found;
}
