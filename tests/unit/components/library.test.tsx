import 'fake-indexeddb/auto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { LibraryApp } from '@/components/library/LibraryApp';
import { saveSelection } from '@/lib/library/save';
import { byTable, readAll, streamOf } from '../../support/backupRecords';
import { fakeLibrary } from '../../support/fakeLibrary';
import { memorySink } from '../../support/memorySink';
import { mountedLibrary } from '../../support/mountedLibrary';
import { item, meeting } from '../../support/records';

const mounted = mountedLibrary('library-page');

/** Three meetings of 80 clauses each (two items of 40): 240 clauses, more than a page. */
async function fill(): Promise<void> {
  for (let m = 0; m < 3; m++) {
    const clauses = (i: number): [string, string][] => Array.from({ length: 40 }, (_, j) => [`(${j + 1})`, `That grant ${m}-${i}-${j} for parks be approved.`]);
    await saveSelection(mounted.db, meeting({ id: `${m + 1}`, date: `2022-0${m + 1}-10`, items: [item('1', 'Parks grants', clauses(1)), item('2', 'Play areas', clauses(2))] }), { scope: 'meeting' });
  }
}

const status = () => mounted.root.querySelector('[role="status"]')?.textContent ?? '';
const rows = () => mounted.root.querySelectorAll('table.results tbody tr');
const button = (text: string) => Array.from(mounted.root.querySelectorAll('button')).find((b) => b.textContent?.startsWith(text));

describe('library page', () => {
  it('shows the newest page of results with the count of all, a page more on "Show more", and exports every row', async () => {
    await fill();
    const sink = memorySink();
    const saveFile = vi.fn(async () => sink);
    act(() => render(<LibraryApp library={mounted.library} download={vi.fn()} saveFile={saveFile} confirm={() => true} />, mounted.root));
    await vi.waitFor(() => expect(status()).toBe('240 clauses match. Showing the newest 200; exports have all.'), { timeout: 5000 });
    expect(rows()).toHaveLength(200);
    expect(rows()[0]?.textContent).toContain('2022-03-10');

    await act(() => button('Show 40 more')?.click());
    await vi.waitFor(() => expect(rows()).toHaveLength(240));
    expect(status()).toBe('240 clauses match.');
    expect(button('Show')).toBeUndefined();

    await act(() => button('Export clauses as CSV')?.click());
    await vi.waitFor(() => expect(status()).toBe('Exported 240 clauses as CSV.'), { timeout: 5000 });
    expect(saveFile).toHaveBeenCalledOnce();
    expect(saveFile.mock.calls[0]).toEqual([expect.stringMatching(/^council-minutes-clauses-\d{4}-\d{2}-\d{2}\.csv$/)]);
    // A header and every clause, not only those shown; the file closed, complete.
    expect(sink.chunks.join('').trim().split('\r\n')).toHaveLength(241);
    expect(sink.state).toBe('closed');
    expect(mounted.root.querySelector('.export-progress')).toBeNull();
  });

  it('goes back to one page when the search changes, and says when there is nothing to export', async () => {
    await fill();
    const saveFile = vi.fn(async () => memorySink());
    act(() => render(<LibraryApp library={mounted.library} download={vi.fn()} saveFile={saveFile} confirm={() => true} />, mounted.root));
    await vi.waitFor(() => expect(rows()).toHaveLength(200));
    // The first page does not count what follows it: the count comes after, in the background.
    await vi.waitFor(() => expect(status()).toBe('240 clauses match. Showing the newest 200; exports have all.'), { timeout: 5000 });
    await act(() => button('Show 40 more')?.click());
    await vi.waitFor(() => expect(rows()).toHaveLength(240));
    const search = mounted.root.querySelector<HTMLInputElement>('input[type="search"]');
    if (!search) throw new Error('no search box');
    const type = (text: string) =>
      act(() => {
        search.value = text;
        search.dispatchEvent(new Event('input', { bubbles: true }));
      });
    // The clauses of every "Play areas" item: two words, both needed, the second a prefix.
    await type('areas pla');
    await vi.waitFor(() => expect(status()).toBe('120 clauses match.'));
    expect(rows()).toHaveLength(120);
    await type('');
    await vi.waitFor(() => expect(status()).toBe('240 clauses match. Showing the newest 200; exports have all.'), { timeout: 5000 });
    expect(rows()).toHaveLength(200);
    await type('nothing-like-this');
    await vi.waitFor(() => expect(status()).toBe('0 clauses match.'));
    await act(() => button('Export clauses as CSV')?.click());
    await vi.waitFor(() => expect(status()).toBe('No clauses match: there is nothing to export.'));
    // No file picker opened for nothing.
    expect(saveFile).not.toHaveBeenCalled();
  });
});

describe('library page: the backup', () => {
  it('streams the backup into the file picked, and says how many records it holds', async () => {
    await fill();
    const sink = memorySink();
    const saveFile = vi.fn(async () => sink);
    act(() => render(<LibraryApp library={mounted.library} download={vi.fn()} saveFile={saveFile} confirm={() => true} />, mounted.root));
    await vi.waitFor(() => expect(status()).toContain('240 clauses match.'), { timeout: 5000 });
    await act(() => button('Back up library (JSON)')?.click());
    // 1 council, 1 committee, 3 meetings, 6 items, 240 clauses.
    await vi.waitFor(() => expect(status()).toBe('Backed up the library: 251 records.'), { timeout: 5000 });
    expect(saveFile.mock.calls[0]).toEqual([expect.stringMatching(/^council-minutes-backup-\d{4}-\d{2}-\d{2}\.json$/)]);
    expect(sink.state).toBe('closed');
    const backup = byTable((await readAll(streamOf(sink.chunks.join('')))).records);
    expect([backup.meetings.length, backup.items.length, backup.clauses.length]).toEqual([3, 6, 240]);
  });
});

describe('library page over a library it counts in the background', () => {
  it('shows the first page at once, "Counting…" until the count comes, and pages on from where the rows stop', async () => {
    await fill();
    let counted: (n: number) => void = () => {};
    const countClauses = vi.fn((filter: Parameters<typeof mounted.library.countClauses>[0]) => new Promise<number>((resolve) => (counted = () => void mounted.library.countClauses(filter).then(resolve))));
    const searchClauses = vi.fn(mounted.library.searchClauses);
    act(() => render(<LibraryApp library={{ ...mounted.library, countClauses, searchClauses }} download={vi.fn()} confirm={() => true} />, mounted.root));
    await vi.waitFor(() => expect(rows()).toHaveLength(200));
    expect(status()).toBe('Counting the matching clauses… Showing the newest 200; exports have all.');
    await vi.waitFor(() => expect(countClauses).toHaveBeenCalledWith({}));

    // "Show more" before the count: the next page, read from the first page's cursor.
    const first = await searchClauses.mock.results[0]?.value;
    await act(() => button('Show more')?.click());
    await vi.waitFor(() => expect(rows()).toHaveLength(240));
    expect(searchClauses).toHaveBeenCalledWith({}, { limit: 200, after: first.next });
    expect(button('Show')).toBeUndefined();

    await act(() => counted(0));
    await vi.waitFor(() => expect(status()).toBe('240 clauses match.'));
  });
});

describe('library page with a plain fake library', () => {
  it('lists each conflict a restore resolved under its summary', async () => {
    const conflicts = ['Southampton City Council, Children and Families Scrutiny Panel 2016-11-03, item 5: two different notes; the library’s note is kept and the backup’s is added after it.'];
    const library = fakeLibrary({ restore: vi.fn(async () => ({ outcome: 'restored' as const, counts: { councils: 1, committees: 1, meetings: 1, items: 3, clauses: 3 }, total: 9, conflicts, moreConflicts: 0 })) });
    act(() => render(<LibraryApp library={library} download={vi.fn()} confirm={() => true} />, mounted.root));
    const input = mounted.root.querySelector<HTMLInputElement>('input[type="file"]');
    if (!input) throw new Error('no file input');
    const file = new File(['{"format":"council-minutes-backup"}'], 'backup.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file] });
    await act(() => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await vi.waitFor(() => expect(status()).toBe('Restored from backup.json: 1 meetings, 3 items, 3 clauses, merged with the library. 1 conflict resolved, nothing dropped:'));
    // The file itself, read as a stream by the restore, not its text.
    expect(library.restore).toHaveBeenCalledWith(file, expect.objectContaining({ signal: expect.any(AbortSignal) }));
    expect(Array.from(mounted.root.querySelectorAll('[aria-label="Conflicts resolved"] li')).map((li) => li.textContent)).toEqual(conflicts);
  });
});

describe('library page: the streamed CSV export', () => {
  /** A library of 240 matching clauses whose export writes 100 rows, then waits for Cancel (or fails, when told to). */
  function exportingLibrary(fail?: Error) {
    const sink = memorySink();
    const library = fakeLibrary({
      searchClauses: vi.fn(async () => ({ rows: [], total: 240, next: null })),
      exportCsv: vi.fn(async (_what, _filter, into, options) => {
        await into.write('first chunk');
        options?.onProgress?.(100);
        if (fail) throw fail;
        await new Promise<void>((resolve) => options?.signal?.addEventListener('abort', () => resolve()));
        await into.abort();
        return { rows: 100, outcome: 'cancelled' as const };
      }),
    });
    act(() => render(<LibraryApp library={library} download={vi.fn()} saveFile={async () => sink} confirm={() => true} />, mounted.root));
    return sink;
  }

  it('shows how far it is, of about how many, and Cancel stops it without a file', async () => {
    const sink = exportingLibrary();
    // The fake's first page holds no rows and says 240 match: the page says so, and the export's progress counts against it.
    await vi.waitFor(() => expect(status()).toBe('240 clauses match.'));
    await act(() => button('Export clauses as CSV')?.click());
    await vi.waitFor(() => expect(mounted.root.querySelector('.export-progress label')?.textContent).toBe('Exporting clauses: 100 of about 240 clauses'));
    const progress = mounted.root.querySelector('.export-progress progress');
    expect([progress?.getAttribute('value'), progress?.getAttribute('max')]).toEqual(['100', '240']);
    expect(button('Export clauses as CSV')?.disabled).toBe(true);
    await act(() => button('Cancel')?.click());
    await vi.waitFor(() => expect(status()).toBe('Export cancelled after 100 clauses: no file was saved.'));
    expect(sink.state).toBe('aborted');
    expect(mounted.root.querySelector('.export-progress')).toBeNull();
    expect(button('Export clauses as CSV')?.disabled).toBe(false);
  });

  it('says what happened when writing fails, and that the library is untouched', async () => {
    exportingLibrary(new Error('The disk is full'));
    await vi.waitFor(() => expect(status()).toContain('240 clauses match.'));
    await act(() => button('Export clauses as CSV')?.click());
    await vi.waitFor(() => expect(status()).toBe('Export stopped after 100 clauses: The disk is full. No file was saved; the library is untouched.'));
    expect(mounted.root.querySelector('.export-progress')).toBeNull();
  });
});

describe('library page: what waits for the first rows', () => {
  it('reads the filter choices, and tells the page (the team section), only once the first page has shown', async () => {
    let answer: (page: { rows: never[]; total: number; next: null }) => void = () => {};
    const searchClauses = vi.fn(() => new Promise<{ rows: never[]; total: number; next: null }>((resolve) => (answer = resolve)));
    const facets = vi.fn(async () => ({ councils: [], committees: ['Cabinet'], tags: [] }));
    const onShown = vi.fn();
    const library = fakeLibrary({ searchClauses, facets });
    act(() => render(<LibraryApp library={library} download={vi.fn()} confirm={() => true} onShown={onShown} />, mounted.root));
    await vi.waitFor(() => expect(searchClauses).toHaveBeenCalledOnce());
    expect(status()).toBe('Loading the library…');
    expect(facets).not.toHaveBeenCalled();
    expect(onShown).not.toHaveBeenCalled();

    await act(() => answer({ rows: [], total: 0, next: null }));
    await vi.waitFor(() => expect(status()).toBe('0 clauses match.'));
    await vi.waitFor(() => expect(facets).toHaveBeenCalledOnce());
    await vi.waitFor(() => expect(Array.from(mounted.root.querySelectorAll('option')).map((o) => o.textContent)).toContain('Cabinet'));
    expect(onShown).toHaveBeenCalledOnce();
  });
});

describe('library page: the Compare view, loaded when first opened', () => {
  it('reads the whole library only once Compare is chosen, says in the status line when that fails, and the clauses come back after', async () => {
    const everything = vi.fn(async () => Promise.reject(new Error('the items could not be read')));
    const library = fakeLibrary({ everything, countClauses: vi.fn(async () => 0) });
    act(() => render(<LibraryApp library={library} download={vi.fn()} confirm={() => true} />, mounted.root));
    await vi.waitFor(() => expect(status()).toBe('0 clauses match.'));
    expect(everything).not.toHaveBeenCalled();
    const radio = (name: string) => Array.from(mounted.root.querySelectorAll<HTMLInputElement>('input[name="view"]')).find((r) => r.parentElement?.textContent?.trim() === name);

    await act(() => radio('Compare councils')?.click());
    await vi.waitFor(() => expect(status()).toBe('Could not complete that: the items could not be read. The library is unchanged.'), { timeout: 5000 });
    expect(everything).toHaveBeenCalledOnce();

    await act(() => radio('Clauses')?.click());
    await vi.waitFor(() => expect(status()).toBe('0 clauses match.'));
  });
});

describe('library page: restoring a backup', () => {
  it('shows the check, then the merge of how many, and Cancel stops it saying what was merged', async () => {
    let report: (r: Awaited<ReturnType<ReturnType<typeof fakeLibrary>['restore']>>) => void = () => {};
    let signal: AbortSignal | undefined;
    let progress: ((p: { phase: 'checking'; records: number } | { phase: 'restoring'; records: number; total: number }) => void) | undefined;
    const restore = vi.fn((_file: unknown, options?: { signal?: AbortSignal; onProgress?: typeof progress }) => {
      signal = options?.signal;
      progress = options?.onProgress;
      return new Promise<Awaited<ReturnType<ReturnType<typeof fakeLibrary>['restore']>>>((resolve) => (report = resolve));
    });
    const library = fakeLibrary({ restore });
    act(() => render(<LibraryApp library={library} download={vi.fn()} confirm={() => true} />, mounted.root));
    const input = mounted.root.querySelector<HTMLInputElement>('input[type="file"]');
    if (!input) throw new Error('no file input');
    Object.defineProperty(input, 'files', { value: [new File(['{}'], 'big.json')] });
    await act(() => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    const bar = () => mounted.root.querySelector('.export-progress label')?.textContent;
    await act(() => progress?.({ phase: 'checking', records: 4000 }));
    expect(bar()).toBe('Checking the backup: 4,000 records');
    // No other restore or backup while this one runs.
    expect(input.disabled).toBe(true);
    await act(() => progress?.({ phase: 'restoring', records: 2000, total: 12345 }));
    expect(bar()).toBe('Restoring: 2,000 of 12,345 records');
    expect(mounted.root.querySelector('.export-progress progress')?.getAttribute('value')).toBe('2000');
    await act(() => button('Cancel')?.click());
    expect(signal?.aborted).toBe(true);
    await act(() => report({ outcome: 'cancelled', counts: { councils: 1, committees: 1, meetings: 10, items: 100, clauses: 1888 }, total: 12345, conflicts: [], moreConflicts: 0 }));
    await vi.waitFor(() =>
      expect(status()).toBe(
        'Restore cancelled after merging 2,000 of 12,345 records from big.json (10 meetings, 100 items, 1,888 clauses): those are kept. Restore the same file again to complete it: nothing is added twice.',
      ),
    );
    expect(bar()).toBeUndefined();
    expect(input.disabled).toBe(false);
  });

  it('says how many conflicts there were when only the first are listed', async () => {
    const conflicts = Array.from({ length: 200 }, (_, i) => `Clause ${i}: two different notes; the library’s note is kept and the backup’s is added after it.`);
    const library = fakeLibrary({ restore: vi.fn(async () => ({ outcome: 'restored' as const, counts: { councils: 1, committees: 1, meetings: 3, items: 30, clauses: 3000 }, total: 3035, conflicts, moreConflicts: 1300 })) });
    act(() => render(<LibraryApp library={library} download={vi.fn()} confirm={() => true} />, mounted.root));
    const input = mounted.root.querySelector<HTMLInputElement>('input[type="file"]');
    if (!input) throw new Error('no file input');
    Object.defineProperty(input, 'files', { value: [new File(['{}'], 'backup.json')] });
    await act(() => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await vi.waitFor(() => expect(status()).toBe('Restored from backup.json: 3 meetings, 30 items, 3,000 clauses, merged with the library. 1,500 conflicts resolved, nothing dropped (the first 200 listed):'));
    expect(mounted.root.querySelectorAll('[aria-label="Conflicts resolved"] li')).toHaveLength(200);
  });
});
