/**
 * Runs in the benchmark page (bundled by tests/bench/bundle.ts), on http://127.0.0.1: the
 * library's own code (Dexie, saveSelection, searchClauses, clausesCsv) against IndexedDB, and
 * raw IndexedDB baselines in the same run.
 *
 * Meetings are numbered: meeting `m` is built by `syntheticMeeting(m)` and saved with
 * saveSelection, or, to grow the library within the time the bench has, is a copy (new
 * meeting id, new date) of the rows saveSelection wrote for meeting `m % templates`. Rows are
 * copied from what saveSelection stored, so they stay exactly the library's rows whatever
 * fields it adds.
 */
import type { Table } from 'dexie';
import { clausesCsv } from '@/lib/export/libraryCsv';
import { LibraryDb } from '@/lib/library/db';
import { clauseWords, itemWords } from '@/lib/library/derived';
import { meetingKey, type MeetingKey } from '@/lib/library/identity';
import { saveSelection } from '@/lib/library/save';
import { meetingPostings } from '@/lib/library/postings';
import { countClauses, PAGE_ROWS, searchClauses } from '@/lib/library/search';
import type { MeetingIndex, MeetingWords, Posting, SavedClause, SavedItem, SavedMeeting } from '@/lib/library/schema';
import type { UpgradeProgress } from '@/lib/library/versions';
import { wordsOf } from '@/lib/library/words';
import { extractPage } from '@/lib/moderngov/extract';
import type { Clause, Item, MeetingRecord } from '@/lib/moderngov/schema';
import { seededRandom } from '../stats';

export const ITEMS_PER_MEETING = 20;
export const CLAUSES_PER_ITEM = 5;
/** Words drawn from the fixtures' vocabulary added to each clause, so that not every clause is one of a few dozen texts. */
const TAIL_WORDS = 4;
export const DB_NAME = 'council-minutes-bench';

export interface LibrarySetup {
  baseMeeting: string;
  fixtureMeetings: number;
  items: number;
  clauses: number;
  vocabulary: number;
  councils: number;
  committees: number;
  /** Characters of one synthetic meeting record as JSON (20 items with their minutes, 100 clauses). */
  meetingRecordChars: number;
  /** Entries each saved clause and item puts in the multi-entry `words` index, on average. */
  wordsPerClause: number;
  wordsPerItem: number;
}

export interface SaveRun {
  meetings: number;
  clauses: number;
  /** Rows written: meetings, items and clauses (councils and committees not counted). */
  rows: number;
  ms: number;
}

export interface QueryChoice {
  label: string;
  text: string;
  /** Share of the first 10k synthetic clauses whose words hold each query word exactly. */
  share: number;
}

export interface SearchRun {
  label: string;
  query: string;
  /** Every clause that matches (countClauses, as the library page counts in the background); the page itself holds the first PAGE_ROWS. */
  hits: number;
  countMs: number;
  scanHits: number;
  coldMs: number;
  /** The first page (PAGE_ROWS rows). */
  searchMs: number[];
  /** The page after it, from the first page's cursor. */
  nextMs: number[];
  scanMs: number[];
}

export interface ExportLoad {
  clauses: number;
  meetings: number;
  /** `searchClauses(db, {}, PAGE_ROWS)`: the first page the library page shows as it opens, with the count of all. */
  firstPageMs: number;
  /** `searchClauses(db, {})` (every row, no page) + `db.meetings.toArray()`, what the library page reads to export. */
  loadMs: number;
}

export interface ExportRun {
  csvMs: number;
  blobMs: number;
  csvChars: number;
  /** `performance.memory.usedJSHeapSize` (precise with --enable-precise-memory-info) before and right after clausesCsv. */
  heapBefore: number | null;
  heapAfter: number | null;
}

export interface UpgradeRun {
  /** From `new LibraryDb(name).open()` to its promise: Dexie's upgrade from version 8 to 9 (versions.ts), the first open of the new version. */
  ms: number;
  clauses: number;
  items: number;
  /** Of the first and last SAMPLE_ROWS items and clauses by key, those still holding `words` (0 when the upgrade did its work). */
  sampledWithWords: number;
  sampled: number;
  /** The record of changes as the upgrade left it: one entry saying to read everything again. */
  changes: unknown[];
  /** The progress the upgrade reported: how many times, and the last. */
  progressReports: number;
  lastProgress: UpgradeProgress | null;
}

interface Pools {
  base: MeetingRecord;
  meetings: number;
  items: Item[];
  clauses: Clause[];
  /** Real words of the fixtures, the most frequent first. */
  vocabulary: string[];
  councils: { host: string; name: string | null }[];
  committees: { id: string | null; name: string | null }[];
}

/** What saveSelection stored for one meeting, with its postings and meeting index row (postings.ts). */
interface MeetingRows {
  meeting: SavedMeeting;
  items: SavedItem[];
  clauses: SavedClause[];
  entry: MeetingIndex;
  words: MeetingWords;
  postings: Map<string, Posting>;
}

declare global {
  interface Window {
    __libSetup: (pages: { html: string; url: string; name: string }[], baseName: string, dbName?: string) => Promise<LibrarySetup>;
    __libQueries: () => QueryChoice[];
    __libSave: (from: number, to: number) => Promise<SaveRun>;
    __libTakeTemplates: () => Promise<number>;
    __libFill: (from: number, to: number) => Promise<SaveRun>;
    __libRawSave: (from: number, to: number, indexed: boolean) => Promise<SaveRun>;
    __libCount: () => Promise<number>;
    __libRawDrop: () => Promise<void>;
    __libSearch: (queries: QueryChoice[], reps: number, scanReps: number[]) => Promise<SearchRun[]>;
    __libExportLoad: () => Promise<ExportLoad>;
    __libExportCsv: () => ExportRun;
    __libExportDrop: () => void;
    __libClose: (keepLibrary?: boolean) => Promise<void>;
    __libFillV8: (from: number, to: number) => Promise<SaveRun>;
    __libUpgrade: () => Promise<UpgradeRun>;
  }
}

let pools: Pools | null = null;
let db: LibraryDb | null = null;
let templates: MeetingRows[] = [];
const rawDbs = new Map<string, IDBDatabase>();
let exportData: { clauses: SavedClause[]; meetings: Map<MeetingKey, SavedMeeting> } | null = null;
let exportCsv: string | null = null;

function need<T>(value: T | null, what: string): T {
  if (value === null) throw new Error(`${what} is not set up: call __libSetup first`);
  return value;
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
    request.onblocked = () => resolve();
  });
}

/** The pools synthetic meetings draw on: every item, clause, committee and council the fixture pages give. */
function poolsOf(pages: { html: string; url: string; name: string }[], baseName: string): Pools {
  const records = pages.map((p) => ({ name: p.name, record: extractPage(new DOMParser().parseFromString(p.html, 'text/html'), p.url) }));
  const meetings = records.flatMap((r) => (r.record.kind === 'meeting' ? [{ name: r.name, record: r.record }] : []));
  const base = meetings.find((m) => m.name === baseName)?.record ?? meetings[0]?.record;
  if (!base) throw new Error('no fixture page extracts as a meeting');
  const items = meetings.flatMap((m) => m.record.items);
  const clauses = records.flatMap((r) =>
    r.record.kind === 'meeting' ? r.record.items.flatMap((i) => i.clauses) : r.record.kind === 'item' || r.record.kind === 'decision' ? r.record.item.clauses : [],
  );
  if (clauses.length === 0) throw new Error('no fixture page has resolution clauses');
  const texts = items.flatMap((i) => [i.title, i.description, i.minutes, i.decision, ...i.notedPoints]).concat(clauses.map((c) => c.text));
  const frequency = new Map<string, number>();
  for (const text of texts) {
    for (const w of text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().split(/[^a-z0-9]+/)) {
      if (w.length >= 4 && !/\d/.test(w)) frequency.set(w, (frequency.get(w) ?? 0) + 1);
    }
  }
  const vocabulary = [...frequency].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([w]) => w);
  const councils = [...new Map(meetings.map((m) => [m.record.council.host, m.record.council])).values()];
  const committees = [...new Map(meetings.map((m) => [`${m.record.committee.id}|${m.record.committee.name}`, m.record.committee])).values()];
  return { base, meetings: meetings.length, items, clauses, vocabulary, councils, committees };
}

const dateOf = (m: number) => new Date(Date.UTC(2006, 0, 2) + m * 7 * 86_400_000).toISOString().slice(0, 10);

/** Meeting `m` of the synthetic library: a real meeting's shape; items, clauses, councils and committees of the fixtures. */
function syntheticMeeting(p: Pools, m: number): MeetingRecord {
  const rand = seededRandom(7919 * (m + 1));
  const pick = <T,>(list: T[]): T => list[Math.floor(rand() * list.length)] as T;
  // Squared, over words sorted by frequency: the fixtures' common words are common here too.
  const word = () => p.vocabulary[Math.floor(rand() * rand() * p.vocabulary.length)] as string;
  const council = p.councils[m % p.councils.length] as Pools['councils'][number];
  const committee = pick(p.committees);
  const id = String(50_000 + m);
  const items: Item[] = [];
  for (let i = 0; i < ITEMS_PER_MEETING; i++) {
    const template = p.items[(m * ITEMS_PER_MEETING + i) % p.items.length] as Item;
    const clauses: Clause[] = [];
    for (let j = 0; j < CLAUSES_PER_ITEM; j++) {
      const clause = pick(p.clauses);
      clauses.push({ ...clause, label: `(${j + 1})`, text: `${clause.text} ${Array.from({ length: TAIL_WORDS }, word).join(' ')}` });
    }
    items.push({ ...template, number: String(i + 1), id: String(9_000_000 + m * 100 + i), clauses });
  }
  return {
    ...p.base,
    council: { ...council },
    committee: { ...committee },
    meeting: { ...p.base.meeting, id, date: dateOf(m), url: `https://${council.host}/ieListDocuments.aspx?CId=${committee.id ?? 1}&MId=${id}&Ver=4` },
    items,
    contentHash: `bench-${m}`,
  };
}

/** Meeting `m` as a copy of what saveSelection stored for a template meeting: a new meeting id and date. */
export function copiedMeeting(m: number): MeetingRows {
  const template = templates[m % templates.length];
  if (!template) throw new Error('no template meetings: call __libTakeTemplates first');
  // The id syntheticMeeting(m) would have: no meeting is both saved and copied.
  const meetingId = String(50_000 + m);
  const date = dateOf(m);
  const ref = { host: template.meeting.host, meetingId };
  // The template's postings, under the copy's order key (its date and id).
  const { entry } = meetingPostings(ref, date, [], []);
  return {
    meeting: { ...template.meeting, meetingId, date, contentHash: `bench-${m}` },
    items: template.items.map((item) => ({ ...item, meetingId, date })),
    clauses: template.clauses.map((clause) => ({ ...clause, meetingId, date })),
    entry: { ...template.entry, meetingId, orderKey: entry.orderKey },
    words: { ...template.words, meetingId },
    postings: template.postings,
  };
}

/** Rows a meeting writes: meeting, items, clauses, postings, its index row and words row. */
const countRows = (rows: MeetingRows) => 3 + rows.items.length + rows.clauses.length + rows.postings.size;

/** A raw IndexedDB database: one store and no index, or the library's stores and indexes as Dexie declared them (at IndexedDB version `version`). */
function openRaw(name: string, schemaOf: LibraryDb | null, version = 1): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, version);
    request.onupgradeneeded = () => {
      const raw = request.result;
      if (!schemaOf) {
        raw.createObjectStore('rows', { autoIncrement: true });
        return;
      }
      for (const table of schemaOf.tables as Table[]) {
        const { primKey, indexes } = table.schema;
        const store = raw.createObjectStore(table.name, primKey.keyPath ? { keyPath: primKey.keyPath, autoIncrement: primKey.auto } : {});
        for (const index of indexes) store.createIndex(index.name, index.keyPath ?? index.name, { multiEntry: index.multi, unique: index.unique });
      }
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function complete(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
  });
}

/** Every word of `text` begins a word of the row: the match searchClauses makes, as a plain filter. */
function matcher(text: string): (row: SavedClause) => boolean {
  const terms = wordsOf(text);
  return (row) => terms.every((term) => clauseWords(row).some((w) => w.startsWith(term)));
}

const RAW_PLAIN = `${DB_NAME}-raw-plain`;
const RAW_INDEXED = `${DB_NAME}-raw-indexed`;
/** A library as version 8 of the extension stored it, upgraded by this version's first open. */
const V8_LIBRARY = `${DB_NAME}-v8`;
let v8: IDBDatabase | null = null;
const SAMPLE_ROWS = 2_000;

let dbName = DB_NAME;

window.__libSetup = async (pages, baseName, name = DB_NAME) => {
  pools = poolsOf(pages, baseName);
  dbName = name;
  // The extension's own library (a fresh profile) is used as it is: the extension may have it open.
  for (const n of name === DB_NAME ? [DB_NAME, RAW_PLAIN, RAW_INDEXED] : [RAW_PLAIN, RAW_INDEXED]) await deleteDatabase(n);
  db = new LibraryDb(name);
  await db.open();
  const sample = syntheticMeeting(pools, 0);
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  return {
    baseMeeting: baseName,
    fixtureMeetings: pools.meetings,
    items: pools.items.length,
    clauses: pools.clauses.length,
    vocabulary: pools.vocabulary.length,
    councils: pools.councils.length,
    committees: pools.committees.length,
    meetingRecordChars: JSON.stringify(sample).length,
    // As saveSelection computes them.
    wordsPerClause: mean(sample.items.flatMap((i) => i.clauses.map((c) => wordsOf(c.text, i.title, sample.committee.name, sample.council.name).length))),
    wordsPerItem: mean(sample.items.map((i) => wordsOf(i.title, i.description, i.minutes, i.decision, sample.committee.name, sample.council.name).length)),
  };
};

/** Queries of real fixture words, picked by how many clauses of the synthetic library hold them. */
window.__libQueries = () => {
  const p = need(pools, 'the library');
  const counts = new Map<string, number>();
  const sample = 100;
  for (let m = 0; m < sample; m++) {
    const record = syntheticMeeting(p, m);
    for (const item of record.items) {
      for (const clause of item.clauses) {
        for (const w of wordsOf(clause.text, item.title, record.committee.name, record.council.name)) counts.set(w, (counts.get(w) ?? 0) + 1);
      }
    }
  }
  const total = sample * ITEMS_PER_MEETING * CLAUSES_PER_ITEM;
  // Topic words a researcher types: five letters or more, no digits.
  const candidates = [...counts].filter(([w]) => w.length >= 5 && !/\d/.test(w)).sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
  const taken: string[] = [];
  const nearest = (share: number): [string, number] => {
    let best: [string, number] | undefined;
    for (const c of candidates) {
      if (taken.includes(c[0])) continue;
      if (!best || Math.abs(c[1] / total - share) < Math.abs(best[1] / total - share)) best = c;
    }
    if (!best) throw new Error('no candidate query words');
    taken.push(best[0]);
    return best;
  };
  const rare = nearest(0.001);
  const uncommon = nearest(0.01);
  const topic = nearest(0.03);
  const common = nearest(0.1);
  return [
    { label: 'rare word (~0.1%)', text: rare[0], share: rare[1] / total },
    { label: 'uncommon word (~1%)', text: uncommon[0], share: uncommon[1] / total },
    { label: 'topic word (~3%)', text: topic[0], share: topic[1] / total },
    { label: 'common word (~10%)', text: common[0], share: common[1] / total },
    { label: 'two words (topic + uncommon)', text: `${topic[0]} ${uncommon[0]}`, share: Number.NaN },
    { label: 'prefix (the common word\'s first 4 letters)', text: common[0].slice(0, 4), share: Number.NaN },
    { label: 'no words (the library page as it opens)', text: '', share: 1 },
  ];
};

window.__libSave = async (from, to) => {
  const p = need(pools, 'the library');
  const library = need(db, 'the library');
  const run: SaveRun = { meetings: 0, clauses: 0, rows: 0, ms: 0 };
  for (let m = from; m < to; m++) {
    const record = syntheticMeeting(p, m);
    const now = new Date(Date.UTC(2025, 0, 1) + m * 1000);
    const t = performance.now();
    await saveSelection(library, record, { scope: 'meeting' }, now);
    run.ms += performance.now() - t;
    run.meetings += 1;
    run.clauses += record.items.reduce((n, i) => n + i.clauses.length, 0);
  }
  run.rows = run.meetings * (1 + ITEMS_PER_MEETING) + run.clauses;
  return run;
};

/** Keeps what saveSelection stored so far as the templates of copied meetings. */
window.__libTakeTemplates = async () => {
  const library = need(db, 'the library');
  const [meetings, items, clauses] = await Promise.all([library.meetings.toArray(), library.items.toArray(), library.clauses.toArray()]);
  const byMeeting = new Map<string, Omit<MeetingRows, 'entry' | 'words' | 'postings'>>(meetings.map((meeting) => [meetingKey(meeting), { meeting, items: [], clauses: [] }]));
  for (const item of items) byMeeting.get(meetingKey(item))?.items.push(item);
  for (const clause of clauses) byMeeting.get(meetingKey(clause))?.clauses.push(clause);
  templates = [...byMeeting.values()].map((t) => ({ ...t, ...meetingPostings(t.meeting, t.meeting.date, t.items, t.clauses) }));
  return templates.length;
};

const postingKeys = (rows: MeetingRows) => [...rows.postings.keys()].map((word): [string, string] => [word, rows.entry.orderKey]);

/**
 * Copies meetings `from`…`to` into the library with bulk puts of everything a save writes
 * (meetings, items, clauses, postings, meeting index and words rows), all of them in one transaction, no
 * reads: how the bench grows the library in the time it has. Timed from the puts to the commit.
 */
window.__libFill = async (from, to) => {
  const library = need(db, 'the library');
  const copies = Array.from({ length: to - from }, (_, k) => copiedMeeting(from + k));
  const t = performance.now();
  await library.transaction('rw', [library.meetings, library.items, library.clauses, library.postings, library.meetingIndex, library.meetingWords], async () => {
    await Promise.all([
      library.meetings.bulkPut(copies.map((c) => c.meeting)),
      library.items.bulkPut(copies.flatMap((c) => c.items)),
      library.clauses.bulkPut(copies.flatMap((c) => c.clauses)),
      library.postings.bulkPut(copies.flatMap((c) => [...c.postings.values()]), copies.flatMap(postingKeys) as never),
      library.meetingIndex.bulkPut(copies.map((c) => c.entry)),
      library.meetingWords.bulkPut(copies.map((c) => c.words)),
    ]);
  });
  const ms = performance.now() - t;
  const clauses = copies.reduce((n, c) => n + c.clauses.length, 0);
  return { meetings: copies.length, clauses, rows: copies.reduce((n, c) => n + countRows(c), 0), ms };
};

window.__libRawSave = async (from, to, indexed) => {
  const library = need(db, 'the library');
  const name = indexed ? RAW_INDEXED : RAW_PLAIN;
  let raw = rawDbs.get(name);
  if (!raw) {
    raw = await openRaw(name, indexed ? library : null);
    rawDbs.set(name, raw);
  }
  const run: SaveRun = { meetings: 0, clauses: 0, rows: 0, ms: 0 };
  for (let m = from; m < to; m++) {
    const rows = copiedMeeting(m);
    const t = performance.now();
    if (indexed) {
      // One transaction a meeting over the library's stores and indexes; puts only, no reads.
      const tx = raw.transaction(['meetings', 'items', 'clauses', 'postings', 'meetingIndex', 'meetingWords'], 'readwrite');
      tx.objectStore('meetings').put(rows.meeting);
      const items = tx.objectStore('items');
      for (const item of rows.items) items.put(item);
      const clauses = tx.objectStore('clauses');
      for (const clause of rows.clauses) clauses.put(clause);
      const postings = tx.objectStore('postings');
      for (const [word, posting] of rows.postings) postings.put(posting, [word, rows.entry.orderKey]);
      tx.objectStore('meetingIndex').put(rows.entry);
      tx.objectStore('meetingWords').put(rows.words);
      await complete(tx);
    } else {
      // The same objects, one transaction a meeting, into one store with no index.
      const tx = raw.transaction('rows', 'readwrite');
      const store = tx.objectStore('rows');
      for (const row of [rows.meeting, ...rows.items, ...rows.clauses, ...rows.postings.values(), rows.entry, rows.words]) store.put(row);
      await complete(tx);
    }
    run.ms += performance.now() - t;
    run.meetings += 1;
    run.clauses += rows.clauses.length;
    run.rows += countRows(rows);
  }
  return run;
};

window.__libCount = () => need(db, 'the library').clauses.count();

/** The raw baselines' databases, gone once measured, so the profile's IndexedDB holds the library alone (its bytes on disk). */
window.__libRawDrop = async () => {
  for (const raw of rawDbs.values()) raw.close();
  rawDbs.clear();
  for (const name of [RAW_PLAIN, RAW_INDEXED]) await deleteDatabase(name);
};

/**
 * What the library page asks for a search: its first page of rows, then the next page from its
 * cursor; the count of all once (countClauses, which the page runs in the background).
 * `scanReps[i]`: full scans timed for query i (seconds each at 100k clauses).
 */
window.__libSearch = async (queries, reps, scanReps) => {
  const library = need(db, 'the library');
  const runs: SearchRun[] = [];
  for (const [index, q] of queries.entries()) {
    const filter = { text: q.text };
    let t = performance.now();
    await searchClauses(library, filter, { limit: PAGE_ROWS });
    const coldMs = performance.now() - t;
    const searchMs: number[] = [];
    const nextMs: number[] = [];
    const scanMs: number[] = [];
    let scanHits = 0;
    const match = matcher(q.text);
    for (let r = 0; r < reps; r++) {
      t = performance.now();
      const first = await searchClauses(library, filter, { limit: PAGE_ROWS });
      searchMs.push(performance.now() - t);
      if (first.next !== null) {
        t = performance.now();
        await searchClauses(library, filter, { limit: PAGE_ROWS, after: first.next });
        nextMs.push(performance.now() - t);
      }
      // Interleaved, so the index search and the scan see the same state of the machine.
      if (r < (scanReps[index] ?? 0)) {
        t = performance.now();
        scanHits = (await library.clauses.filter(match).toArray()).length;
        scanMs.push(performance.now() - t);
      }
    }
    t = performance.now();
    const hits = await countClauses(library, filter);
    const countMs = performance.now() - t;
    runs.push({ label: q.label, query: q.text, hits, countMs, scanHits, coldMs, searchMs, nextMs, scanMs });
  }
  return runs;
};

window.__libExportLoad = async () => {
  const library = need(db, 'the library');
  let t = performance.now();
  await searchClauses(library, {}, { limit: PAGE_ROWS });
  const firstPageMs = performance.now() - t;
  t = performance.now();
  const [{ rows: clauses }, meetings] = await Promise.all([searchClauses(library, {}), library.meetings.toArray()]);
  const map = new Map(meetings.map((m) => [meetingKey(m), m]));
  const loadMs = performance.now() - t;
  exportData = { clauses, meetings: map };
  return { clauses: clauses.length, meetings: map.size, firstPageMs, loadMs };
};

/** `performance.memory` is Chromium's, outside the DOM typings. */
const heapUsed = () => (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? null;

window.__libExportCsv = () => {
  const data = need(exportData, 'the export');
  const heapBefore = heapUsed();
  let t = performance.now();
  const csv = clausesCsv(data.clauses, data.meetings);
  const csvMs = performance.now() - t;
  const heapAfter = heapUsed();
  t = performance.now();
  // What the library page hands to the download.
  const blob = new Blob([csv], { type: 'text/csv;charset=utf-8' });
  const blobMs = performance.now() - t;
  // Held until __libExportDrop, so the retained size can be read after a garbage collection.
  exportCsv = csv;
  void blob.size;
  return { csvMs, blobMs, csvChars: exportCsv.length, heapBefore, heapAfter };
};

window.__libExportDrop = () => {
  exportData = null;
  exportCsv = null;
};

window.__libClose = async (keepLibrary = false) => {
  db?.close();
  for (const raw of rawDbs.values()) raw.close();
  rawDbs.clear();
  templates = [];
  for (const name of [RAW_PLAIN, RAW_INDEXED, ...(keepLibrary ? [] : [dbName])]) await deleteDatabase(name);
};

/**
 * Copies meetings `from`…`to` into a library of database version 8 (IndexedDB version 80):
 * version 9's tables and indexes, which are version 8's (version 9 changed records only), with
 * items and clauses holding their `words` as version 8 stored them. Meetings, items and clauses
 * only: the upgrade reads and rewrites those two tables and no other (the postings a real
 * version 8 library also holds are left out, to grow it in minutes).
 */
window.__libFillV8 = async (from, to) => {
  const library = need(db, 'the library');
  if (!v8) {
    await deleteDatabase(V8_LIBRARY);
    v8 = await openRaw(V8_LIBRARY, library, 80);
  }
  const copies = Array.from({ length: to - from }, (_, k) => copiedMeeting(from + k));
  const t = performance.now();
  const tx = v8.transaction(['meetings', 'items', 'clauses'], 'readwrite');
  const [meetings, items, clauses] = ['meetings', 'items', 'clauses'].map((name) => tx.objectStore(name)) as [IDBObjectStore, IDBObjectStore, IDBObjectStore];
  for (const copy of copies) {
    meetings.put(copy.meeting);
    for (const item of copy.items) items.put({ ...item, words: itemWords(item) });
    for (const clause of copy.clauses) clauses.put({ ...clause, words: clauseWords(clause) });
  }
  await complete(tx);
  const clauseCount = copies.reduce((n, c) => n + c.clauses.length, 0);
  return { meetings: copies.length, clauses: clauseCount, rows: copies.reduce((n, c) => n + 1 + c.items.length + c.clauses.length, 0), ms: performance.now() - t };
};

/** Opens the version 8 library with the library's own code, which upgrades it; checks a sample and the record of changes, then deletes it. */
window.__libUpgrade = async () => {
  v8?.close();
  v8 = null;
  let progressReports = 0;
  let lastProgress: UpgradeProgress | null = null;
  const upgraded = new LibraryDb(V8_LIBRARY, {
    onUpgrade: (progress) => {
      progressReports += 1;
      lastProgress = progress;
    },
  });
  const t = performance.now();
  await upgraded.open();
  const ms = performance.now() - t;
  const ends = async (table: Table) => [...(await table.orderBy(':id').limit(SAMPLE_ROWS).toArray()), ...(await table.orderBy(':id').reverse().limit(SAMPLE_ROWS).toArray())];
  const sample = [...(await ends(upgraded.items)), ...(await ends(upgraded.clauses))];
  const run = {
    ms,
    clauses: await upgraded.clauses.count(),
    items: await upgraded.items.count(),
    sampledWithWords: sample.filter((r) => 'words' in (r as object)).length,
    sampled: sample.length,
    changes: await upgraded.changes.toArray(),
    progressReports,
    lastProgress,
  };
  upgraded.close();
  await deleteDatabase(V8_LIBRARY);
  return run;
};
