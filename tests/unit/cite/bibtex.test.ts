import { describe, expect, it } from 'vitest';
import { bibtex, escapeBibtex } from '@/lib/cite/bibtex';
import { referencesOfPage } from '@/lib/cite/fromPage';
import type { Reference } from '@/lib/cite/reference';
import { parsedBack } from './roundTrip';
import { SOUTHAMPTON_URL, southampton } from './southampton';

const refs = () => referencesOfPage(southampton(), '2026-11-30T10:00:00.000Z');

describe('BibTeX', () => {
  it('round-trips through a BibTeX parser: a report by the council, with its container, dates and address', () => {
    const back = parsedBack(bibtex(refs()));
    expect(back).toHaveLength(12);
    expect(back[1]).toEqual({
      id: 'southampton2016-5-i',
      'citation-key': 'southampton2016-5-i',
      type: 'report',
      author: [{ family: 'Southampton City Council' }],
      title: 'Item 5: Child Sexual Exploitation in Southampton - Update, resolution (i)',
      // `type` of a @techreport is its genre: the words printed instead of "Technical report".
      genre: 'Minutes of the Children and Families Scrutiny Panel, 3 November 2016',
      publisher: 'Southampton City Council',
      issued: { 'date-parts': [[2016, 11, 3]] },
      accessed: { 'date-parts': [[2026, 11, 30]] },
      URL: SOUTHAMPTON_URL,
      abstract: 'That the Licensing Committee consider making CSE training a condition of receiving a taxi licence in Southampton;',
    });
  });

  it('writes an institutional author and the title in double braces, so styles neither split nor lower-case them', () => {
    const entry = bibtex([refs()[1]!]);
    expect(entry).toMatch(/^@techreport\{southampton2016-5-i,\n/);
    expect(entry).toContain('  author = {{Southampton City Council}},\n');
    expect(entry).toContain('  title = {{Item 5: Child Sexual Exploitation in Southampton - Update, resolution (i)}},\n');
    expect(entry).toContain('  month = nov,\n');
  });

  it('escapes every special character, so hostile text stays text and reads back as it was', () => {
    expect(escapeBibtex('{}\\%$&#_^~')).toBe('\\{\\}\\textbackslash{}\\%\\$\\&\\#\\_\\textasciicircum{}\\textasciitilde{}');
    const text = 'Close } early, {open, \\input{/etc/passwd} 100% $x^2$ & #1 _a ~b';
    const hostile: Reference = {
      ...refs()[1]!,
      council: 'Ban}{es & Co',
      itemTitle: text,
      abstract: `${text}\n\n@misc{forged, title = {x}}`,
      tags: ['a}b'],
      note: '%comment',
    };
    const output = bibtex([hostile, refs()[0]!]);
    const back = parsedBack(output);
    expect(back).toHaveLength(2);
    expect(back[0]).toMatchObject({
      author: [{ family: 'Ban}{es & Co' }],
      title: `Item 5: ${text}, resolution (i)`,
      abstract: `${text} @misc{forged, title = {x}}`,
      keyword: 'a}b',
      annote: '%comment',
    });
    expect(output.match(/^@/gm)).toHaveLength(2);
  });

  it('percent-encodes what a URL must not hold in a verbatim field', () => {
    const entry = bibtex([{ ...refs()[1]!, url: 'https://x.example/a b{c}\\d?e=1&f=%20#g' }]);
    expect(entry).toContain('  url = {https://x.example/a%20b%7Bc%7D%5Cd?e=1&f=%20#g},\n');
  });
});
