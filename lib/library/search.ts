import type { Table } from 'dexie';
import type { Outcome } from '../moderngov/outcome';
import type { LibraryDb } from './db';
import { clauseKey, itemKey } from './identity';
import type { SavedClause, SavedItem } from './schema';
import { wordsOf } from './words';

export interface LibraryFilter {
  text?: string;
  host?: string;
  committee?: string;
  /** ISO dates, inclusive. */
  from?: string;
  to?: string;
  tag?: string;
  /** Clauses only: resolved, noted, deferred… */
  outcome?: Outcome;
}

/** The first rows of a search, in order, and how many rows match in all. */
export interface ResultPage<T> {
  rows: T[];
  total: number;
}

/** Rows the library page shows at first and adds with each "Show more": enough to read, few enough to render at once. */
export const PAGE_ROWS = 200;

type Row = SavedItem | SavedClause;

/** What differs between items and clauses: identity, place within the meeting, and their own conditions. */
interface Kind<T extends Row> {
  keyOf(row: T): string;
  placeInMeeting(row: T): number;
  keep(row: T, filter: LibraryFilter): boolean;
  /** With an empty filter, every row of the table is a result. */
  allRowsMatch: boolean;
}

const ITEMS: Kind<SavedItem> = {
  keyOf: itemKey,
  placeInMeeting: (i) => i.order,
  // Items kept only as the context of a saved clause are not the researcher's items.
  keep: (i) => i.picked === 1,
  allRowsMatch: false,
};

const CLAUSES: Kind<SavedClause> = {
  keyOf: clauseKey,
  placeInMeeting: (c) => c.itemOrder * 10_000 + c.clauseIndex,
  keep: (c, filter) => !filter.outcome || c.outcome === filter.outcome,
  allRowsMatch: true,
};

/**
 * Rows that may match, read with one request: the longest word of the text (likely the rarest)
 * in the `words` index, else the index of a filter (tag, council, committee, dates). Always a
 * plain index range with no Dexie filter, so Dexie reads it with getAll: a filtered collection
 * walks a cursor, a round trip a row. Reading keys first and rows after would not pay: keys of
 * the `words` index cost Chromium nearly as much as rows (~30 against ~36 µs each, at 30k clauses).
 */
async function candidates<T extends Row>(table: Table<T>, filter: LibraryFilter, word: string | undefined, kind: Kind<T>): Promise<T[]> {
  if (word) {
    const rows = await table.where('words').startsWith(word).toArray();
    // A row with two words of the prefix ("contact", "contacts") comes once for each.
    const seen = new Set<string>();
    return rows.filter((row) => {
      const key = kind.keyOf(row);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }
  if (filter.tag) return table.where('tags').equals(filter.tag).toArray();
  if (filter.host) return table.where('host').equals(filter.host).toArray();
  if (filter.committee) return table.where('committeeName').equals(filter.committee).toArray();
  if (filter.from || filter.to) return table.where('date').between(filter.from ?? '', filter.to ?? '\uffff', true, true).toArray();
  return table.toArray();
}

/**
 * Rows matching the filter, in the order of `pageOf`: the first `limit` of them and the count of
 * all. Every word of the text (function words aside, see words.ts) must begin a word of the row.
 */
async function search<T extends Row>(table: Table<T>, filter: LibraryFilter, kind: Kind<T>, limit: number): Promise<ResultPage<T>> {
  const [first, ...rest] = wordsOf(filter.text).sort((a, b) => b.length - a.length);
  const unfiltered = !first && !filter.host && !filter.committee && !filter.from && !filter.to && !filter.tag && !filter.outcome;
  if (unfiltered && kind.allRowsMatch && Number.isFinite(limit)) return newest(table, limit, kind);
  const rows = (await candidates(table, filter, first, kind)).filter(
    (row) =>
      rest.every((term) => row.words.some((w) => w.startsWith(term))) &&
      (!filter.host || row.host === filter.host) &&
      (!filter.committee || row.committeeName === filter.committee) &&
      (!filter.from || (row.date !== '' && row.date >= filter.from)) &&
      (!filter.to || (row.date !== '' && row.date <= filter.to)) &&
      (!filter.tag || row.tags.includes(filter.tag)) &&
      kind.keep(row, filter),
  );
  return pageOf(rows, limit, kind);
}

/**
 * The whole table's first page without reading the table (the library page as it opens): the
 * newest `limit` rows from the `date` index, and every row of the last date among them (the
 * order within a date is not the index's), then the count.
 */
async function newest<T extends Row>(table: Table<T>, limit: number, kind: Kind<T>): Promise<ResultPage<T>> {
  const [head, total] = await Promise.all([table.orderBy('date').reverse().limit(limit).toArray(), table.count()]);
  const last = head.at(-1);
  if (head.length < limit || !last) return { ...pageOf(head, limit, kind), total };
  const sameDate = await table.where('date').equals(last.date).toArray();
  return { ...pageOf([...head.filter((row) => row.date !== last.date), ...sameDate], limit, kind), total };
}

/** Newest meeting first, then by council, meeting and place on the page; the first `limit` rows and the count of all. */
function pageOf<T extends Row>(rows: T[], limit: number, kind: Kind<T>): ResultPage<T> {
  // Dates are ISO or '': code-unit order is their order, and cheaper than localeCompare over thousands of rows.
  rows.sort(
    (a, b) =>
      (a.date < b.date ? 1 : a.date > b.date ? -1 : 0) ||
      a.host.localeCompare(b.host) ||
      a.meetingId.localeCompare(b.meetingId) ||
      kind.placeInMeeting(a) - kind.placeInMeeting(b),
  );
  return { rows: rows.length > limit ? rows.slice(0, limit) : rows, total: rows.length };
}

/** Saved items matching the filter; without `limit`, all of them (the export). */
export function searchItems(db: LibraryDb, filter: LibraryFilter, limit = Infinity): Promise<ResultPage<SavedItem>> {
  return search(db.items, filter, ITEMS, limit);
}

/** Saved clauses matching the filter; without `limit`, all of them (the export). */
export function searchClauses(db: LibraryDb, filter: LibraryFilter, limit = Infinity): Promise<ResultPage<SavedClause>> {
  return search(db.clauses, filter, CLAUSES, limit);
}
