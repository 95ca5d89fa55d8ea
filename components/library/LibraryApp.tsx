import { useEffect, useState } from 'preact/hooks';
import { CITATION_FORMATS, type CitationFormat } from '@/lib/cite/formats';
import { itemKey, type ClauseKey, type ItemKey } from '@/lib/library/identity';
import type { SavedClause, SavedItem } from '@/lib/library/schema';
import type { ChunkSink } from '@/lib/export/streamCsv';
import { PAGE_ROWS, type LibraryFilter } from '@/lib/library/search';
import type { LibraryService } from '@/lib/library/service';
import { copyCitation } from '../cite/copyCitation';
import { useCitationStyle } from '../cite/StylePicker';
import { errorMessage } from '../errorMessage';
import { StatusRegion } from '../panel/StatusRegion';
import { useLiveQuery } from '../useLiveQuery';
import { useLoaded } from '../useLoaded';
import { BackupControls } from './BackupControls';
import { CitationControls, type ExportScope } from './CitationControls';
import { ExportProgress } from './ExportProgress';
import { openFileSink } from './fileSink';
import { FilterForm, type View } from './FilterForm';
import { ClauseTable, ItemTable, type RowSelection } from './ResultsTable';
import { useFirstShown } from './useFirstShown';
import { useRestore } from './useRestore';
import { useStreamedFile } from './useStreamedFile';
import { usePagedSearch } from './usePagedSearch';

interface Props {
  library: LibraryService;
  download(filename: string, text: string, type?: string): void;
  /** Where a streamed CSV export is written; null when the researcher closes the file picker. The browser's by default (fileSink.ts). */
  saveFile?(filename: string): Promise<ChunkSink | null>;
  /** Asks before deleting; the browser's confirm() in the page. */
  confirm(question: string): boolean;
  /** Told the ticked rows whenever they change (the team section publishes them). */
  onSelection?(rows: (SavedClause | SavedItem)[]): void;
  /** Told once the first view has shown its rows (or failed): what the page does not need at first waits for it. */
  onShown?(): void;
}

export function LibraryApp({ library, download, saveFile = openFileSink, confirm, onSelection, onShown }: Props) {
  const [filter, setFilter] = useState<LibraryFilter>({});
  const [view, setView] = useState<View>('clauses');
  const [notice, setNotice] = useState<{ message: string; tone: 'info' | 'error'; details?: string[] } | null>(null);
  const [compareFrom, setCompareFrom] = useState<ItemKey | null>(null);
  // The Compare view's code is loaded when first shown: the page's first bundle holds what the clauses need.
  const comparePane = useLoaded(() => import('./ComparePane'), view === 'compare');
  const [compareError, setCompareError] = useState<unknown>(undefined);
  // Only the rows shown are read and kept, a page at a time; an export reads every matching row when asked.
  const clauses = usePagedSearch(library, { page: library.searchClauses, count: library.countClauses }, filter, view === 'clauses');
  const items = usePagedSearch(library, { page: library.searchItems, count: library.countItems }, filter, view === 'items');
  const page = view === 'clauses' ? clauses.shown : items.shown;
  const error = view === 'clauses' ? clauses.error : view === 'items' ? items.error : (comparePane.error ?? compareError);
  // The filter's choices are read once the first rows show: read beside them, they slowed every read of the first page.
  const firstShown = useFirstShown(page !== undefined || error !== undefined, onShown);
  const choices = useLiveQuery(library, () => (firstShown ? library.facets() : Promise.resolve(null)), [firstShown]);
  const noun = view === 'clauses' ? 'clause' : 'item';
  const matching = (n: number) => `${n.toLocaleString('en-GB')} ${noun}${n === 1 ? '' : 's'} match${n === 1 ? 'es' : ''}.`;
  const count = page
    ? `${page.total === null ? `Counting the matching ${noun}s…` : matching(page.total)}${page.hasMore ? ` Showing the newest ${page.rows.length}; exports have all.` : ''}${page.capped ? ` ${page.capped}` : ''}`
    : 'Loading the library…';
  const shownCount = view === 'compare' ? 'Comparing the whole library by topic, council by council.' : count;
  const status = notice ?? (error ? { message: errorMessage(error), tone: 'error' as const } : { message: shownCount, tone: 'info' as const });
  const stamp = new Date().toISOString().slice(0, 10);

  const streamed = useStreamedFile(saveFile, setNotice);
  const restore = useRestore(library, setNotice);
  const exportCsv = (what: 'clauses' | 'items') =>
    streamed.start({
      name: 'Export',
      doing: `Exporting ${what}`,
      noun: what,
      filename: `council-minutes-${what}-${stamp}.csv`,
      // The page's count of matches, when it shows the view exported.
      expected: (what === 'clauses' ? clauses.shown : items.shown)?.total ?? null,
      write: (sink, options) => library.exportCsv(what, filter, sink, options),
      done: (rows) => `Exported ${rows} as CSV.`,
      empty: `No ${what} match: there is nothing to export.`,
    });

  const [citeStyle, setCiteStyle] = useCitationStyle();
  // Ticked rows of the view shown, kept across searches; emptied when the view changes.
  const [selected, setSelected] = useState<Map<ClauseKey | ItemKey, SavedClause | SavedItem>>(new Map());
  useEffect(() => onSelection?.([...selected.values()]), [selected]);
  const selection: RowSelection = {
    has: (key) => selected.has(key),
    toggle: (key, row, on) =>
      setSelected((before) => {
        const after = new Map(before);
        if (on) after.set(key, row);
        else after.delete(key);
        return after;
      }),
  };
  const failed = (error: unknown) => setNotice({ message: errorMessage(error), tone: 'error' });

  const exportCitations = async (format: CitationFormat, scope: ExportScope) => {
    const what = view === 'items' ? 'items' : 'clauses';
    const { label, extension, mime, write } = CITATION_FORMATS[format];
    setNotice({ message: `Preparing the ${what} as ${label}…`, tone: 'info' });
    const picked = [...selected.values()];
    const refs =
      what === 'clauses'
        ? await library.citeClauses(scope === 'selected' ? { refs: picked.filter((r): r is SavedClause => 'clauseIndex' in r) } : { filter })
        : await library.citeItems(scope === 'selected' ? { refs: picked.filter((r): r is SavedItem => !('clauseIndex' in r)) } : { filter });
    if (refs.length === 0) return setNotice({ message: `No ${what} ${scope === 'selected' ? 'selected are still in the library' : 'match'}: there is nothing to export.`, tone: 'info' });
    download(`council-minutes-${what}-${stamp}.${extension}`, write(refs), mime);
    setNotice({ message: `Exported ${refs.length} ${refs.length === 1 ? what.slice(0, -1) : what} as ${label}.`, tone: 'info' });
  };
  const cite = (row: SavedClause | SavedItem) => {
    setNotice({ message: 'Formatting the citation…', tone: 'info' });
    const refs = 'clauseIndex' in row ? library.citeClauses({ refs: [row] }) : library.citeItems({ refs: [row] });
    refs.then(([ref]) => (ref ? copyCitation(ref, citeStyle) : null)).then((outcome) => outcome && setNotice(outcome), failed);
  };

  const remove = (question: string, done: string, work: () => Promise<void>) => {
    if (!confirm(question)) return;
    work().then(
      () => setNotice({ message: done, tone: 'info' }),
      (error: unknown) => setNotice({ message: errorMessage(error), tone: 'error' }),
    );
  };
  return (
    <main class="library">
      <h1>Council Minutes library</h1>
      <FilterForm
        filter={filter}
        view={view}
        facets={choices.value ?? { councils: [], committees: [], tags: [] }}
        onChange={(f, v) => {
          if (v !== view) setSelected(new Map());
          setFilter(f);
          setView(v);
          setCompareFrom(null);
          setNotice(null);
        }}
      />
      <div class="exports">
        {(['clauses', 'items'] as const).map((what) => (
          <button key={what} type="button" disabled={streamed.writing !== null} onClick={() => exportCsv(what).catch((error: unknown) => setNotice({ message: errorMessage(error), tone: 'error' }))}>
            Export {what} as CSV
          </button>
        ))}
      </div>
      {streamed.writing && <ExportProgress state={streamed.writing} />}
      {restore.restoring && <ExportProgress state={restore.restoring} />}
      {view !== 'compare' && (
        <CitationControls
          noun={view}
          selected={selected.size}
          style={citeStyle}
          onStyle={setCiteStyle}
          onExport={(format, scope) => exportCitations(format, scope).catch(failed)}
          onClearSelection={() => setSelected(new Map())}
        />
      )}
      <BackupControls
        busy={streamed.writing !== null || restore.restoring !== null}
        backUp={() =>
          streamed
            .start({
              name: 'Backup',
              doing: 'Backing up the library',
              noun: 'records',
              filename: `council-minutes-backup-${stamp}.json`,
              expected: null,
              write: (sink, options) => library.backUp(sink, options),
              done: (rows) => `Backed up the library: ${rows}.`,
              empty: 'The library is empty: there is nothing to back up.',
            })
            .catch(failed)
        }
        restore={(file) => void restore.start(file)}
      />
      <StatusRegion message={status.message} tone={status.tone} />
      {notice?.details && notice.details.length > 0 && (
        <ul class="change-list" aria-label="Conflicts resolved">
          {notice.details.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      {view === 'clauses' && clauses.shown && (
        <ClauseTable
          rows={clauses.shown.rows}
          urls={clauses.shown.urls}
          selection={selection}
          onCite={cite}
          onDelete={(c) =>
            remove(`Delete clause ${c.label ?? ''} of item ${c.itemNumber ?? c.itemTitle} from the library?`, 'Deleted the clause.', () =>
              library.deleteClause(c),
            )
          }
        />
      )}
      {view === 'items' && items.shown && (
        <ItemTable
          rows={items.shown.rows}
          urls={items.shown.urls}
          selection={selection}
          onCite={cite}
          onDelete={(i) =>
            remove(`Delete item ${i.number ?? i.title} and its clauses from the library?`, 'Deleted the item and its clauses.', () => library.deleteItem(i))
          }
          onCompare={(i) => {
            setCompareFrom(itemKey(i));
            setView('compare');
          }}
        />
      )}
      {view !== 'compare' && page?.hasMore && (
        <button type="button" class="show-more" onClick={() => (view === 'clauses' ? clauses : items).showMore().catch((e: unknown) => setNotice({ message: errorMessage(e), tone: 'error' }))}>
          {page.total === null ? 'Show more' : `Show ${Math.min(PAGE_ROWS, page.total - page.rows.length)} more`}
        </button>
      )}
      {view === 'compare' && comparePane.value && (
        <comparePane.value.ComparePane library={library} startItem={compareFrom} download={download} onError={setCompareError} />
      )}
    </main>
  );
}
