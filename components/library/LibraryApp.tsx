import { useState } from 'preact/hooks';
import { clausesCsv, itemsCsv, meetingMapKey } from '@/lib/export/libraryCsv';
import { exportLibrary, restoreLibrary } from '@/lib/library/backup';
import type { LibraryDb } from '@/lib/library/db';
import { deleteClause, deleteItem, facets, searchClauses, searchItems, type LibraryFilter } from '@/lib/library/queries';
import { errorMessage } from '../errorMessage';
import { StatusRegion } from '../panel/StatusRegion';
import { useLiveQuery } from '../useLiveQuery';
import { BackupControls } from './BackupControls';
import { CompareView } from './CompareView';
import { FilterForm, type View } from './FilterForm';
import { ClauseTable, ItemTable, SHOWN_ROWS } from './ResultsTable';

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
  const choices = useLiveQuery(() => facets(db), [db]);
  const results = useLiveQuery(
    async () => {
      const [clauses, items, meetings] = await Promise.all([searchClauses(db, filter), searchItems(db, filter), db.meetings.toArray()]);
      return { clauses, items, meetings: new Map(meetings.map((m) => [meetingMapKey(m.host, m.meetingId), m])) };
    },
    [db, key],
  );
  const data = results.value;
  const urls = new Map([...(data?.meetings ?? new Map()).entries()].map(([k, m]) => [k, m.url]));
  const rows = data ? (view === 'clauses' ? data.clauses.length : data.items.length) : 0;
  const count = data
    ? `${rows} ${view === 'clauses' ? 'clause' : 'item'}${rows === 1 ? '' : 's'} match${rows === 1 ? 'es' : ''}.${rows > SHOWN_ROWS ? ` Showing the first ${SHOWN_ROWS}; exports have all.` : ''}`
    : 'Loading the library…';
  const shownCount = view === 'compare' ? 'Comparing the whole library by topic, council by council.' : count;
  const status = notice ?? (results.error ? { message: errorMessage(results.error), tone: 'error' as const } : { message: shownCount, tone: 'info' as const });

  const remove = (question: string, done: string, work: () => Promise<void>) => {
    if (!confirm(question)) return;
    work().then(
      () => setNotice({ message: done, tone: 'info' }),
      (error: unknown) => setNotice({ message: errorMessage(error), tone: 'error' }),
    );
  };
  const stamp = new Date().toISOString().slice(0, 10);
  return (
    <main class="library">
      <h1>Council Minutes library</h1>
      <FilterForm
        filter={filter}
        view={view}
        facets={choices.value ?? { councils: [], committees: [], tags: [] }}
        onChange={(f, v) => {
          setFilter(f);
          setView(v);
          setCompareFrom(null);
          setNotice(null);
        }}
      />
      <div class="exports">
        <button type="button" disabled={!data || data.clauses.length === 0} onClick={() => data && download(`council-minutes-clauses-${stamp}.csv`, clausesCsv(data.clauses, data.meetings))}>
          Export clauses as CSV
        </button>
        <button type="button" disabled={!data || data.items.length === 0} onClick={() => data && download(`council-minutes-items-${stamp}.csv`, itemsCsv(data.items, data.meetings))}>
          Export items as CSV
        </button>
      </div>
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
      {data && view === 'clauses' && (
        <ClauseTable
          rows={data.clauses}
          urls={urls}
          onDelete={(c) =>
            remove(`Delete clause ${c.label ?? ''} of item ${c.itemNumber ?? c.itemTitle} from the library?`, 'Deleted the clause.', () =>
              deleteClause(db, c.host, c.meetingId, c.itemKey, c.clauseIndex),
            )
          }
        />
      )}
      {data && view === 'items' && (
        <ItemTable
          rows={data.items}
          urls={urls}
          onDelete={(i) =>
            remove(`Delete item ${i.number ?? i.title} and its clauses from the library?`, 'Deleted the item and its clauses.', () => deleteItem(db, i.host, i.meetingId, i.itemKey))
          }
          onCompare={(i) => {
            setCompareFrom(`${i.host}|${i.meetingId}|${i.itemKey}`);
            setView('compare');
          }}
        />
      )}
      {view === 'compare' && everything.value && (
        <CompareView key={compareFrom ?? ''} items={everything.value[0]} clauses={everything.value[1]} startItem={compareFrom} download={download} />
      )}
    </main>
  );
}
