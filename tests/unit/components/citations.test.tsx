import 'fake-indexeddb/auto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { copyCitation } from '@/components/cite/copyCitation';
import { LibraryApp } from '@/components/library/LibraryApp';
import { referenceOfMeetingItem } from '@/lib/cite/fromPage';
import { ConnectedPanel } from '@/components/panel/ConnectedPanel';
import { saveSelection } from '@/lib/library/save';
import type { PanelServices } from '@/lib/platform/panelServices';
import { mountedLibrary } from '../../support/mountedLibrary';
import { SOUTHAMPTON_URL, southampton } from '../cite/southampton';

const mounted = mountedLibrary('citations');
const record = southampton();

const status = () => mounted.root.querySelector('[role="status"]')?.textContent ?? '';
const button = (name: string) => Array.from(mounted.root.querySelectorAll('button')).find((b) => b.textContent === name);
const checkbox = (name: string) =>
  Array.from(mounted.root.querySelectorAll<HTMLLabelElement>('label.select-row')).find((l) => l.textContent === name)?.querySelector('input');
const styleSelect = () => mounted.root.querySelector<HTMLSelectElement>('.style-picker select');

function pick(select: HTMLSelectElement | null, value: string) {
  if (!select) throw new Error('no style picker');
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

const TITLE = 'Item 5: Child Sexual Exploitation in Southampton - Update, resolution (i)';
const CONTAINER = 'Minutes of the Children and Families Scrutiny Panel, 3 November 2016';

beforeEach(() => localStorage.clear());

// These format with citeproc-js: building an engine (APA's above all) takes seconds in Node.
describe('"Copy citation" in the library', { timeout: 30_000 }, () => {
  it('copies a clause in Harvard by default, in the style picked after, and remembers the pick', async () => {
    await saveSelection(mounted.db, record, { scope: 'meeting' }, new Date('2026-11-28T17:30:00Z'));
    act(() => render(<LibraryApp library={mounted.library} download={vi.fn()} confirm={() => true} />, mounted.root));
    await vi.waitFor(() => expect(status()).toBe('8 clauses match.'));
    expect(styleSelect()?.value).toBe('harvard');

    await act(() => button('Copy citation of clause (i) of item 5')?.click());
    const harvard = `Southampton City Council (2016) ${TITLE}, ${CONTAINER}. Available at: ${SOUTHAMPTON_URL} (Accessed: 28 November 2026).`;
    await vi.waitFor(() => expect(status()).toBe(`Copied: ${harvard}`), { timeout: 10_000 });
    expect(await navigator.clipboard.readText()).toBe(harvard);

    act(() => pick(styleSelect(), 'apa'));
    await act(() => button('Copy citation of clause (i) of item 5')?.click());
    // APA's engine is built on first use: seconds in Node, more on a loaded machine.
    await vi.waitFor(() => expect(status()).toBe(`Copied: Southampton City Council. (2016). ${TITLE}. In ${CONTAINER}. ${SOUTHAMPTON_URL}`), { timeout: 20_000 });
    expect(localStorage.getItem('citation-style')).toBe('apa');
  });
});

describe('when the clipboard refuses', { timeout: 30_000 }, () => {
  it('shows the citation to copy by hand, and says why', async () => {
    const ref = referenceOfMeetingItem(record, 0, 0, '2026-11-30');
    if (!ref) throw new Error('no reference');
    const outcome = await copyCitation(ref, 'harvard', () => Promise.reject(new DOMException('Document is not focused.', 'NotAllowedError')));
    expect(outcome).toEqual({
      tone: 'error',
      message: `The clipboard refused the citation (Document is not focused.). Select and copy it here: Southampton City Council (2016) ${TITLE}, ${CONTAINER}. Available at: ${SOUTHAMPTON_URL} (Accessed: 30 November 2026).`,
    });
  });
});

describe('reference exports from the library', () => {
  it('exports the ticked rows, or every match, as RIS, BibTeX or CSL-JSON', async () => {
    await saveSelection(mounted.db, record, { scope: 'meeting' });
    const download = vi.fn();
    act(() => render(<LibraryApp library={mounted.library} download={download} confirm={() => true} />, mounted.root));
    await vi.waitFor(() => expect(status()).toBe('8 clauses match.'));

    // Nothing ticked: every match.
    await act(() => button('Export clauses as RIS')?.click());
    await vi.waitFor(() => expect(status()).toBe('Exported 8 clauses as RIS.'));
    const [name, ris, mime] = download.mock.calls[0] as [string, string, string];
    expect(name).toMatch(/^council-minutes-clauses-\d{4}-\d{2}-\d{2}\.ris$/);
    expect(mime).toBe('application/x-research-info-systems');
    expect(ris.match(/^TY {2}- RPRT\r$/gm)).toHaveLength(8);

    act(() => checkbox('Select clause (i) of item 5')?.click());
    act(() => checkbox('Select clause (iv) of item 6')?.click());
    await act(() => button('Export clauses as BibTeX')?.click());
    await vi.waitFor(() => expect(status()).toBe('Exported 2 clauses as BibTeX.'));
    const [bibName, bib] = download.mock.calls[1] as [string, string];
    expect(bibName).toMatch(/\.bib$/);
    expect(bib.match(/^@techreport\{[^,]+/gm)).toEqual(['@techreport{southampton2016-5-i', '@techreport{southampton2016-6-iv']);

    // The other choice: every match, though rows are ticked.
    const all = Array.from(mounted.root.querySelectorAll<HTMLInputElement>('input[name="cite-scope"]'))[1];
    act(() => all?.click());
    await act(() => button('Export clauses as CSL-JSON')?.click());
    await vi.waitFor(() => expect(status()).toBe('Exported 8 clauses as CSL-JSON.'));
    const [jsonName, json] = download.mock.calls[2] as [string, string];
    expect(jsonName).toMatch(/\.json$/);
    expect((JSON.parse(json) as unknown[]).length).toBe(8);
  });

  it('exports items in the items view, and leaves out a ticked row deleted since', async () => {
    await saveSelection(mounted.db, record, { scope: 'meeting' });
    const download = vi.fn();
    act(() => render(<LibraryApp library={mounted.library} download={download} confirm={() => true} />, mounted.root));
    await vi.waitFor(() => expect(status()).toBe('8 clauses match.'));
    const items = mounted.root.querySelectorAll<HTMLInputElement>('input[name="view"]')[1];
    if (!items) throw new Error('no items view choice');
    act(() => items.click());
    await vi.waitFor(() => expect(status()).toBe('4 items match.'));
    act(() => checkbox('Select item 7')?.click());
    act(() => checkbox('Select item 8')?.click());
    await act(() => button('Delete item 8')?.click());
    await vi.waitFor(() => expect(status()).toBe('Deleted the item and its clauses.'));
    await act(() => button('Export items as CSL-JSON')?.click());
    await vi.waitFor(() => expect(status()).toBe('Exported 1 item as CSL-JSON.'));
    const [name, json] = download.mock.calls[0] as [string, string];
    expect(name).toMatch(/^council-minutes-items-/);
    expect((JSON.parse(json) as { title: string }[]).map((i) => i.title)).toEqual(['Item 7: Children and Families Performance']);
  });
});

describe('"Copy citation" in the side panel', { timeout: 30_000 }, () => {
  it('copies an item or a clause of the page shown, retrieved today', async () => {
    const services: PanelServices = {
      library: vi.fn(async () => mounted.library),
      watchPage: (callback) => {
        callback({ tab: { id: 7, url: record.meeting.url }, state: { url: record.meeting.url, extraction: record, completing: false, failures: [] } });
        return () => {};
      },
      openLibrary: vi.fn(),
      readSite: vi.fn(),
      collectMeeting: vi.fn(),
    };
    act(() => render(<ConnectedPanel services={services} />, mounted.root));
    expect(status()).toBe('Found 4 items.');
    act(() => pick(styleSelect(), 'chicago'));
    await act(() => button('Copy citation of clause (i) of item 5')?.click());
    const chicago = `Southampton City Council. 2016. “Item 5: Child Sexual Exploitation in Southampton - Update, Resolution (i).” ${CONTAINER}. ${SOUTHAMPTON_URL}.`;
    await vi.waitFor(() => expect(status()).toBe(`Copied: ${chicago}`), { timeout: 10_000 });
    expect(await navigator.clipboard.readText()).toBe(chicago);

    act(() => pick(styleSelect(), 'harvard'));
    await act(() => button('Copy citation of item 7')?.click());
    const today = new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
    await vi.waitFor(() =>
      expect(status()).toBe(`Copied: Southampton City Council (2016) Item 7: Children and Families Performance, ${CONTAINER}. Available at: ${SOUTHAMPTON_URL} (Accessed: ${today}).`),
    );
  });
});
