import Dexie, { type Collection, type Table } from 'dexie';
import { z } from 'zod';
import type { Outcome } from '../moderngov/outcome';
import type { LibraryDb } from './db';
import { clauseWords, itemWords } from './derived';
import type { MeetingRef } from './identity';
import { clausesOfMeeting, itemsOfMeeting } from './meetingRows';
import { clausePosition, comparePositions, itemPosition, meetingOfOrderKey, orderKeyRange } from './postings';
import type { MeetingIndex, Posting, PostingKey, SavedClause, SavedItem } from './schema';
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

export interface SearchOptions {
  /** Rows of the page; every row when left out (exports, citations). */
  limit?: number;
  /** Where the previous page stopped: its `next`. */
  after?: string | null;
}

/** A page of a search, in the library's order (newest meeting first, then council, meeting, page order). */
export interface ResultPage<T> {
  rows: T[];
  /** The cursor of the next page, or null when these are the last rows. */
  next: string | null;
  /** How many rows match in all when this page could tell without reading further (a first page that is also the last), else null: see countClauses/countItems. */
  total: number | null;
  /** A prefix that begins more words than a search reads: the words left out, said to the researcher. */
  capped?: string;
}

/** Rows the library page shows at first and adds with each "Show more": enough to read, few enough to render at once. */
export const PAGE_ROWS = 200;
/** Words a prefix search reads at most (the first in alphabetical order): each is a stream of postings merged by meeting. */
export const PREFIX_WORDS = 32;

type Row = SavedItem | SavedClause;

/** What differs between items and clauses: where they are stored, their place in the meeting, their postings and their own conditions. */
interface Kind<T extends Row> {
  table(db: LibraryDb): Table<T>;
  ofMeeting(db: LibraryDb, ref: MeetingRef): Collection<T>;
  position(row: T): (string | number)[];
  /** Primary keys of the meeting's rows a posting lists. */
  keysOf(posting: Posting, ref: MeetingRef): unknown[];
  /** The row's search words (not stored: derived from its text). */
  words(row: T): string[];
}

const ITEMS: Kind<SavedItem> = {
  table: (db) => db.items,
  ofMeeting: itemsOfMeeting,
  position: itemPosition,
  keysOf: (p, ref) => p.i.map((itemKey) => [ref.host, ref.meetingId, itemKey]),
  words: itemWords,
};

const CLAUSES: Kind<SavedClause> = {
  table: (db) => db.clauses,
  ofMeeting: clausesOfMeeting,
  position: clausePosition,
  keysOf: (p, ref) => p.c.map(([itemKey, clauseIndex]) => [ref.host, ref.meetingId, itemKey, clauseIndex]),
  words: clauseWords,
};

/** Every condition of the filter but its text (which only a search answers), on one row. */
export function rowMatches(row: SavedItem | SavedClause, filter: LibraryFilter): boolean {
  return (
    (!filter.host || row.host === filter.host) &&
    (!filter.committee || row.committeeName === filter.committee) &&
    (!filter.from || (row.date !== '' && row.date >= filter.from)) &&
    (!filter.to || (row.date !== '' && row.date <= filter.to)) &&
    (!filter.tag || row.tags.includes(filter.tag)) &&
    // Items kept only as the context of a saved clause are not the researcher's items.
    ('clauseIndex' in row ? !filter.outcome || row.outcome === filter.outcome : row.picked === 1)
  );
}

/** The cursor: the last row's meeting order key and place in the meeting. */
const CursorSchema = z.tuple([z.string()]).rest(z.union([z.string(), z.number()]));
type Cursor = z.infer<typeof CursorSchema>;

function parseCursor(text: string): Cursor {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    data = null;
  }
  const parsed = CursorSchema.safeParse(data);
  if (!parsed.success) throw new Error(`Not a library search cursor: ${text.slice(0, 80)}`);
  return parsed.data;
}

/** A meeting that may hold matches: its order key, and the keys of the rows a posting lists (null: every row of it). */
interface Candidate {
  orderKey: string;
  ref: MeetingRef;
  keys: unknown[] | null;
}

/**
 * Candidate meetings one at a time, in order. Every await in a search is of a Dexie promise (no
 * async generators, no native promise that resolves without a read): Dexie's liveQuery sees only
 * the reads made in its own async context, and one native await loses it (the library page then
 * missed a meeting saved into an empty library).
 */
interface Candidates {
  next(): Promise<Candidate | null>;
}

/** Meetings in the library's order, from their index rows, a growing batch at a time. */
function everyMeeting(db: LibraryDb, lower: string, upper: string): Candidates {
  let buffer: Candidate[] = [];
  let from = lower;
  let inclusive = true;
  let size = 16;
  let done = false;
  return {
    next() {
      if (buffer.length > 0 || done) return Dexie.Promise.resolve(buffer.shift() ?? null);
      return db.meetingIndex
        .where('orderKey')
        .between(from, upper, inclusive, true)
        .limit(size)
        .toArray()
        .then((rows) => {
          buffer = rows.map((r) => ({ orderKey: r.orderKey, ref: r, keys: null }));
          if (rows.length < size) done = true;
          else {
            from = rows[rows.length - 1]!.orderKey;
            inclusive = false;
            size = Math.min(size * 2, 512);
          }
          return buffer.shift() ?? null;
        });
    },
  };
}

/** The words having postings that begin with `term`, alphabetically, at most `cap` (one small read each: a skip over each word's postings). */
async function wordsBeginning(db: LibraryDb, term: string, cap: number): Promise<{ words: string[]; capped: boolean }> {
  const words: string[] = [];
  let from: unknown[] = [term];
  let inclusive = true;
  for (;;) {
    const [key] = (await db.postings.where(':id').between(from, [`${term}\uffff`], inclusive, false).limit(1).primaryKeys()) as PostingKey[];
    if (!key) return { words, capped: false };
    if (words.length === cap) return { words, capped: true };
    words.push(key[0]);
    // Past every posting of this word (an array sorts above every order key).
    from = [key[0], []];
    inclusive = false;
  }
}

/**
 * One word's postings with their meetings' order keys, over [from, to] (`to` included), at most
 * `limit`: the keys are outbound, so they are a read of their own beside the values.
 */
function postingsOf(db: LibraryDb, word: string, from: string, to: string, fromIncluded: boolean, limit = Infinity): Promise<[string, Posting][]> {
  const range = db.postings.where(':id').between([word, from], [word, to], fromIncluded, true).limit(limit);
  return Dexie.Promise.all([range.clone().primaryKeys() as Promise<PostingKey[]>, range.toArray()]).then(([keys, values]) => keys.map((key, k): [string, Posting] => [key[1], values[k]!]));
}

/** One word's postings in order key order, read a growing batch at a time. */
class PostingStream {
  private buffer: [string, Posting][] = [];
  /** The head's place in the buffer (an index: shifting thousands of entries one at a time copies them each time). */
  private at = 0;
  private from: string;
  private inclusive = true;
  done = false;

  constructor(
    private readonly db: LibraryDb,
    private readonly word: string,
    lower: string,
    private readonly upper: string,
    private size = 8,
    private readonly most = 512,
  ) {
    this.from = lower;
  }

  head(): [string, Posting] | undefined {
    return this.buffer[this.at];
  }

  shift(): void {
    this.at++;
  }

  /** Reads the next batch if the buffer is empty. */
  fill(): Promise<void> {
    if (this.at < this.buffer.length || this.done) return Dexie.Promise.resolve();
    return postingsOf(this.db, this.word, this.from, this.upper, this.inclusive, this.size).then((read) => {
      this.buffer = read;
      this.at = 0;
      if (read.length < this.size) this.done = true;
      else {
        this.from = read[read.length - 1]![0];
        this.inclusive = false;
        this.size = Math.min(this.size * 4, this.most);
      }
    });
  }
}

/** Candidates whose next one the buffers can often tell without a read (an await a candidate costs more than its postings, batches of thousands). */
interface BufferedCandidates extends Candidates {
  /** The next candidate if the buffers hold it (null: none left), undefined when a read is due. */
  ready(): Candidate | null | undefined;
}

/** Meetings having a word that begins with `term`, in the library's order: the postings of each such word, merged. */
function meetingsWith<T extends Row>(db: LibraryDb, kind: Kind<T>, words: string[], lower: string, upper: string, batch?: [first: number, most: number]): BufferedCandidates {
  const streams = words.map((w) => new PostingStream(db, w, lower, upper, ...(batch ?? [])));
  const ready = (): Candidate | null | undefined => {
    for (;;) {
      if (streams.some((s) => !s.head() && !s.done)) return undefined;
      let first: string | undefined;
      for (const s of streams) {
        const head = s.head();
        if (head && (first === undefined || head[0] < first)) first = head[0];
      }
      if (first === undefined) return null;
      const ref = meetingOfOrderKey(first);
      const keys = new Map<string, unknown>();
      for (const s of streams) {
        const head = s.head();
        if (head?.[0] !== first) continue;
        // A row having two words of the prefix ("contact", "contacts") is listed under each.
        for (const key of kind.keysOf(head[1], ref)) keys.set(JSON.stringify(key), key);
        s.shift();
      }
      if (keys.size > 0) return { orderKey: first, ref, keys: [...keys.values()] };
    }
  };
  const next = (): Promise<Candidate | null> => {
    const m = ready();
    return m !== undefined ? Dexie.Promise.resolve(m) : Dexie.Promise.all(streams.map((s) => s.fill())).then(next);
  };
  return { ready, next };
}

/** Meetings of the driving term a join takes in its first batch and at most in one (its postings are read in batches of the same sizes). */
const JOIN_FIRST = 64;
const JOIN_MOST = 2048;

/**
 * The candidates of `source` (the driving term's meetings) keeping only the rows listed under a
 * word of each other term too. For a batch of candidates, each other word's postings over the
 * batch's span of order keys are read as one range (a get per meeting was most of the time of
 * such a search) and joined by meeting, before any row is read. Nearly every meeting may hold
 * each word while few rows hold all, so batches grow fourfold.
 */
function meetingsWithAll<T extends Row>(db: LibraryDb, kind: Kind<T>, source: BufferedCandidates, others: string[][]): Candidates {
  let buffer: Candidate[] = [];
  let size = JOIN_FIRST;
  let done = false;
  /** Meeting order key → the keys of its rows listed under one of `words`, over [from, to]. */
  const listed = (words: string[], from: string, to: string) =>
    Dexie.Promise.all(
      words.map((w) => postingsOf(db, w, from, to, true)),
    ).then((read) => {
      const having = new Map<string, Set<string>>();
      for (const [orderKey, posting] of read.flat()) {
        const set = having.get(orderKey) ?? new Set<string>();
        for (const key of kind.keysOf(posting, meetingOfOrderKey(orderKey))) set.add(JSON.stringify(key));
        having.set(orderKey, set);
      }
      return having;
    });
  const refill = async () => {
    while (buffer.length === 0 && !done) {
      const batch: Candidate[] = [];
      while (batch.length < size) {
        const m = source.ready() ?? (await source.next());
        if (!m) {
          done = true;
          break;
        }
        batch.push(m);
      }
      size = Math.min(size * 4, JOIN_MOST);
      if (batch.length === 0) break;
      const terms = await Dexie.Promise.all(others.map((words) => listed(words, batch[0]!.orderKey, batch[batch.length - 1]!.orderKey)));
      for (const having of terms) {
        for (const m of batch) m.keys = (m.keys ?? []).filter((key) => having.get(m.orderKey)?.has(JSON.stringify(key)));
      }
      buffer = batch.filter((m) => (m.keys ?? []).length > 0);
    }
    return buffer.shift() ?? null;
  };
  return {
    next: () => (buffer.length > 0 ? Dexie.Promise.resolve(buffer.shift() ?? null) : refill()),
  };
}

/** A term of the query and the words having postings that begin with it (wordsBeginning), read once a search. */
interface Term {
  term: string;
  words: string[];
  capped: boolean;
}

/** The terms, the one with the fewest postings (meetings having it) first: the search reads its postings and narrows by the others'. */
async function rarestFirst(db: LibraryDb, terms: Term[], lower: string, upper: string): Promise<Term[]> {
  const counts = await Dexie.Promise.all(
    terms.map(({ words }) =>
      Dexie.Promise.all(words.map((w) => db.postings.where(':id').between([w, lower], [w, upper], true, true).count())).then((each) => each.reduce((a, b) => a + b, 0)),
    ),
  );
  return terms.map((t, k) => ({ t, n: counts[k]! })).sort((a, b) => a.n - b.n || b.t.term.length - a.t.term.length).map(({ t }) => t);
}

interface Scan<T extends Row> {
  rows: T[];
  /** The last row's meeting order key (the cursor's first part). */
  lastOrderKey: string;
  /** More rows match after `rows` (only looked for up to limit + 1). */
  more: boolean;
  capped?: string;
}

/**
 * Rows matching the filter, in the library's order, from the cursor on, until `limit` + 1 are
 * found. Meetings come from the postings of the query's first word, joined with the other
 * words' postings (meetingsWithAll), or, with no words, from the meetings' order key; a date
 * range is a range of that key. Their rows are read a batch of meetings at a time (by the
 * postings' keys, or the meeting's key range) and tested against the rest of the filter: the
 * other words (narrowed by their postings, or tested on the row), council, committee, tag, outcome.
 */
async function scan<T extends Row>(db: LibraryDb, kind: Kind<T>, filter: LibraryFilter, limit: number, after: Cursor | null): Promise<Scan<T>> {
  const terms = await Dexie.Promise.all(wordsOf(filter.text).map((term) => wordsBeginning(db, term, PREFIX_WORDS).then((found): Term => ({ term, ...found }))));
  // A join over ranges reads every term's postings over the same span whichever drives, so they are not counted (a read of every key);
  // a prefix that begins too many words decides which rows are found, so the rarest term drives then, as before.
  const [first, ...rest] = terms.length < 2 || !terms.some((t) => t.capped) ? terms : await rarestFirst(db, terms, ...orderKeyRange(filter.from, filter.to));
  let [lower, upper] = orderKeyRange(filter.from, filter.to);
  if (after && after[0] > lower) lower = after[0];
  let capped: string | undefined;
  let source: Candidates;
  if (first) {
    const { term, words, capped: cut } = first;
    if (cut) capped = `“${term}” begins more than ${PREFIX_WORDS} words: only rows with one of the first ${PREFIX_WORDS} (${words[0]} … ${words[words.length - 1]}) are found.`;
    // The other words, where their postings hold every word they begin: meetings and rows lacking one are dropped from the postings, unread.
    const narrowing = rest.filter((r) => !r.capped).map((r) => r.words);
    source =
      narrowing.length > 0
        ? meetingsWithAll(db, kind, meetingsWith(db, kind, words, lower, upper, [JOIN_FIRST, JOIN_MOST]), narrowing)
        : meetingsWith(db, kind, words, lower, upper);
  } else source = everyMeeting(db, lower, upper);

  // The other words that a prefix of more words than are read leaves unnarrowed are tested on the row's words, computed only for the rows tested.
  const unnarrowed = rest.filter((r) => r.capped).map((r) => r.term);
  const hasTerms = (row: T) => {
    if (unnarrowed.length === 0) return true;
    const words = kind.words(row);
    return unnarrowed.every((term) => words.some((w) => w.startsWith(term)));
  };

  const afterPlace = after ? after.slice(1) : null;
  const rows: T[] = [];
  let lastOrderKey = '';
  const match = (row: T, orderKey: string) =>
    !(after && orderKey === after[0] && afterPlace && comparePositions(kind.position(row), afterPlace) <= 0) &&
    // Council and dates are the order key's already; the row test checks them again, cheaply.
    rowMatches(row, filter) &&
    hasTerms(row);

  /** Reads a batch of meetings' rows (one bulkGet for those the postings list, a key range for each other); true once more than `limit` rows are found. */
  const take = async (batch: Candidate[]): Promise<boolean> => {
    const listed = batch.flatMap((m) => m.keys ?? []);
    const whole = batch.filter((m) => !m.keys);
    const [got, read] = (await Dexie.Promise.all([kind.table(db).bulkGet(listed as never[]), Dexie.Promise.all(whole.map((m) => kind.ofMeeting(db, m.ref).toArray()))])) as [(T | undefined)[], T[][]];
    const rowsOf = new Map(whole.map((m, k) => [m, read[k]!]));
    let at = 0;
    for (const [k, m] of batch.entries()) {
      const meetingRows = m.keys ? got.slice(at, (at += m.keys.length)).filter((r): r is T => r !== undefined) : rowsOf.get(m)!;
      meetingRows.sort((a, b) => comparePositions(kind.position(a), kind.position(b)));
      for (const row of meetingRows) {
        if (!match(row, m.orderKey)) continue;
        rows.push(row);
        if (rows.length <= limit) lastOrderKey = m.orderKey;
        else return true;
      }
    }
    return false;
  };

  // A batch holds about the rows still wanted: a posting's keys, else a meeting's usual hundred or so (few meetings per read, few reads per page).
  let batch: Candidate[] = [];
  let expected = 0;
  let more = false;
  for (let m = await source.next(); m; m = await source.next()) {
    if (filter.host && m.ref.host !== filter.host) continue;
    batch.push(m);
    expected += m.keys ? m.keys.length : 100;
    if (expected <= limit - rows.length && batch.length < 128) continue;
    more = await take(batch);
    if (more) break;
    batch = [];
    expected = 0;
  }
  if (!more && batch.length > 0) more = await take(batch);
  return { rows, lastOrderKey, more, capped };
}

async function search<T extends Row>(db: LibraryDb, kind: Kind<T>, filter: LibraryFilter, options: SearchOptions): Promise<ResultPage<T>> {
  const limit = options.limit ?? Infinity;
  const after = options.after ? parseCursor(options.after) : null;
  const { rows, lastOrderKey, more, capped } = await scan(db, kind, filter, limit, after);
  const page = more ? rows.slice(0, limit) : rows;
  const last = page[page.length - 1];
  const next = more && last ? JSON.stringify([lastOrderKey, ...kind.position(last)]) : null;
  return { rows: page, next, total: !after && !more ? page.length : null, ...(capped ? { capped } : {}) };
}

/** A page of the saved items matching the filter (every one without `limit`). */
export function searchItems(db: LibraryDb, filter: LibraryFilter, options: SearchOptions = {}): Promise<ResultPage<SavedItem>> {
  return search(db, ITEMS, filter, options);
}

/** A page of the saved clauses matching the filter (every one without `limit`). */
export function searchClauses(db: LibraryDb, filter: LibraryFilter, options: SearchOptions = {}): Promise<ResultPage<SavedClause>> {
  return search(db, CLAUSES, filter, options);
}

/** The filter tests nothing on the rows beyond one word's postings (and council and dates, which the order key holds). */
const postingsSuffice = (filter: LibraryFilter) => wordsOf(filter.text).length === 1 && !filter.committee && !filter.tag && !filter.outcome;

/**
 * How many rows match in all, for the total a first page could not give. With no words and
 * nothing tested on the rows, the meetings' index rows' counts; with one word and nothing tested
 * on the rows, the rows its postings list; in either case no row is read. Else every matching row is read.
 */
async function count<T extends Row>(db: LibraryDb, kind: Kind<T>, filter: LibraryFilter, perMeeting: (m: MeetingIndex) => number): Promise<number> {
  if (wordsOf(filter.text).length === 0 && !filter.committee && !filter.tag && !filter.outcome) {
    const meetings = await db.meetingIndex.where('orderKey').between(...orderKeyRange(filter.from, filter.to), true, true).toArray();
    return meetings.reduce((n, m) => n + (!filter.host || m.host === filter.host ? perMeeting(m) : 0), 0);
  }
  if (postingsSuffice(filter)) {
    const [term] = wordsOf(filter.text) as [string];
    const [lower, upper] = orderKeyRange(filter.from, filter.to);
    const { words } = await wordsBeginning(db, term, PREFIX_WORDS);
    let n = 0;
    const source = meetingsWith(db, kind, words, lower, upper);
    for (let m = await source.next(); m; m = await source.next()) if (!filter.host || m.ref.host === filter.host) n += m.keys?.length ?? 0;
    return n;
  }
  return (await scan(db, kind, filter, Infinity, null)).rows.length;
}

export const countItems = (db: LibraryDb, filter: LibraryFilter): Promise<number> => count(db, ITEMS, filter, (m) => m.items);
export const countClauses = (db: LibraryDb, filter: LibraryFilter): Promise<number> => count(db, CLAUSES, filter, (m) => m.clauses);
