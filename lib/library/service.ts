import { liveQuery } from 'dexie';
import type { Reference } from '../cite/reference';
import type { ChunkSink, StreamOptions, StreamOutcome } from '../export/streamCsv';
import type { MeetingRecord } from '../moderngov/schema';
import type { CiteRows } from './citeRows';
import type { BackupFile, RestoreOptions, RestoreReport } from './backup';
import { changesSince, lastChange, readEverything, type Everything, type LibraryChanges } from './changes';
import type { LibraryDb } from './db';
import { meetingKey, meetingPk, type ClauseRef, type ItemRef, type MeetingKey, type MeetingRef } from './identity';
import { annotateClause, annotateItem, deleteClause, deleteItem, facets, savedState, type Annotation, type SavedState } from './queries';
import { previewUpdate, saveSelection, type SaveOptions, type SaveReport, type Selection } from './save';
import type { SavedClause, SavedItem, SavedMeeting } from './schema';
import { countClauses, countItems, searchClauses, searchItems, type LibraryFilter, type ResultPage, type SearchOptions } from './search';
import { browserEstimate, spaceWarning, type EstimateSpace } from './storageSpace';

export type Facets = Awaited<ReturnType<typeof facets>>;

/**
 * Everything the views do with the library, and the only way they reach it: the views never
 * see a table. The browser's is `dexieLibrary`; component tests pass plain objects.
 */
export interface LibraryService {
  /** Calls back with what `read` answers now and again whenever the library changes, in any context; returns the unsubscribe. */
  watch<T>(read: () => Promise<T>, next: (value: T) => void, error: (error: unknown) => void): () => void;
  savedState(record: MeetingRecord): Promise<SavedState>;
  /** `spaceWarning` when the disk is nearly full (the save still went ahead). */
  save(record: MeetingRecord, selection: Selection, options?: SaveOptions): Promise<SaveReport & { spaceWarning?: string }>;
  /** What "Update saved copy" would change, without writing. */
  previewUpdate(record: MeetingRecord): Promise<SaveReport>;
  /** The content hash of a meeting saved whole, else null (batch collection skips those). */
  savedHash(meeting: MeetingRef): Promise<string | null>;
  /** `name` is how the error names it when it is no longer in the library. */
  annotateItem(ref: ItemRef, annotation: Annotation, name?: string): Promise<void>;
  annotateClause(ref: ClauseRef, clause: { label: string | null; text: string }, annotation: Annotation, name?: string): Promise<void>;
  deleteItem(ref: ItemRef): Promise<void>;
  deleteClause(ref: ClauseRef): Promise<void>;
  facets(): Promise<Facets>;
  /** A page of results (keyset: `after` is the previous page's `next`). */
  searchItems(filter: LibraryFilter, options?: SearchOptions): Promise<ResultPage<SavedItem>>;
  searchClauses(filter: LibraryFilter, options?: SearchOptions): Promise<ResultPage<SavedClause>>;
  /** How many match in all, when a first page's `total` is null. */
  countItems(filter: LibraryFilter): Promise<number>;
  countClauses(filter: LibraryFilter): Promise<number>;
  /** The saved meetings' page addresses, for rows shown. */
  meetingUrls(rows: MeetingRef[]): Promise<Map<MeetingKey, string>>;
  /** Every matching row as CSV, streamed into `sink` a chunk at a time (export/streamCsv.ts), with progress and cancel. */
  exportCsv(what: 'clauses' | 'items', filter: LibraryFilter, sink: ChunkSink, options?: StreamOptions): Promise<StreamOutcome>;
  /** References to cite or export: of rows picked (those still in the library) or of every row matching a filter. */
  citeClauses(which: CiteRows<ClauseRef>): Promise<Reference[]>;
  citeItems(which: CiteRows<ItemRef>): Promise<Reference[]>;
  /** Every item and clause, for comparing councils, and the stamp of the last change they include. */
  everything(): Promise<Everything>;
  /** The stamp of the last change of items or clauses: cheap to watch. */
  lastChange(): Promise<number>;
  /** What changed since a stamp (of `everything` or an earlier `changesSince`). */
  changesSince(stamp: number): Promise<LibraryChanges>;
  /** The whole library as a JSON backup, streamed into `sink` a chunk at a time (backupStream.ts). */
  backUp(sink: ChunkSink, options?: StreamOptions): Promise<StreamOutcome>;
  /** A backup file merged in, streamed (backup.ts), with progress and cancel; `spaceWarning` as for `save`. */
  restore(file: BackupFile, options?: RestoreOptions): Promise<RestoreReport & { spaceWarning?: string }>;
}

async function meetingsByKey(db: LibraryDb, refs: MeetingRef[]): Promise<Map<MeetingKey, SavedMeeting>> {
  const meetings = (await db.meetings.bulkGet(refs.map(meetingPk))).filter((m): m is SavedMeeting => m !== undefined);
  return new Map(meetings.map((m) => [meetingKey(m), m]));
}

/** `watch` over the browser's database: Dexie's liveQuery, read again on every change in any context (the team service's too). */
export function watchLive<T>(read: () => Promise<T>, next: (value: T) => void, error: (error: unknown) => void): () => void {
  const subscription = liveQuery(read).subscribe({ next, error });
  return () => subscription.unsubscribe();
}

/**
 * The service over the browser's library. CSV, references and backups are loaded when first asked for: the
 * side panel, which loads this after its first paint, never needs them. `estimate` is the
 * browser's storage estimate (tests pass a fake).
 */
export function dexieLibrary(db: LibraryDb, estimate: EstimateSpace = browserEstimate): LibraryService {
  return {
    watch: watchLive,
    savedState: (record) => savedState(db, record),
    async save(record, selection, options) {
      // Asked before writing: once the browser refuses a write for lack of space, it is too late to warn.
      const warning = spaceWarning(await estimate(), JSON.stringify(record).length);
      const report = await saveSelection(db, record, selection, new Date(), options);
      return warning ? { ...report, spaceWarning: warning } : report;
    },
    previewUpdate: (record) => previewUpdate(db, record),
    async savedHash(ref) {
      const saved = await db.meetings.get(meetingPk(ref));
      return saved?.whole === 1 ? saved.contentHash : null;
    },
    annotateItem: (ref, annotation, name) => annotateItem(db, ref, annotation, name),
    annotateClause: (ref, clause, annotation, name) => annotateClause(db, ref, clause, annotation, name),
    deleteItem: (ref) => deleteItem(db, ref),
    deleteClause: (ref) => deleteClause(db, ref),
    facets: () => facets(db),
    searchItems: (filter, options) => searchItems(db, filter, options),
    searchClauses: (filter, options) => searchClauses(db, filter, options),
    countItems: (filter) => countItems(db, filter),
    countClauses: (filter) => countClauses(db, filter),
    async meetingUrls(rows) {
      const unique = new Map(rows.map((r) => [meetingKey(r), r]));
      const meetings = await meetingsByKey(db, [...unique.values()]);
      return new Map([...meetings].map(([key, m]) => [key, m.url]));
    },
    async exportCsv(what, filter, sink, options) {
      const [{ clausesCsvChunk, itemsCsvChunk }, { writeChunks }, { clausesToExport, itemsToExport }] = await Promise.all([
        import('../export/libraryCsv'),
        import('../export/streamCsv'),
        import('./exportRows'),
      ]);
      if (what === 'clauses') {
        const { meetings, batches } = await clausesToExport(db, filter);
        return writeChunks(batches, (rows, first) => clausesCsvChunk(rows, meetings, first), sink, options);
      }
      const { meetings, batches } = await itemsToExport(db, filter);
      return writeChunks(batches, (rows, first) => itemsCsvChunk(rows, meetings, first), sink, options);
    },
    citeClauses: async (which) => (await import('./citeRows')).referencesOfClauses(db, which),
    citeItems: async (which) => (await import('./citeRows')).referencesOfItems(db, which),
    everything: () => readEverything(db),
    lastChange: () => lastChange(db),
    changesSince: (stamp) => changesSince(db, stamp),
    backUp: async (sink, options) => (await import('./backup')).writeBackup(db, sink, options),
    async restore(file, options) {
      const warning = spaceWarning(await estimate(), file.size);
      const report = await (await import('./backup')).restoreLibrary(db, file, options);
      return warning ? { ...report, spaceWarning: warning } : report;
    },
  };
}
