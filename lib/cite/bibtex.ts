import { citationKeys, containerTitle, dateParts, referenceTitle, type Reference } from './reference';

const SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '%': '\\%',
  $: '\\$',
  '&': '\\&',
  '#': '\\#',
  _: '\\_',
  '^': '\\textasciicircum{}',
  '~': '\\textasciitilde{}',
};

/** Text as a (La)TeX-safe field value: specials escaped, so page text cannot close the field,
 * open a comment or run a command; line breaks folded, so it cannot start an entry of its own. */
export function escapeBibtex(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\{}%$&#_^~]/g, (c) => SPECIALS[c] ?? c);
}

/** URLs are verbatim fields (biblatex, the url package): only what would unbalance the braces or
 * break the field is percent-encoded. */
function bibtexUrl(url: string): string {
  return url.replace(/[{}\\\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function isoDay(iso: string): string | null {
  const parts = dateParts(iso);
  return parts ? parts.map((n, i) => String(n).padStart(i === 0 ? 4 : 2, '0')).join('-') : null;
}

/**
 * `@techreport`, as Zotero exports a report; BibTeX styles and biblatex (which reads it as
 * `@report`) both print it. `type` replaces the words "Technical report" with the committee and
 * meeting; `institution` (required) is the council. Titles are double-braced so styles keep
 * their capitals. `date` and `urldate` are biblatex's; `year`/`month` serve BibTeX. The note
 * goes in `annote`, which styles do not print.
 */
export function bibtexEntry(ref: Reference, key: string): string {
  const parts = dateParts(ref.date);
  const council = ref.council ? `{${escapeBibtex(ref.council)}}` : null;
  const fields: [string, string | null][] = [
    ['author', council],
    ['title', `{${escapeBibtex(referenceTitle(ref))}}`],
    ['type', `{${escapeBibtex(containerTitle(ref))}}`],
    ['institution', council ?? `{${escapeBibtex(ref.host)}}`],
    ['year', parts ? String(parts[0]) : null],
    ['month', parts ? (MONTHS[parts[1] - 1] ?? null) : null],
    ['date', isoDay(ref.date)],
    ['url', bibtexUrl(ref.url)],
    ['urldate', isoDay(ref.accessed)],
    ['abstract', escapeBibtex(ref.abstract) || null],
    ['keywords', escapeBibtex(ref.tags.join(', ')) || null],
    ['annote', escapeBibtex(ref.note) || null],
  ];
  const body = fields.flatMap(([name, value]) => {
    if (value === null) return [];
    // Month names are BibTeX's own macros (nov), so they go unbraced.
    return [`  ${name} = ${name === 'month' ? value : `{${value}}`}`];
  });
  return `@techreport{${key},\n${body.join(',\n')}\n}\n`;
}

/** A .bib file, UTF-8. */
export function bibtex(refs: Reference[]): string {
  const keys = citationKeys(refs);
  return refs.map((ref, i) => bibtexEntry(ref, keys[i] ?? String(i))).join('\n');
}
