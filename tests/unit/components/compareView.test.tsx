import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CompareView } from '@/components/library/CompareView';
import { CompareLibrary } from '@/lib/compare/compareLibrary';
import type { SavedClause, SavedItem } from '@/lib/library/schema';

function saved(host: string, council: string, meetingId: string, date: string, title: string, minutes: string, procedural = false): SavedItem {
  return {
    host, meetingId, itemKey: title, councilName: council, committeeName: 'Cabinet', date, tags: [], note: '', savedAt: '2025-01-01T00:00:00.000Z',
    order: 0, number: '7', id: null, title, description: '', documents: [], minutes, decision: '', notedPoints: [], fullMinutesUrl: null,
    procedural, minutesTruncated: 0, picked: 1, onPage: 1, source: 'meeting',
  };
}

const CTS = 'The scheme of council tax support for working age claimants on low incomes, the minimum payment and the income bands were reviewed.';
const items = [
  saved('democracy.darlington.gov.uk', 'Darlington Borough Council', 'd1', '2023-01-26', 'Council Tax Support Scheme 2023/24', CTS),
  saved('democracy.darlington.gov.uk', 'Darlington Borough Council', 'd2', '2024-01-25', 'Council Tax Support Scheme 2024/25', CTS),
  saved('democracy.kirklees.gov.uk', 'Kirklees Council', 'k1', '2023-11-21', 'Council Tax Reduction Scheme 2024/25', CTS),
  saved('democracy.kirklees.gov.uk', 'Kirklees Council', 'k1', '2023-11-21', 'Apologies for absence', 'Apologies were received from Cllr Smith.', true),
  saved('democracy.darlington.gov.uk', 'Darlington Borough Council', 'd2', '2024-01-25', 'Minutes', 'The minutes of the meeting were approved.', true),
];
const clauses: SavedClause[] = [];

const root = document.createElement('div');
document.body.append(root);
afterEach(() => render(null, root));

const text = (selector: string) => Array.from(root.querySelectorAll(selector)).map((e) => e.textContent?.replace(/\s+/g, ' ').trim());

describe('Compare view', () => {
  it('groups the topic across councils, keeps procedure apart and lists it on request', () => {
    act(() => render(<CompareView live={CompareLibrary.open({ stamp: 0, items, clauses })} version={1} startItem={null} download={vi.fn()} />, root));
    expect(text('select option')).toEqual(['tax support scheme — 3 items, 2 councils']);
    expect(text('.compare-procedural summary')).toEqual(['2 procedural items not compared']);
    expect(text('.compare-procedural li')).toEqual(['Kirklees Council · 2023-11-21 · 7. Apologies for absence', 'Darlington Borough Council · 2024-01-25 · 7. Minutes']);
    expect(text('.compare-title').join(' ')).not.toContain('Apologies');
  });

  it('shows the topic by council and year, each cell linking its items, and one council meeting by meeting', () => {
    const download = vi.fn();
    act(() => render(<CompareView live={CompareLibrary.open({ stamp: 0, items, clauses })} version={1} startItem={null} download={download} />, root));
    expect(text('table.over-time thead th')).toEqual(['Council', '2023', '2024']);
    expect(text('table.over-time tbody th')).toEqual(['Darlington Borough Council', 'Kirklees Council']);
    const darlington = root.querySelectorAll('table.over-time tbody tr')[0] as HTMLTableRowElement;
    const links = Array.from(darlington.querySelectorAll('a'));
    expect(links.map((a) => a.textContent)).toEqual(['2023-01-26 7. Council Tax Support Scheme 2023/24', '2024-01-25 7. Council Tax Support Scheme 2024/25']);
    // Each link leads to the item's entry in the columns below.
    for (const a of links) expect(root.querySelector(a.getAttribute('href') as string)?.textContent).toContain('Council Tax Support Scheme');

    act(() => (darlington.querySelector('th button') as HTMLButtonElement).click());
    expect(text('.council-history li')).toEqual(['Cabinet: 2023-01-26 7. Council Tax Support Scheme 2023/24', 'Cabinet: 2024-01-25 7. Council Tax Support Scheme 2024/25']);

    act(() => Array.from(root.querySelectorAll('button')).find((b) => b.textContent === 'Export over time as CSV')?.click());
    const [filename, csv] = download.mock.calls[0] as [string, string];
    expect(filename).toMatch(/^council-minutes-over-time-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csv.trim().split('\r\n')).toHaveLength(4);
  });

  it('keeps the chosen group current as items are saved, without reopening', () => {
    const live = CompareLibrary.open({ stamp: 0, items, clauses });
    act(() => render(<CompareView live={live} version={1} startItem={null} download={vi.fn()} />, root));
    const medway = saved('democracy.medway.gov.uk', 'Medway Council', 'm1', '2024-02-29', 'Council Tax Reduction Scheme 2024/2025', CTS);
    live.apply({ stamp: 1, items: [medway], clauses: [], goneItemKeys: [], goneClauseKeys: [] });
    act(() => render(<CompareView live={live} version={2} startItem={null} download={vi.fn()} />, root));
    // The same group, one member more; its label is printed in the titles' commonest words, now two "Support" and two "Reduction" (the first in the alphabet wins a tie).
    expect(text('select option')).toEqual(['tax reduction scheme — 4 items, 3 councils']);
    expect(text('.compare-column h3')).toEqual(['Darlington Borough Council', 'Kirklees Council', 'Medway Council']);
    expect(text('table.over-time tbody th')).toEqual(['Darlington Borough Council', 'Kirklees Council', 'Medway Council']);
  });
});
