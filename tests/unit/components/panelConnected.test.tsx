import 'fake-indexeddb/auto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { ConnectedPanel } from '@/components/panel/ConnectedPanel';
import { dexieLibrary, type LibraryService } from '@/lib/library/service';
import { saveSelection } from '@/lib/library/save';
import type { EstimateSpace } from '@/lib/library/storageSpace';
import type { PanelServices, ShownPage } from '@/lib/platform/panelServices';
import { upgradeWatch } from '@/lib/library/upgradeWatch';
import { mountedLibrary } from '../../support/mountedLibrary';
import { meeting } from '../../support/records';

const mounted = mountedLibrary('panel');

const record = meeting();
const page = (completing = false): ShownPage => ({
  tab: { id: 7, url: record.meeting.url },
  state: { url: record.meeting.url, extraction: record, completing, failures: [] },
});

/** Services whose library answers only when `openLibrary` is called, and whose page the test sets. */
function fakeServices(estimate: EstimateSpace = async () => ({ usage: 0, quota: 10 * 1024 ** 3 })) {
  let openLibrary = () => {};
  const library = new Promise<LibraryService>((resolve) => (openLibrary = () => resolve(dexieLibrary(mounted.db, estimate))));
  let showPage: (p: ShownPage) => void = () => {};
  const services: PanelServices = {
    library: vi.fn(() => library),
    watchPage: (callback) => {
      showPage = callback;
      callback(page());
      return () => {};
    },
    openLibrary: vi.fn(),
    readSite: vi.fn(),
    collectMeeting: vi.fn(),
  };
  return { services, openLibrary, showPage: (p: ShownPage) => act(() => showPage(p)) };
}

const status = () => mounted.root.querySelector('[role="status"]')?.textContent;
const button = (name: string) => Array.from(mounted.root.querySelectorAll('button')).find((b) => b.textContent === name);

describe('the connected side panel', () => {
  it('shows the meeting before the library answers, then marks what is saved', async () => {
    await saveSelection(mounted.db, record, { scope: 'meeting' });
    const { services, openLibrary } = fakeServices();
    act(() => render(<ConnectedPanel services={services} />, mounted.root));
    expect(status()).toBe('Found 3 items.');
    expect(mounted.root.querySelectorAll('.item')).toHaveLength(3);
    expect(mounted.root.querySelector('.saved-mark')).toBeNull();

    openLibrary();
    await vi.waitFor(() => expect(mounted.root.textContent).toContain('✓ Meeting saved'));
    // The meeting, its 3 items and their 3 clauses.
    expect(mounted.root.querySelectorAll('.saved-mark')).toHaveLength(1 + 3 + 3);
    expect(mounted.root.querySelectorAll('[role="status"]')).toHaveLength(1);
  });

  it('shows the page while the library is updated for a new version, says how far it has come, then marks what is saved', async () => {
    await saveSelection(mounted.db, record, { scope: 'meeting' });
    const { services, openLibrary } = fakeServices();
    const upgrade = upgradeWatch();
    act(() => render(<ConnectedPanel services={{ ...services, upgrade }} />, mounted.root));
    act(() => upgrade.report({ toVersion: 9, done: 4_000, total: 250_000 }));
    expect(mounted.root.querySelector('.upgrade-notice')?.textContent).toContain('Updating your library for this version of Council Minutes: 4,000 of 250,000 items and clauses.');
    expect(mounted.root.querySelectorAll('.item')).toHaveLength(3);

    act(() => upgrade.settle());
    openLibrary();
    await vi.waitFor(() => expect(mounted.root.textContent).toContain('✓ Meeting saved'));
    expect(mounted.root.querySelector('.upgrade-notice')).toBeNull();
  });

  it('saves what is picked before the library has loaded, once it has', async () => {
    const { services, openLibrary } = fakeServices();
    act(() => render(<ConnectedPanel services={services} />, mounted.root));
    act(() => button('Save item 5')?.click());
    expect(await mounted.db.items.count()).toBe(0);

    openLibrary();
    await vi.waitFor(() => expect(status()).toBe('Saved item 5.'));
    expect((await mounted.db.items.toArray()).map((i) => i.number)).toEqual(['5']);
    await vi.waitFor(() => expect(mounted.root.querySelectorAll('.item')[0]?.querySelector('.saved-mark')).not.toBeNull());
  });

  it('saves on a nearly full disk and says so, with what is kept', async () => {
    // 30 MiB left of a 10 GiB quota: under the 5 % share (512 MiB) and under 50 MiB.
    const { services, openLibrary } = fakeServices(async () => ({ usage: 10 * 1024 ** 3 - 30 * 1024 ** 2, quota: 10 * 1024 ** 3 }));
    act(() => render(<ConnectedPanel services={services} />, mounted.root));
    openLibrary();
    act(() => button('Save item 5')?.click());
    await vi.waitFor(() => expect(status()).toContain('Space is running out'));
    expect(status()).toBe(
      'Saved item 5. Space is running out: about 30 MiB is left for the library. Everything already in the library is kept. ' +
        'Free some disk space before saving more: a save the browser refuses for lack of space is not written at all.',
    );
    expect(mounted.root.querySelector('[role="status"]')?.classList.contains('status-error')).toBe(true);
    expect((await mounted.db.items.toArray()).map((i) => i.number)).toEqual(['5']);
  });

  it('follows the page: a completed reading replaces the status', () => {
    const { services, showPage } = fakeServices();
    act(() => render(<ConnectedPanel services={services} />, mounted.root));
    showPage(page(true));
    expect(status()).toContain('Fetching the full minutes');
    showPage(page(false));
    expect(status()).toBe('Found 3 items.');
  });
});
