import 'fake-indexeddb/auto';
import { liveQuery } from 'dexie';
import { afterEach, expect, it } from 'vitest';
import { LibraryDb } from '@/lib/library/db';
import { saveSelection } from '@/lib/library/save';
import { searchClauses } from '@/lib/library/search';
import { item, meeting } from '../../support/records';

let db: LibraryDb;
afterEach(async () => {
  db.close();
  await db.delete();
});

/** The library page watches its search with Dexie's liveQuery: the search must read in liveQuery's own async context, or a change goes unseen. */
it('a watched search sees a meeting saved into an empty library, and a word saved into a library that lacked it, alone and in a read transaction', async () => {
  db = new LibraryDb(`live-search-${Date.now()}`);
  await db.open();
  const seen: string[] = [];
  const watch = (name: string, read: () => Promise<{ rows: unknown[] }>) =>
    liveQuery(read).subscribe({ next: (page) => seen.push(`${name} ${page.rows.length}`), error: (e: unknown) => seen.push(`${name} failed: ${String(e)}`) });
  const subscriptions = [
    watch('all', () => searchClauses(db, {}, { limit: 200 })),
    watch('word', () => searchClauses(db, { text: 'zebra' }, { limit: 200 })),
    watch('two words', () => searchClauses(db, { text: 'zebra crossing' }, { limit: 200 })),
    watch('in a transaction', () => db.transaction('r', [db.meetingIndex, db.postings, db.items, db.clauses], () => searchClauses(db, { text: 'parks' }, { limit: 200 }))),
  ];
  await expect.poll(() => seen.length).toBe(4);
  await saveSelection(db, meeting({ id: '1', items: [item('1', 'Parks', [['(i)', 'That the parks open.']])] }), { scope: 'meeting' });
  await expect.poll(() => seen.filter((s) => s.endsWith(' 1')).sort()).toEqual(['all 1', 'in a transaction 1']);
  await saveSelection(db, meeting({ id: '2', date: '2017-01-01', items: [item('1', 'Zebra crossing', [['(i)', 'That a zebra crossing be built.']])] }), { scope: 'meeting' });
  await expect.poll(() => seen.filter((s) => s.startsWith('word')).at(-1)).toBe('word 1');
  await expect.poll(() => seen.filter((s) => s.startsWith('two words')).at(-1)).toBe('two words 1');
  expect(seen.filter((s) => s.includes('failed'))).toEqual([]);
  for (const s of subscriptions) s.unsubscribe();
});
