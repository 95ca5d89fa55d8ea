import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LibraryDb } from '@/lib/library/db';
import { parseClauseKey, parseItemKey } from '@/lib/library/identity';
import { deleteClause, deleteItem, facets, parseTags, savedState } from '@/lib/library/queries';
import { clausesOfHost } from '@/lib/library/meetingRows';
import { searchClauses, searchItems } from '@/lib/library/search';
import { saveSelection } from '@/lib/library/save';
import { SavedClauseSchema, SavedItemSchema, SavedMeetingSchema } from '@/lib/library/schema';
import { annotate } from '../../support/annotate';
import { item, meeting } from '../../support/records';

let db: LibraryDb;
let n = 0;
beforeEach(async () => {
  db = new LibraryDb(`test-${++n}-${Date.now()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const HOST = 'www.southampton.gov.uk';
/** The panel's marks as `itemKey` and `itemKey#place on the page`. */
async function marks(record = meeting()) {
  const state = await savedState(db, record);
  const items = [...state.items.keys()].map((k) => parseItemKey(k).itemKey).sort();
  const clauses = [...state.clauses.keys()].map((k) => parseClauseKey(k)).map((r) => `${r.itemKey}#${r.clauseIndex}`).sort();
  return { meeting: state.meeting, items, clauses };
}

describe('saving', () => {
  it('saves a whole meeting: every item and clause, valid records', async () => {
    await saveSelection(db, meeting(), { scope: 'meeting' });
    expect(await db.meetings.count()).toBe(1);
    expect(await db.items.count()).toBe(3);
    expect(await db.clauses.count()).toBe(3);
    for (const m of await db.meetings.toArray()) SavedMeetingSchema.parse(m);
    for (const i of await db.items.toArray()) SavedItemSchema.parse(i);
    for (const c of await db.clauses.toArray()) SavedClauseSchema.parse(c);
    const state = await marks();
    expect(state.meeting?.whole).toBe(1);
    expect(state.items).toEqual(['15', '16', '18']);
    expect(state.clauses).toEqual(['15#0', '15#1', '16#0']);
  });

  it('is idempotent: saving again updates in place', async () => {
    await saveSelection(db, meeting(), { scope: 'meeting' });
    await saveSelection(db, meeting(), { scope: 'meeting' });
    expect([await db.meetings.count(), await db.items.count(), await db.clauses.count()]).toEqual([1, 3, 3]);
  });

  it('saves one clause with its item as context, not as a picked item', async () => {
    await saveSelection(db, meeting(), { scope: 'clause', itemKey: '15', clauseIndex: 1 });
    const state = await marks();
    expect(state.meeting?.whole).toBe(0);
    expect(state.items).toEqual([]);
    expect(state.clauses).toEqual(['15#1']);
    expect(await db.items.count()).toBe(1);
    expect(await searchItems(db, {})).toEqual({ rows: [], total: 0, next: null });
  });

  it('saves one item with all its clauses', async () => {
    await saveSelection(db, meeting(), { scope: 'item', itemKey: '15' });
    const state = await marks();
    expect(state.items).toEqual(['15']);
    expect(state.clauses).toEqual(['15#0', '15#1']);
  });

  it('keeps tags and notes when a changed page is saved again, and keeps, marked, a clause the page lost', async () => {
    await saveSelection(db, meeting(), { scope: 'meeting' });
    await annotate(db, [HOST, '7105', '15', 0], ['taxis'], 'licensing angle');
    await annotate(db, [HOST, '7105', '15'], ['cse'], 'compare with Worcestershire');
    const changed = meeting({
      items: [item('5', 'Child Sexual Exploitation in Southampton - Update', [['(i)', 'That the Licensing Committee consider CSE training for taxi drivers;']])],
    });
    expect(changed.contentHash).not.toBe(meeting().contentHash);
    await saveSelection(db, changed, { scope: 'saved' });
    const clause = await db.clauses.get([HOST, '7105', '15', 0]);
    expect(clause?.text).toBe('That the Licensing Committee consider CSE training for taxi drivers;');
    expect([clause?.tags, clause?.note]).toEqual([['taxis'], 'licensing angle']);
    expect((await db.items.get([HOST, '7105', '15']))?.tags).toEqual(['cse']);
    // Clause (ii) is no longer on the page: kept, after those the page has, and marked.
    expect(await db.clauses.get([HOST, '7105', '15', 1])).toMatchObject({ label: '(ii)', text: 'That officers explore opportunities to increase resources dedicated to analysing CSE data;', onPage: 0 });
    expect((await db.meetings.get([HOST, '7105']))?.contentHash).toBe(changed.contentHash);
  });

  it('"saved" refresh does nothing for a meeting not in the library', async () => {
    await saveSelection(db, meeting(), { scope: 'saved' });
    expect(await db.meetings.count()).toBe(0);
  });
});

describe('search and filters', () => {
  beforeEach(async () => {
    await saveSelection(db, meeting(), { scope: 'meeting' });
    await saveSelection(
      db,
      meeting({
        host: 'worcestershire.moderngov.co.uk',
        id: '2453',
        council: 'Worcestershire County Council',
        committee: 'Children and Families Overview and Scrutiny Panel',
        date: '2015-05-22',
        items: [item('5', 'Child Sexual Exploitation: Update', [[null, 'that the update be noted.']]), item('6', 'Missing Children and Young People: Update')],
      }),
      { scope: 'meeting' },
    );
  });

  it('finds a clause by a word in it, by prefix, all words required', async () => {
    expect((await searchClauses(db, { text: 'taxi' })).rows.map((c) => c.text)).toEqual([
      'That the Licensing Committee consider making CSE training a condition of receiving a taxi licence in Southampton;',
    ]);
    expect((await searchClauses(db, { text: 'licens taxi' })).rows.length).toBe(1);
    expect((await searchClauses(db, { text: 'taxi worcestershire' })).rows.length).toBe(0);
    expect((await searchClauses(db, { text: 'CSE' })).rows.map((c) => c.host)).toEqual([HOST, HOST]);
    // Page order: item 5's clauses, then item 6's.
    expect((await searchClauses(db, { host: HOST })).rows.map((c) => `${c.itemNumber} ${c.label}`)).toEqual(['5 (i)', '5 (ii)', '6 (i)']);
  });

  it('finds items across councils, newest first, and filters by council, committee, dates and tag', async () => {
    expect((await searchItems(db, { text: 'exploitation' })).rows.map((i) => i.date)).toEqual(['2016-11-03', '2015-05-22']);
    expect((await searchItems(db, { host: 'worcestershire.moderngov.co.uk' })).rows.map((i) => i.number)).toEqual(['5', '6']);
    expect((await searchItems(db, { committee: 'Children and Families Scrutiny Panel' })).rows.length).toBe(3);
    expect((await searchItems(db, { from: '2016-01-01' })).rows.length).toBe(3);
    expect((await searchItems(db, { to: '2015-12-31' })).rows.length).toBe(2);
    await annotate(db, ['worcestershire.moderngov.co.uk', '2453', '16'], ['missing'], '');
    expect((await searchItems(db, { tag: 'missing' })).rows.map((i) => i.title)).toEqual(['Missing Children and Young People: Update']);
    const f = await facets(db);
    expect(f.councils.map((c) => c.name)).toEqual(['Southampton City Council', 'Worcestershire County Council']);
    expect(f.tags).toEqual(['missing']);
  });

  it('deletes a clause, then an item; the meeting goes with its last item', async () => {
    await deleteClause(db, { host: HOST, meetingId: '7105', itemKey: '15', clauseIndex: 0 });
    expect(await db.clauses.get([HOST, '7105', '15', 0])).toBeUndefined();
    expect((await db.meetings.get([HOST, '7105']))?.whole).toBe(0);
    for (const key of ['15', '16', '18']) await deleteItem(db, { host: HOST, meetingId: '7105', itemKey: key });
    expect(await db.meetings.get([HOST, '7105'])).toBeUndefined();
    expect(await clausesOfHost(db, HOST).count()).toBe(0);
    // Nothing of it is left in the search index either.
    expect(await db.meetingIndex.get([HOST, '7105'])).toBeUndefined();
    expect((await searchClauses(db, { host: HOST })).rows).toEqual([]);
  });
});

describe('parseTags', () => {
  it('splits on commas and semicolons, trims, lower-cases, dedupes', () => {
    expect(parseTags(' CSE, taxis;cse ,, ')).toEqual(['cse', 'taxis']);
  });
});
