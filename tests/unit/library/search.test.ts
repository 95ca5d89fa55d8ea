import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LibraryDb } from '@/lib/library/db';
import { meetingOrderKey } from '@/lib/library/postings';
import { saveSelection } from '@/lib/library/save';
import { countClauses, countItems, searchClauses, searchItems } from '@/lib/library/search';
import { wordsOf } from '@/lib/library/words';
import { item, meeting } from '../../support/records';

let db: LibraryDb;
let n = 0;
beforeEach(async () => {
  db = new LibraryDb(`search-${++n}-${Date.now()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

/** Meeting `m` (dated m days into 2020) of two councils in turn: two items of two clauses, every clause about contacts. */
async function saveMeetings(count: number): Promise<void> {
  for (let m = 0; m < count; m++) {
    const day = String(m + 1).padStart(2, '0');
    await saveSelection(
      db,
      meeting({
        host: m % 2 === 0 ? 'a.example.gov.uk' : 'b.example.gov.uk',
        id: `${100 + m}`,
        date: `2020-01-${day}`,
        items: [
          item('1', `Contacts ${m}`, [
            ['(i)', `That the contact and contacts list be kept (meeting ${m}).`],
            ['(ii)', m === 3 ? 'That the report be deferred.' : 'That the report be noted.'],
          ]),
          item('2', 'Budget', [['(i)', 'That the budget be agreed.']]),
        ],
      }),
      { scope: 'meeting' },
    );
  }
}

const place = (c: { date: string; itemNumber: string | null; label: string | null }) => `${c.date} ${c.itemNumber} ${c.label}`;

describe('searchClauses, a page at a time', () => {
  it('gives the newest rows first, as many as asked, and the count of all', async () => {
    await saveMeetings(5);
    const all = await searchClauses(db, {});
    expect(all.total).toBe(15);
    expect(all.rows).toHaveLength(15);
    const page = await searchClauses(db, {}, { limit: 4 });
    // More follow: the page does not count them, countClauses does.
    expect(page.total).toBeNull();
    expect(await countClauses(db, {})).toBe(15);
    expect(page.rows.map(place)).toEqual(['2020-01-05 1 (i)', '2020-01-05 1 (ii)', '2020-01-05 2 (i)', '2020-01-04 1 (i)']);
    // The page is the head of the whole ordered result.
    expect(page.rows).toEqual(all.rows.slice(0, 4));
  });

  it('orders a page cut within one date by council and meeting, undated meetings last', async () => {
    const on = (host: string, id: string, date: string) =>
      saveSelection(db, meeting({ host, id, date, items: [item('1', 'Parks', [['(i)', 'That parks open.'], ['(ii)', 'That parks close.']])] }), { scope: 'meeting' });
    await on('b.example.gov.uk', '1', '2021-03-01');
    await on('a.example.gov.uk', '2', '2021-03-01');
    await on('a.example.gov.uk', '1', '2021-03-01');
    await on('a.example.gov.uk', '3', '');
    await on('c.example.gov.uk', '4', '2020-12-01');
    const who = (c: { host: string; meetingId: string; label: string | null }) => `${c.host[0]}${c.meetingId} ${c.label}`;
    const page = await searchClauses(db, {}, { limit: 3 });
    expect([await countClauses(db, {}), page.rows.map(who)]).toEqual([10, ['a1 (i)', 'a1 (ii)', 'a2 (i)']]);
    expect((await searchClauses(db, {}, { limit: 10 })).rows.map(who).slice(6)).toEqual(['c4 (i)', 'c4 (ii)', 'a3 (i)', 'a3 (ii)']);
    // The same order as the text search's, which sorts every match.
    expect((await searchClauses(db, { text: 'parks' }, { limit: 10 })).rows).toEqual((await searchClauses(db, {}, { limit: 10 })).rows);
  });

  it('counts a row once when several of its words begin with the term', async () => {
    await saveMeetings(3);
    // "contact" begins "contact" and "contacts" in each first clause, and "contacts" in its item title.
    const found = await searchClauses(db, { text: 'contact' }, { limit: 2 });
    expect(await countClauses(db, { text: 'contact' })).toBe(6);
    expect(found.rows.map(place)).toEqual(['2020-01-03 1 (i)', '2020-01-03 1 (ii)']);
    expect((await searchClauses(db, { text: 'contact' })).rows).toHaveLength(6);
  });

  it('needs every word, applies the filters to the words found, and pages what is left', async () => {
    await saveMeetings(6);
    expect((await searchClauses(db, { text: 'contacts kept' })).total).toBe(6);
    const inA = await searchClauses(db, { text: 'contacts kept', host: 'a.example.gov.uk' }, { limit: 2 });
    expect([await countClauses(db, { text: 'contacts kept', host: 'a.example.gov.uk' }), inA.rows.map((c) => `${c.host} ${c.date}`)]).toEqual([3, ['a.example.gov.uk 2020-01-05', 'a.example.gov.uk 2020-01-03']]);
    const dated = await searchClauses(db, { text: 'report', from: '2020-01-02', to: '2020-01-04' });
    expect(dated.rows.map((c) => c.date)).toEqual(['2020-01-04', '2020-01-03', '2020-01-02']);
    expect((await searchClauses(db, { text: 'report', outcome: 'deferred' })).rows.map(place)).toEqual(['2020-01-04 1 (ii)']);
    expect((await searchClauses(db, { outcome: 'noted', to: '2020-01-02' })).total).toBe(2);
  });

  it('leaves function words out of the index and out of the query', async () => {
    await saveMeetings(2);
    const postingsOf = (word: string) => db.postings.where(':id').between([word], [word, []]).count();
    expect(await postingsOf('the')).toBe(0);
    expect(await postingsOf('kept')).toBe(2);
    // "the" and "be" narrow nothing: the same rows as without them.
    expect((await searchClauses(db, { text: 'the budget be' })).total).toBe(2);
    expect((await searchClauses(db, { text: 'the' })).total).toBe(6);
  });

  it('still finds rows indexed before function words were left out', async () => {
    await saveMeetings(1);
    // A posting under "that", as a meeting indexed before then has.
    const orderKey = meetingOrderKey('2020-01-01', { host: 'a.example.gov.uk', meetingId: '100' });
    await db.postings.put({ c: [['12', 0]], i: [] }, ['that', orderKey]);
    expect((await searchClauses(db, { text: 'that budget' })).rows.map(place)).toEqual(['2020-01-01 2 (i)']);
  });
});

describe('searchItems, a page at a time', () => {
  it('pages the saved items, newest first, with the count of all', async () => {
    await saveMeetings(3);
    const page = await searchItems(db, { text: 'budget' }, { limit: 2 });
    expect([await countItems(db, { text: 'budget' }), page.rows.map((i) => `${i.date} ${i.number}`)]).toEqual([3, ['2020-01-03 2', '2020-01-02 2']]);
  });
});

describe('wordsOf', () => {
  it('keeps each word once, folds case and accents, drops one-letter and function words', () => {
    expect(wordsOf('That the Café be closed; a CAFE in the Park', null, 'park')).toEqual(['cafe', 'closed', 'park']);
  });
});
