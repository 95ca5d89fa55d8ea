import { describe, expect, it } from 'vitest';
import { referenceOfMeetingItem } from '@/lib/cite/fromPage';
import type { Reference } from '@/lib/cite/reference';
import { formatBibliography, formatCitation } from '@/lib/cite/render';
import { SOUTHAMPTON_URL, southampton } from './southampton';

function clauseOne(): Reference {
  const ref = referenceOfMeetingItem(southampton(), 0, 0, '2026-11-30T10:00:00.000Z');
  if (!ref) throw new Error('no item 5, clause (i)');
  return ref;
}

const TITLE = 'Item 5: Child Sexual Exploitation in Southampton - Update, resolution (i)';
const CONTAINER = 'Minutes of the Children and Families Scrutiny Panel, 3 November 2016';

// Building an engine for APA takes seconds in Node, more while other test files run.
describe('citations by citeproc-js', { timeout: 30_000 }, () => {
  // Each style's own pattern for a report in a larger work, filled in from the page: the council
  // as author, the meeting year, the item and clause, the committee and meeting, the address.
  it('Harvard (Cite Them Right): Author (Year) Title, Container. Available at: URL (Accessed: date).', () => {
    expect(formatCitation(clauseOne(), 'harvard').text).toBe(
      `Southampton City Council (2016) ${TITLE}, ${CONTAINER}. Available at: ${SOUTHAMPTON_URL} (Accessed: 30 November 2026).`,
    );
  });

  it('APA 7th: Author. (Year). Title. In Container. URL', () => {
    expect(formatCitation(clauseOne(), 'apa').text).toBe(`Southampton City Council. (2016). ${TITLE}. In ${CONTAINER}. ${SOUTHAMPTON_URL}`);
  });

  it('Chicago author-date: Author. Year. “Title.” Container. URL. (title case, no access date when the date is known)', () => {
    expect(formatCitation(clauseOne(), 'chicago').text).toBe(
      `Southampton City Council. 2016. “Item 5: Child Sexual Exploitation in Southampton - Update, Resolution (i).” ${CONTAINER}. ${SOUTHAMPTON_URL}.`,
    );
  });

  it('gives HTML with italics for pasting, page text escaped', () => {
    const { html } = formatCitation({ ...clauseOne(), itemTitle: '<img src=x onerror=alert(1)> & co' }, 'harvard');
    expect(html).toContain('<i>');
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62; &#38; co');
    expect(html).not.toContain('<img');
  });

  it('says there is no date when none is known, and puts the title first when the council is unknown', () => {
    const unknown = { ...clauseOne(), council: null, date: '' };
    expect(formatCitation(unknown, 'harvard').text).toBe(
      `${TITLE} (no date) Minutes of the Children and Families Scrutiny Panel. Available at: ${SOUTHAMPTON_URL} (Accessed: 30 November 2026).`,
    );
    expect(formatCitation(unknown, 'apa').text).toMatch(/^Item 5: .*, resolution \(i\)\. \(n\.d\.\)\. In Minutes of the Children and Families Scrutiny Panel\. Retrieved November 30, 2026, from /);
  });

  it('cites a reference again as it is now, not as first cited', () => {
    const ref = clauseOne();
    expect(formatCitation(ref, 'harvard').text).toContain('(Accessed: 30 November 2026)');
    expect(formatCitation({ ...ref, accessed: '2026-12-01' }, 'harvard').text).toContain('(Accessed: 1 December 2026)');
  });

  it('orders a reference list as the style does (by author, then date)', () => {
    const ref = clauseOne();
    const entries = formatBibliography([{ ...ref, council: 'Wolverhampton City Council' }, ref], 'apa').map((e) => e.text);
    expect(entries.map((e) => e.split('.')[0])).toEqual(['Southampton City Council', 'Wolverhampton City Council']);
  });
});
