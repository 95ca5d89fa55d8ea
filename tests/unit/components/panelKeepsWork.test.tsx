import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { ConnectedPanel } from '@/components/panel/ConnectedPanel';
import { itemKey } from '@/lib/library/identity';
import { NotInLibraryError, type SavedState } from '@/lib/library/queries';
import type { SavedMeeting } from '@/lib/library/schema';
import type { LibraryService } from '@/lib/library/service';
import type { PanelServices } from '@/lib/platform/panelServices';
import type { MeetingRecord } from '@/lib/moderngov/schema';
import { emptyReport, fakeLibrary } from '../../support/fakeLibrary';
import { mountPoint } from '../../support/mountPoint';
import { item, meeting } from '../../support/records';

const mounted = mountPoint();
const HOST = 'www.southampton.gov.uk';

function showPanel(record: MeetingRecord, library: LibraryService, failures: { itemNumber: string; url: string; reason: string }[] = []) {
  const services: PanelServices = {
    library: async () => library,
    watchPage: (callback) => {
      callback({ tab: { id: 7, url: record.meeting.url }, state: { url: record.meeting.url, extraction: record, completing: false, failures } });
      return () => {};
    },
    openLibrary: vi.fn(),
    readSite: vi.fn(),
    collectMeeting: vi.fn(),
  };
  act(() => render(<ConnectedPanel services={services} />, mounted.root));
}

const status = () => mounted.root.querySelector('[role="status"]')?.textContent;
const button = (name: string) => Array.from(mounted.root.querySelectorAll('button')).find((b) => b.textContent === name);
const click = (name: string) =>
  act(() => {
    const found = button(name);
    if (!found) throw new Error(`no button "${name}" in: ${Array.from(mounted.root.querySelectorAll('button')).map((b) => b.textContent).join(' | ')}`);
    found.click();
  });
function type(selector: string, text: string) {
  const field = mounted.root.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector);
  if (!field) throw new Error(`no ${selector}`);
  act(() => {
    field.value = text;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

const savedMeeting = (contentHash: string) => ({ whole: 1, contentHash }) as SavedMeeting;

describe('the panel keeps the researcher’s work', () => {
  it('offers cut-short minutes only as an explicit choice', async () => {
    const record = meeting({
      items: [item('5', 'CSE', [], { minutesTruncated: true, minutes: 'cut… view the full minutes text for item 5' }), item('6', 'EHE', [['(i)', 'That the Panel noted EHE;']])],
    });
    const library = fakeLibrary();
    showPanel(record, library, [{ itemNumber: '5', url: `https://${HOST}/mgAi.aspx?ID=15`, reason: 'The council’s site answered 404' }]);
    expect(mounted.root.textContent).toContain('The minutes of item 5 are cut short on the page and could not be completed.');
    await click('Save meeting (1 complete items)');
    await vi.waitFor(() => expect(library.save).toHaveBeenCalledWith(record, { scope: 'meeting' }, { includeCut: false, from: 'meeting' }));
    await click('Save meeting with cut-short minutes (2 items)');
    await vi.waitFor(() => expect(library.save).toHaveBeenLastCalledWith(record, { scope: 'meeting' }, { includeCut: true, from: 'meeting' }));
    await click('Save item 5 with cut-short minutes');
    await vi.waitFor(() => expect(library.save).toHaveBeenLastCalledWith(record, { scope: 'item', itemKey: '15' }, { includeCut: true, from: 'meeting' }));
  });

  it('says what a save kept back, line by line', async () => {
    const library = fakeLibrary({ save: vi.fn(async () => ({ ...emptyReport(), keptComplete: ['item 5'] })) });
    showPanel(meeting(), library);
    await click('Save item 6');
    await vi.waitFor(() => expect(status()).toBe('Saved item 6.'));
    expect(mounted.root.querySelector('[aria-label="What was kept"]')?.textContent).toBe('Complete saved copy kept (the page’s minutes are cut short): item 5.');
  });

  it('shows what "Update saved copy" will change, and writes only on "Apply update"', async () => {
    const library = fakeLibrary({
      savedState: vi.fn(async (): Promise<SavedState> => ({ meeting: savedMeeting('older'), items: new Map(), clauses: new Map() })),
      previewUpdate: vi.fn(async () => ({ ...emptyReport(), added: ['clause (i) of item 5'], annotationsKept: ['clause (ii) of item 5 (they follow the clause from place 1 to 2)'] })),
    });
    const record = meeting();
    showPanel(record, library);
    await vi.waitFor(() => expect(button('Update saved copy')).toBeDefined());
    await click('Update saved copy');
    await vi.waitFor(() => expect(mounted.root.querySelector('[aria-label="What the update will change"]')).not.toBeNull());
    expect(mounted.root.querySelector('.update-preview dl')?.textContent).toBe('Addedclause (i) of item 5Tags and notes kept onclause (ii) of item 5 (they follow the clause from place 1 to 2)');
    expect(library.save).not.toHaveBeenCalled();
    await click('Apply update');
    await vi.waitFor(() => expect(library.save).toHaveBeenCalledWith(record, { scope: 'saved' }, { from: 'meeting' }));
    await vi.waitFor(() => expect(status()).toBe('Updated the saved copy to the page as it is now.'));
  });

  it('says plainly when tags and a note are for an item deleted in another tab, and keeps what was typed', async () => {
    const record = meeting();
    const library = fakeLibrary({
      savedState: vi.fn(async (): Promise<SavedState> => ({ meeting: null, items: new Map([[itemKey({ host: HOST, meetingId: '7105', itemKey: '15' }), { tags: [], note: '' }]]), clauses: new Map() })),
      annotateItem: vi.fn(async () => {
        throw new NotInLibraryError('Item 5');
      }),
    });
    showPanel(record, library);
    await vi.waitFor(() => expect(button('Tags and note for item 5')).toBeDefined());
    await click('Tags and note for item 5');
    type('textarea', 'a note I must not lose');
    await click('Save tags and note for item 5');
    await vi.waitFor(() => expect(status()).toContain('Item 5 is no longer in the library (deleted, perhaps in another tab), so the tags and note were not saved.'));
    expect(mounted.root.querySelector('[role="status"]')?.classList.contains('status-error')).toBe(true);
    expect(status()).not.toContain('Saved');
    expect(mounted.root.querySelector('textarea')?.value).toBe('a note I must not lose');
  });
});
