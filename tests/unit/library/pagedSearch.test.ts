import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { exportLibrary, restoreLibrary } from '@/lib/library/backup';
import { LibraryDb } from '@/lib/library/db';
import { clauseKey, itemKey, meetingKey } from '@/lib/library/identity';
import { meetingOfOrderKey } from '@/lib/library/postings';
import { annotateClause, annotateItem, deleteClause, deleteItem } from '@/lib/library/queries';
import { saveSelection } from '@/lib/library/save';
import type { Posting, PostingKey, SavedClause, SavedItem, SavedMeeting } from '@/lib/library/schema';
import { countClauses, countItems, searchClauses, searchItems, type LibraryFilter, type ResultPage, type SearchOptions } from '@/lib/library/search';
import { wordsOf } from '@/lib/library/words';
import type { Item } from '@/lib/moderngov/schema';
import { item, meeting } from '../../support/records';

/**
 * Paged search (every page joined, a few rows a page) against a plain scan of every stored row,
 * and the postings against the stored rows, over random libraries after every kind of write.
 */

const dbs: LibraryDb[] = [];
let n = 0;
async function openDb(): Promise<LibraryDb> {
  const db = new LibraryDb(`paged-${++n}-${Date.now()}`);
  await db.open();
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) {
    db.close();
    await db.delete();
  }
});

/** A small seeded generator (mulberry32): the same library on every run. */
function random(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (k: number) => Math.floor(next() * k);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  return { next, int, pick };
}

// Words sharing prefixes (park/parks/parking, tax/taxi, plan/planning), common and rare ones.
const VOCAB = ['park', 'parks', 'parking', 'plan', 'planning', 'budget', 'bus', 'road', 'school', 'schools', 'tax', 'taxi', 'housing', 'noted', 'deferred', 'zebra'];
const HOSTS = ['a.example.gov.uk', 'b.example.gov.uk', 'ab.example.gov.uk'];
const DATES = ['2021-03-01', '2021-03-02', '2020-12-31', '2019-06-15', ''];
const COMMITTEES = ['Cabinet', 'Planning Committee'];

type Rng = ReturnType<typeof random>;
const sentence = (rng: Rng) => `That the ${Array.from({ length: 2 + rng.int(4) }, () => rng.pick(VOCAB)).join(' ')} be agreed.`;

function randomItems(rng: Rng): Item[] {
  return Array.from({ length: 1 + rng.int(4) }, (_, k) =>
    item(String(k + 1), `${rng.pick(VOCAB)} ${rng.pick(VOCAB)}`, Array.from({ length: rng.int(4) }, (_, c): [string, string] => [`(${c + 1})`, sentence(rng)])),
  );
}

function randomMeeting(rng: Rng, id: number) {
  return meeting({ host: rng.pick(HOSTS), id: String(id), date: rng.pick(DATES), committee: rng.pick(COMMITTEES), items: randomItems(rng) });
}

/** The library's order, written out: newest meeting first (undated last), then host, meeting id, then place on the page. */
function byLibraryOrder(meetings: Map<string, SavedMeeting>, place: (r: SavedClause | SavedItem) => (string | number)[]) {
  const dateOf = (r: { host: string; meetingId: string; date: string }) => meetings.get(meetingKey(r))?.date ?? r.date;
  return (a: SavedClause | SavedItem, b: SavedClause | SavedItem) => {
    const [da, db] = [dateOf(a), dateOf(b)];
    if (da !== db) return da === '' ? 1 : db === '' ? -1 : da > db ? -1 : 1;
    if (a.host !== b.host) return a.host < b.host ? -1 : 1;
    if (a.meetingId !== b.meetingId) return a.meetingId < b.meetingId ? -1 : 1;
    const [pa, pb] = [place(a), place(b)];
    for (let k = 0; k < pa.length; k++) if (pa[k] !== pb[k]) return pa[k]! < pb[k]! ? -1 : 1;
    return 0;
  };
}

/** A row's search words, from its text as the library defines them (not stored since database version 9). */
const wordsOfRow = (r: SavedClause | SavedItem): string[] =>
  'clauseIndex' in r ? wordsOf(r.text, r.itemTitle, r.committeeName, r.councilName) : wordsOf(r.title, r.description, r.minutes, r.decision, r.committeeName, r.councilName);

/** Every stored row matching the filter, found by reading them all. */
async function scanAll(db: LibraryDb, what: 'clauses' | 'items', filter: LibraryFilter): Promise<(SavedClause | SavedItem)[]> {
  const meetings = new Map((await db.meetings.toArray()).map((m) => [meetingKey(m), m]));
  const terms = wordsOf(filter.text);
  const rows: (SavedClause | SavedItem)[] = what === 'clauses' ? await db.clauses.toArray() : (await db.items.toArray()).filter((i) => i.picked === 1);
  const dateOf = (r: SavedClause | SavedItem) => meetings.get(meetingKey(r))?.date ?? r.date;
  const place = (r: SavedClause | SavedItem) => ('clauseIndex' in r ? [r.itemOrder, r.itemKey, r.clauseIndex] : [r.order, r.itemKey]);
  return rows
    .filter(
      (r) =>
        terms.every((t) => wordsOfRow(r).some((w) => w.startsWith(t))) &&
        (!filter.host || r.host === filter.host) &&
        (!filter.committee || r.committeeName === filter.committee) &&
        (!filter.from || (dateOf(r) !== '' && dateOf(r) >= filter.from)) &&
        (!filter.to || (dateOf(r) !== '' && dateOf(r) <= filter.to)) &&
        (!filter.tag || r.tags.includes(filter.tag)) &&
        // The outcome is a clause's; the items view leaves it aside.
        (!filter.outcome || !('outcome' in r) || r.outcome === filter.outcome),
    )
    .sort(byLibraryOrder(meetings, place));
}

/** Every page of a search joined, `limit` rows a page; checks each page's total and cursor on the way. */
async function allPages<T>(search: (options: SearchOptions) => Promise<ResultPage<T>>, limit: number): Promise<T[]> {
  const rows: T[] = [];
  let after: string | null = null;
  for (let pages = 0; ; pages++) {
    const page: ResultPage<T> = await search({ limit, after });
    expect(page.rows.length).toBeLessThanOrEqual(limit);
    // A first page that is also the last knows the total; any other page does not claim one.
    expect(page.total).toBe(pages === 0 && page.next === null ? page.rows.length : null);
    if (page.next !== null) expect(page.rows).toHaveLength(limit);
    rows.push(...page.rows);
    if (page.next === null) return rows;
    after = page.next;
    expect(pages).toBeLessThan(10_000);
  }
}

const FILTERS: LibraryFilter[] = [
  {},
  { text: 'park' },
  { text: 'parks' },
  { text: 'pa' },
  { text: 'zebra' },
  { text: 'tax budget' },
  { text: 'plan school' },
  { text: 'pa bu' },
  { text: 'park plan road' },
  { text: 'the' },
  { text: 'nothing-like-it' },
  { host: 'a.example.gov.uk' },
  { host: 'ab.example.gov.uk', text: 'bus' },
  { committee: 'Cabinet' },
  { committee: 'Planning Committee', text: 'road' },
  { from: '2021-01-01' },
  { to: '2020-12-31' },
  { from: '2020-12-31', to: '2021-03-01', text: 'housing' },
  { tag: 'mine' },
  { tag: 'mine', text: 'taxi' },
  { outcome: 'agreed' },
  { outcome: 'noted', text: 'park' },
];

const keys = (rows: (SavedClause | SavedItem)[]) => rows.map((r) => ('clauseIndex' in r ? clauseKey(r) : itemKey(r)));

/** Paged search, counts and postings agree with the stored rows, for every filter. */
async function expectConsistent(db: LibraryDb, filters = FILTERS): Promise<void> {
  await expectPostingsExact(db);
  for (const filter of filters) {
    const clauses = keys(await scanAll(db, 'clauses', filter));
    const items = keys(await scanAll(db, 'items', filter));
    expect(keys(await allPages((o) => searchClauses(db, filter, o), 3)), JSON.stringify(filter)).toEqual(clauses);
    expect(keys(await allPages((o) => searchItems(db, filter, o), 2)), JSON.stringify(filter)).toEqual(items);
    expect(keys((await searchClauses(db, filter)).rows)).toEqual(clauses);
    expect(await countClauses(db, filter), JSON.stringify(filter)).toBe(clauses.length);
    expect(await countItems(db, filter), JSON.stringify(filter)).toBe(items.length);
  }
}

/** The postings are exactly the stored rows' words (from their text), meeting by meeting, under the meeting's order key. */
async function expectPostingsExact(db: LibraryDb): Promise<void> {
  const expected = new Map<string, string[]>();
  const add = (word: string, r: { host: string; meetingId: string }, row: string) => {
    const key = JSON.stringify([word, r.host, r.meetingId]);
    expected.set(key, [...(expected.get(key) ?? []), row]);
  };
  for (const c of await db.clauses.toArray()) for (const w of new Set(wordsOfRow(c))) add(w, c, JSON.stringify(['c', c.itemKey, c.clauseIndex]));
  for (const i of await db.items.toArray()) if (i.picked === 1) for (const w of new Set(wordsOfRow(i))) add(w, i, JSON.stringify(['i', i.itemKey]));
  const [postingKeys, postings] = await Promise.all([db.postings.toCollection().primaryKeys() as Promise<PostingKey[]>, db.postings.toArray()]);
  const actual = new Map<string, string[]>();
  postingKeys.forEach(([word, orderKey], k) => {
    const ref = meetingOfOrderKey(orderKey);
    const p = postings[k] as Posting;
    actual.set(JSON.stringify([word, ref.host, ref.meetingId]), [...p.c.map(([key, index]) => JSON.stringify(['c', key, index])), ...p.i.map((key) => JSON.stringify(['i', key]))]);
  });
  const sorted = (m: Map<string, string[]>) => [...m].map(([k, v]) => [k, [...v].sort()]).sort();
  expect(sorted(actual)).toEqual(sorted(expected));
  // One index row and one words row per meeting with rows, the latter listing the words it has postings under.
  const withRows = new Set([...(await db.clauses.toArray()), ...(await db.items.toArray())].map((r) => meetingKey(r)));
  const index = await db.meetingIndex.toArray();
  const words = await db.meetingWords.toArray();
  expect(index.map((m) => meetingKey(m)).sort()).toEqual([...withRows].sort());
  expect(words.map((m) => meetingKey(m)).sort()).toEqual([...withRows].sort());
  const postingWords = new Map<string, string[]>();
  for (const [word, orderKey] of postingKeys) {
    const key = meetingKey(meetingOfOrderKey(orderKey));
    postingWords.set(key, [...(postingWords.get(key) ?? []), word]);
  }
  for (const m of words) expect([...m.words].sort()).toEqual((postingWords.get(meetingKey(m)) ?? []).sort());
  // Its counts are the meeting's clauses and picked items.
  const tally = (rows: { host: string; meetingId: string }[]) => rows.reduce((m, r) => m.set(meetingKey(r), (m.get(meetingKey(r)) ?? 0) + 1), new Map<string, number>());
  const clauses = tally(await db.clauses.toArray());
  const picked = tally((await db.items.toArray()).filter((i) => i.picked === 1));
  for (const m of index) expect([m.clauses, m.items]).toEqual([clauses.get(meetingKey(m)) ?? 0, picked.get(meetingKey(m)) ?? 0]);
}

// Dozens of saves and every filter paged through, checked after each kind of write: seconds on a busy machine.
const SLOW = 60_000;

describe('paged search against a plain scan of every row', () => {
  it('agrees after saves of whole meetings, items and clauses, re-saves, item-page saves, annotations and deletions', async () => {
    const db = await openDb();
    const rng = random(15);
    const records = new Map<number, ReturnType<typeof randomMeeting>>();
    for (let id = 1; id <= 30; id++) {
      const record = randomMeeting(rng, id);
      records.set(id, record);
      const roll = rng.int(3);
      const [first] = record.items;
      if (roll === 0 || !first) await saveSelection(db, record, { scope: 'meeting' });
      else if (roll === 1) await saveSelection(db, record, { scope: 'item', itemKey: first.id ?? '' });
      else if (first.clauses.length > 0) await saveSelection(db, record, { scope: 'clause', itemKey: first.id ?? '', clauseIndex: 0 });
    }
    await expectConsistent(db);

    // Re-saves with new text (words gone, clauses gone, a new date), tags on some rows.
    for (const id of [2, 5, 9, 14, 21]) {
      const before = records.get(id)!;
      const record = meeting({ host: before.council.host, id: String(id), date: rng.pick(DATES), committee: before.committee.name ?? '', items: randomItems(rng) });
      records.set(id, record);
      await saveSelection(db, record, { scope: 'meeting' });
    }
    for (const c of (await db.clauses.toArray()).filter((_, k) => k % 4 === 0)) await annotateClause(db, c, c, { tags: ['mine'], note: '' });
    for (const i of (await db.items.toArray()).filter((_, k) => k % 3 === 0)) await annotateItem(db, i, { tags: ['mine'], note: 'n' });
    await expectConsistent(db);

    // An item saved from its own agenda-item page (a meeting of one item), then its meeting page.
    const host = records.get(7)!.council.host;
    const own = item('1', 'Zebra crossing on the high road', [['(a)', 'That the zebra crossing be built.']]);
    await saveSelection(db, meeting({ host, id: '7', date: '2021-03-02', items: [own] }), { scope: 'item', itemKey: own.id ?? '' }, new Date(), { from: 'item' });
    await expectConsistent(db);
    await saveSelection(db, records.get(7)!, { scope: 'meeting' });
    await expectConsistent(db);

    // Deletions: clauses and items, down to a meeting's last.
    const clauses = await db.clauses.toArray();
    for (const c of clauses.filter((_, k) => k % 5 === 1)) await deleteClause(db, c);
    const items = await db.items.toArray();
    for (const i of items.filter((_, k) => k % 4 === 2)) await deleteItem(db, i);
    await expectConsistent(db);
  }, SLOW);

  it('agrees after a backup is restored into an empty library and over a changed one', async () => {
    const db = await openDb();
    const rng = random(7);
    for (let id = 1; id <= 20; id++) await saveSelection(db, randomMeeting(rng, id), { scope: 'meeting' });
    const backup = await exportLibrary(db);
    // The backup holds no postings: they are derived.
    expect(backup).not.toContain('postings');
    expect(backup).not.toContain('meetingIndex');
    expect(backup).not.toContain('meetingWords');

    const empty = await openDb();
    await restoreLibrary(empty, new Blob([backup]));
    await expectConsistent(empty);

    // Over a library that has changed since: re-saved meetings and deletions, then the old backup merged in.
    for (let id = 1; id <= 6; id++) await saveSelection(db, randomMeeting(rng, id), { scope: 'meeting' });
    for (const i of (await db.items.toArray()).filter((_, k) => k % 3 === 0)) await deleteItem(db, i);
    await restoreLibrary(db, new Blob([backup]));
    await expectConsistent(db);
  }, SLOW);

  it('says a cursor it cannot read is not one, and reads nothing', async () => {
    const db = await openDb();
    await expect(searchClauses(db, {}, { limit: 5, after: 'not json' })).rejects.toThrow('Not a library search cursor');
    await expect(searchClauses(db, {}, { limit: 5, after: '[1, 2]' })).rejects.toThrow('Not a library search cursor');
  });

  it('pages the few rows holding several words when nearly every meeting holds each', async () => {
    const db = await openDb();
    const rng = random(42);
    // 150 meetings (more than one batch of the join), each with an "alpha…" item and a "beta…" item;
    // every 12th also has an item with both, every 30th one with "alpine betting gamma".
    for (let id = 1; id <= 150; id++) {
      const items = [
        item('1', 'Report', [['(a)', `That the ${rng.pick(['alpha', 'alphabet', 'alpine'])} report be noted.`]]),
        item('2', 'Plan', [['(a)', `That the ${rng.pick(['beta', 'betting'])} plan be agreed.`]]),
      ];
      if (id % 12 === 0) items.push(item('3', 'Proposals', [['(a)', 'That the alpha and beta proposals be agreed.']]));
      if (id % 30 === 0) items.push(item('4', 'Gamma', [['(a)', 'That alpine betting gamma be deferred.']]));
      const date = id % 10 === 0 ? '' : new Date(Date.UTC(2020, 0, id)).toISOString().slice(0, 10);
      await saveSelection(db, meeting({ host: rng.pick(HOSTS), id: String(id), date, committee: rng.pick(COMMITTEES), items }), { scope: 'meeting' });
    }
    // The fixture's own counts: 12 meetings (12, 24 … 144) hold "alpha beta" in one clause; 5 (30 … 150) "alpine betting gamma".
    expect(await scanAll(db, 'clauses', { text: 'alpha beta' })).toHaveLength(12);
    expect(await scanAll(db, 'clauses', { text: 'alp bet' })).toHaveLength(12 + 5);
    expect(await scanAll(db, 'clauses', { text: 'gamma alp bet' })).toHaveLength(5);
    await expectConsistent(db, [
      { text: 'alpha beta' },
      { text: 'beta alpha' },
      { text: 'alp bet' },
      { text: 'gamma alp bet' },
      { text: 'alphabet betting' },
      { text: 'alpha beta', committee: 'Cabinet' },
      { text: 'alp bet', host: 'ab.example.gov.uk' },
      { text: 'alp bet', from: '2020-02-01', to: '2020-04-30' },
      { text: 'alpha beta gamma' },
    ]);
  }, SLOW);

  it('pages several words when one of them is a prefix of more words than it reads', async () => {
    const db = await openDb();
    // 40 words beginning "zo", one clause each, in 40 meetings; every 4th clause also says "budget" (10 meetings).
    const words = Array.from({ length: 40 }, (_, k) => `zo${String.fromCharCode(97 + Math.floor(k / 26))}${String.fromCharCode(97 + (k % 26))}`);
    for (const [k, w] of words.entries()) {
      const text = k % 4 === 0 ? `That ${w} budget be agreed.` : `That ${w} be agreed.`;
      await saveSelection(db, meeting({ host: 'a.example.gov.uk', id: String(k + 1), date: '2021-03-01', items: [item('1', 'Words', [['(a)', text]])] }), { scope: 'meeting' });
    }
    // "budget" is the rarer term: its postings drive and "zo" is checked on the rows, every word it begins.
    const both = await searchClauses(db, { text: 'zo budget' });
    expect(both.rows.map((c) => c.text).sort()).toEqual(words.filter((_, k) => k % 4 === 0).map((w) => `That ${w} budget be agreed.`).sort());
    expect(both.capped).toBeUndefined();
    await expectConsistent(db, [{ text: 'zo budget' }, { text: 'budget zo' }, { text: 'zoa budget' }]);
    // "agreed" is in every meeting: "zo" (32 postings read of 40) drives, and says what it leaves out.
    const capped = await searchClauses(db, { text: 'agreed zo' }, { limit: 50 });
    expect(capped.capped).toContain('“zo” begins more than 32 words');
    expect(capped.rows.map((c) => c.text).sort()).toEqual(
      words
        .slice(0, 32)
        .map((w, k) => (k % 4 === 0 ? `That ${w} budget be agreed.` : `That ${w} be agreed.`))
        .sort(),
    );
  }, SLOW);

  it('pages a prefix that begins more words than it reads, and says so', async () => {
    const db = await openDb();
    // 40 words beginning "zo" (zoa… zon), one clause each.
    const words = Array.from({ length: 40 }, (_, k) => `zo${String.fromCharCode(97 + Math.floor(k / 26))}${String.fromCharCode(97 + (k % 26))}`);
    await saveSelection(db, meeting({ host: 'a.example.gov.uk', id: '1', items: [item('1', 'Words', words.map((w, k): [string, string] => [`(${k})`, `That ${w} be agreed.`]))] }), { scope: 'meeting' });
    const page = await searchClauses(db, { text: 'zo' });
    expect(page.capped).toContain('“zo” begins more than 32 words');
    // The first 32 words, alphabetically, are read: their clauses, in page order.
    expect(page.rows.map((c) => c.text)).toEqual(words.slice(0, 32).map((w) => `That ${w} be agreed.`));
    expect((await searchClauses(db, { text: 'zoa' })).capped).toBeUndefined();
  });

  it('tests another word its postings do not narrow (a prefix of more words than it reads) on each row’s own text', async () => {
    const db = await openDb();
    const words = Array.from({ length: 40 }, (_, k) => `zo${String.fromCharCode(97 + Math.floor(k / 26))}${String.fromCharCode(97 + (k % 26))}`);
    const clauses = words.map((w, k): [string, string] => [`(${k})`, `That ${w} be agreed.`]);
    await saveSelection(db, meeting({ host: 'a.example.gov.uk', id: '1', items: [item('1', 'Words', clauses), item('2', 'Budget', [['(a)', 'That the budget be agreed.']])] }), { scope: 'meeting' });
    // "agreed" has the fewer postings: its 41 clauses are read, and "zo" (over 32 words) is tested on each: all 40 of its words, not only the 32 read.
    const found = await searchClauses(db, { text: 'zo agreed' });
    expect(found.rows.map((c) => c.text)).toEqual(clauses.map(([, text]) => text));
    expect(await countClauses(db, { text: 'agreed zo' })).toBe(40);
    // A prefix of fewer words is narrowed by its postings: the same rows as testing the text.
    expect((await searchClauses(db, { text: 'zob agreed' })).rows.map((c) => c.text)).toEqual(clauses.slice(26).map(([, text]) => text));
  });
});
