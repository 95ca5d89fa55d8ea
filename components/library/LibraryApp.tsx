import { useState } from 'preact/hooks';
import { CITATION_FORMATS, type CitationFormat } from '@/lib/cite/formats';
import { clausesCsv, itemsCsv, meetingMapKey } from '@/lib/export/libraryCsv';
import { exportLibrary, restoreLibrary } from '@/lib/library/backup';
import { currentClauses, currentItems, referencesOfClauses, referencesOfItems } from '@/lib/library/citeRows';
import type { LibraryDb } from '@/lib/library/db';
import { deleteClause, deleteItem, facets } from '@/lib/library/queries';
import type { SavedClause, SavedItem } from '@/lib/library/schema';
import { PAGE_ROWS, searchClauses, searchItems, type LibraryFilter, type ResultPage } from '@/lib/library/search';
import { copyCitation } from '../cite/copyCitation';
import { useCitationStyle } from '../cite/StylePicker';
import { errorMessage } from '../errorMessage';
import { StatusRegion } from '../panel/StatusRegion';
import { useLiveQuery } from '../useLiveQuery';
import { BackupControls } from './BackupControls';
import { CitationControls, type ExportScope } from './CitationControls';
import { CompareView } from './CompareView';
import { FilterForm, type View } from './FilterForm';
import { ClauseTable, ItemTable, type RowSelection } from './ResultsTable';

interface Props {
  db: LibraryDb;
  download(filename: string, text: string, type?: string): void;
  /** Asks before deleting; the browser's confirm() in the page. */
  confirm(question: string): boolean;
}

export function LibraryApp({ db, download, confirm }: Props) {
  const [filter, setFilter] = useState<LibraryFilter>({});
  const [view, setView] = useState<View>('clauses');
  const [notice, setNotice] = useState<{ message: string; tone: 'info' | 'error' } | null>(null);
  const [compareFrom, setCompareFrom] = useState<string | null>(null);
  // The comparison reads the whole library, whatever the filters; only while it is shown.
  const everything = useLiveQuery(
    () => (view === 'compare' ? Promise.all([db.items.toArray(), db.clauses.toArray()]) : Promise.resolve(null)),
    [db, view],
  );
  const key = JSON.stringify(filter);
  // Rows shown: a page at first, a page more with each "Show more"; one page again when the search changes.
  const [shown, setShown] = useState(PAGE_ROWS);
  const choices = useLiveQuery(() => facets(db), [db]);
  // Only the rows shown are read and kept; an export reads every matching row when asked.
  const clauses = useLiveQuery(() => (view === 'clauses' ? withUrls(db, searchClauses(db, filter, shown)) : Promise.resolve(null)), [db, key, view, shown]);
  const items = useLiveQuery(() => (view === 'items' ? withUrls(db, searchItems(db, filter, shown)) : Promise.resolve(null)), [db, key, view, shown]);
  const page = view === 'clauses' ? clauses.value : items.value;
  const error = view === 'clauses' ? clauses.error : items.error;
  const noun = view === 'clauses' ? 'clause' : 'item';
  const count = page
    ? `${page.total} ${noun}${page.total === 1 ? '' : 's'} match${page.total === 1 ? 'es' : ''}.${page.total > page.rows.length ? ` Showing the newest ${page.rows.length}; exports have all.` : ''}`
    : 'Loading the library…';
  const shownCount = view === 'compare' ? 'Comparing the whole library by topic, council by council.' : count;
  const status = notice ?? (error ? { message: errorMessage(error), tone: 'error' as const } : { message: shownCount, tone: 'info' as const });
  const stamp = new Date().toISOString().slice(0, 10);

  const exportCsv = async (what: 'clauses' | 'items') => {
    setNotice({ message: `Preparing the ${what} CSV…`, tone: 'info' });
    const meetings = new Map((await db.meetings.toArray()).map((m) => [meetingMapKey(m.host, m.meetingId), m]));
    let csv: string | null = null;
    if (what === 'clauses') {
      const { rows } = await searchClauses(db, filter);
      if (rows.length > 0) csv = clausesCsv(rows, meetings);
    } else {
      const { rows } = await searchItems(db, filter);
      if (rows.length > 0) csv = itemsCsv(rows, meetings);
    }
    if (csv === null) return setNotice({ message: `No ${what} match: there is nothing to export.`, tone: 'info' });
    download(`council-minutes-${what}-${stamp}.csv`, csv);
    setNotice(null);
  };

  const [citeStyle, setCiteStyle] = useCitationStyle();
  // Ticked rows of the view shown, kept across searches; emptied when the view changes.
  const [selected, setSelected] = useState<Map<string, SavedClause | SavedItem>>(new Map());
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
        ? await referencesOfClauses(db, scope === 'selected' ? await currentClauses(db, picked.filter((r): r is SavedClause => 'clauseIndex' in r)) : (await searchClauses(db, filter)).rows)
        : await referencesOfItems(db, scope === 'selected' ? await currentItems(db, picked.filter((r): r is SavedItem => !('clauseIndex' in r))) : (await searchItems(db, filter)).rows);
    if (refs.length === 0) return setNotice({ message: `No ${what} ${scope === 'selected' ? 'selected are still in the library' : 'match'}: there is nothing to export.`, tone: 'info' });
    download(`council-minutes-${what}-${stamp}.${extension}`, write(refs), mime);
    setNotice({ message: `Exported ${refs.length} ${refs.length === 1 ? what.slice(0, -1) : what} as ${label}.`, tone: 'info' });
  };
  const cite = (row: SavedClause | SavedItem) => {
    setNotice({ message: 'Formatting the citation…', tone: 'info' });
    const refs = 'clauseIndex' in row ? referencesOfClauses(db, [row]) : referencesOfItems(db, [row]);
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
          setShown(PAGE_ROWS);
          setCompareFrom(null);
          setNotice(null);
        }}
      />
      <div class="exports">
        {(['clauses', 'items'] as const).map((what) => (
          <button key={what} type="button" onClick={() => exportCsv(what).catch((error: unknown) => setNotice({ message: errorMessage(error), tone: 'error' }))}>
            Export {what} as CSV
          </button>
        ))}
      </div>
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
        backUp={() =>
          exportLibrary(db).then(
            (json) => download(`council-minutes-backup-${stamp}.json`, json, 'application/json'),
            (error: unknown) => setNotice({ message: errorMessage(error), tone: 'error' }),
          )
        }
        restore={(file) =>
          file
            .text()
            .then((text) => restoreLibrary(db, text))
            .then(
              (n) => setNotice({ message: `Restored from ${file.name}: ${n.meetings} meetings, ${n.items} items, ${n.clauses} clauses, merged with the library.`, tone: 'info' }),
              (error: unknown) => setNotice({ message: error instanceof Error && error.name === 'Error' ? error.message : errorMessage(error), tone: 'error' }),
            )
        }
      />
      <StatusRegion message={status.message} tone={status.tone} />
      {view === 'clauses' && clauses.value && (
        <ClauseTable
          rows={clauses.value.rows}
          urls={clauses.value.urls}
          selection={selection}
          onCite={cite}
          onDelete={(c) =>
            remove(`Delete clause ${c.label ?? ''} of item ${c.itemNumber ?? c.itemTitle} from the library?`, 'Deleted the clause.', () =>
              deleteClause(db, c.host, c.meetingId, c.itemKey, c.clauseIndex),
            )
          }
        />
      )}
      {view === 'items' && items.value && (
        <ItemTable
          rows={items.value.rows}
          urls={items.value.urls}
          selection={selection}
          onCite={cite}
          onDelete={(i) =>
            remove(`Delete item ${i.number ?? i.title} and its clauses from the library?`, 'Deleted the item and its clauses.', () => deleteItem(db, i.host, i.meetingId, i.itemKey))
          }
          onCompare={(i) => {
            setCompareFrom(`${i.host}|${i.meetingId}|${i.itemKey}`);
            setView('compare');
          }}
        />
      )}
      {view !== 'compare' && page && page.total > page.rows.length && (
        <button type="button" class="show-more" onClick={() => setShown(page.rows.length + PAGE_ROWS)}>
          Show {Math.min(PAGE_ROWS, page.total - page.rows.length)} more
        </button>
      )}
      {view === 'compare' && everything.value && (
        <CompareView key={compareFrom ?? ''} items={everything.value[0]} clauses={everything.value[1]} startItem={compareFrom} download={download} />
      )}
    </main>
  );
}

/** A page of results with the links of their meetings, read for the rows shown only. */
async function withUrls<T extends { host: string; meetingId: string }>(db: LibraryDb, search: Promise<ResultPage<T>>): Promise<ResultPage<T> & { urls: Map<string, string> }> {
  const page = await search;
  const keys = new Map(page.rows.map((r) => [meetingMapKey(r.host, r.meetingId), [r.host, r.meetingId] as [string, string]]));
  const meetings = await db.meetings.bulkGet([...keys.values()]);
  return { ...page, urls: new Map(meetings.flatMap((m) => (m ? [[meetingMapKey(m.host, m.meetingId), m.url] as const] : []))) };
}
