import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CompareLibrary } from '@/lib/compare/compareLibrary';
import { CHANGES_KEPT } from '@/lib/library/changes';
import { LibraryDb } from '@/lib/library/db';
import { itemKey, itemKeyOf, type ItemPage, type ItemKey } from '@/lib/library/identity';
import { meetingOfItemPage } from '@/lib/library/itemPage';
import { dexieLibrary, type LibraryService } from '@/lib/library/service';
import { extractPage } from '@/lib/moderngov/extract';
import type { MeetingRecord } from '@/lib/moderngov/schema';
import { memorySink } from '../../support/memorySink';
import { ownFixture } from '../../support/pages';
import { meetingOf, WORCESTERSHIRE } from './fixtures';

/**
 * The Compare view's copy kept from the changes only (changesSince → CompareLibrary.apply) against
 * a copy read afresh (everything → CompareLibrary.open), through the real service over
 * fake-indexeddb, after each kind of write: the items, their clauses and the groups are the same.
 * Pages: Council Tax Support of four councils (tests/fixtures/topics, `council-tax-support`: Darlington's
 * agenda-item page, Tameside's decision page, Medway's and Bath's meeting pages, with procedural
 * items), and Worcestershire's item 5 saved from its agenda-item page and then its meeting page.
 */
const topicPage = (file: string, url: string) => extractPage(ownFixture(`topics/${file}`), url);
function meetingPage(file: string, url: string): MeetingRecord {
  const record = topicPage(file, url);
  if (record.kind !== 'meeting') throw new Error(`${file} did not read as a meeting`);
  return record;
}
function itemPage(file: string, url: string): ItemPage {
  const record = file.startsWith('worcestershire') ? extractPage(ownFixture(file), url) : topicPage(file, url);
  if (record.kind !== 'item' && record.kind !== 'decision') throw new Error(`${file} did not read as an item page`);
  return record;
}
const MEDWAY = meetingPage('medway-meeting-2024-02-29.html', 'https://democracy.medway.gov.uk/ieListDocuments.aspx?CId=122&MId=6870');
const BATH = meetingPage('bathnes-meeting-2019-11-14.html', 'https://democracy.bathnes.gov.uk/ieListDocuments.aspx?CId=124&MId=5268');
const DARLINGTON = itemPage('darlington-item-2023-11-30.html', 'https://democracy.darlington.gov.uk/mgAi.aspx?ID=10486');
const TAMESIDE = itemPage('tameside-decision-2018-12-12.html', 'http://tameside.moderngov.co.uk/ieDecisionDetails.aspx?ID=229');
const WORCESTER_ITEM = itemPage('worcestershire-item-5-2015-05-22.html', 'https://worcestershire.moderngov.co.uk/mgAi.aspx?ID=9876');

let db: LibraryDb;
let library: LibraryService;
let n = 0;
beforeEach(async () => {
  db = new LibraryDb(`compare-library-${++n}-${Date.now()}`);
  await db.open();
  library = dexieLibrary(db, async () => ({ usage: 0, quota: 1e12 }));
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const saveItemPage = (page: ItemPage) => {
  const record = meetingOfItemPage(page);
  return library.save(record, { scope: 'item', itemKey: itemKeyOf(record.items[0] ?? page.item, 0) }, { from: page.kind });
};

/** What the view shows of its copy: every item and its clauses by key, and the groups' members. */
function shown(live: CompareLibrary) {
  const keys = [...live.items.keys()].sort();
  return {
    items: keys.map((key) => live.items.get(key)),
    clauses: keys.map((key) => live.clausesOfItem(key)),
    groups: live.groups
      .groups()
      .map((g) => g.members.flatMap((m) => live.groups.copiesOf(m.id)).sort())
      .sort(),
  };
}

/** Brings the kept copy up to date from the changes, and checks it against a fresh read. */
async function keptEqualsFresh(live: CompareLibrary): Promise<CompareLibrary> {
  const changes = await library.changesSince(live.stamp);
  const kept = live.apply(changes);
  const fresh = CompareLibrary.open(await library.everything());
  expect(kept.stamp).toBe(fresh.stamp);
  expect(shown(kept)).toEqual(shown(fresh));
  return kept;
}

const groupOf = (live: CompareLibrary, key: string) => shown(live).groups.find((g) => g.includes(key)) ?? [];

describe('the Compare view kept current from the changes only', () => {
  it('after saves, re-saves, item-page saves, annotations, deleting a clause and an item, and a restore, equals the library read afresh', async () => {
    await library.save(MEDWAY, { scope: 'meeting' });
    let live = CompareLibrary.open(await library.everything());
    expect(live.items.size).toBe(4);
    const medwayCts = itemKey({ host: 'democracy.medway.gov.uk', meetingId: '6870', itemKey: MEDWAY.items.find((i) => i.title.startsWith('Council Tax'))?.id ?? '' });
    expect(live.items.has(medwayCts)).toBe(true);

    // Nothing written: nothing changes, the stamp stays.
    const stamp = live.stamp;
    const none = await library.changesSince(stamp);
    expect(none).toEqual({ stamp, items: [], clauses: [], goneItemKeys: [], goneClauseKeys: [] });

    // An agenda-item page and a decision page saved: both join Medway's item in one group.
    await saveItemPage(DARLINGTON);
    live = await keptEqualsFresh(live);
    await saveItemPage(TAMESIDE);
    const changes = await library.changesSince(live.stamp);
    // Only the decision page's one item was read.
    expect(changes.items.map((i) => i.title)).toEqual(['Council Tax Support Scheme']);
    live = live.apply(changes);
    live = await keptEqualsFresh(live);
    expect(groupOf(live, medwayCts)).toHaveLength(3);

    // A meeting page saved; then saved again (a re-save writes the same items again).
    await library.save(BATH, { scope: 'meeting' });
    live = await keptEqualsFresh(live);
    expect(groupOf(live, medwayCts)).toHaveLength(4);
    const written = memorySink();
    await library.backUp(written);
    const backup = written.chunks.join('');
    await library.save(BATH, { scope: 'meeting' });
    live = await keptEqualsFresh(live);

    // An agenda-item page, then its meeting page: one item, kept whole.
    await saveItemPage(WORCESTER_ITEM);
    live = await keptEqualsFresh(live);
    await library.save(meetingOf(WORCESTERSHIRE), { scope: 'meeting' });
    live = await keptEqualsFresh(live);

    // Tags and notes: the item and the clause carry them in the view's copy; the groups do not move.
    const bathCts = [...live.items.values()].find((i) => i.host === 'democracy.bathnes.gov.uk' && /COUNCIL TAX/.test(i.title));
    if (!bathCts) throw new Error('Bath’s council tax item is not in the library');
    const before = shown(live).groups;
    await library.annotateItem(bathCts, { tags: ['cts'], note: 'compare with Medway' });
    live = await keptEqualsFresh(live);
    expect(live.items.get(itemKey(bathCts))?.note).toBe('compare with Medway');
    const clause = live.clausesOfItem(medwayCts)[0];
    if (!clause) throw new Error('Medway’s council tax item has no clause');
    await library.annotateClause(clause, clause, { tags: ['minimum payment'], note: 'check the figure' });
    live = await keptEqualsFresh(live);
    expect(live.clausesOfItem(medwayCts)[0]?.note).toBe('check the figure');
    expect(shown(live).groups).toEqual(before);

    // A clause deleted: gone from the copy, and its words from its item's doc.
    const clauses = live.clausesOfItem(medwayCts).length;
    await library.deleteClause(clause);
    live = await keptEqualsFresh(live);
    expect(live.clausesOfItem(medwayCts)).toHaveLength(clauses - 1);
    expect(live.groups.index.get(medwayCts)?.clauses).toEqual(live.clausesOfItem(medwayCts).map((c) => c.text));

    // An item deleted: gone from the copy and from its group.
    await library.deleteItem(bathCts);
    live = await keptEqualsFresh(live);
    expect(live.items.has(itemKey(bathCts))).toBe(false);
    expect(groupOf(live, medwayCts)).not.toContain(itemKey(bathCts));

    // A restore rewrites in bulk: the changes say `all` and the copy is read and grouped afresh.
    await library.restore(new Blob([backup]));
    const restored = await library.changesSince(live.stamp);
    expect(restored.all).toBe(true);
    live = await keptEqualsFresh(live);
    expect(live.items.has(itemKey(bathCts))).toBe(true);
  });

  it('keeps the record of changes bounded; a reader that fell behind reads everything again', async () => {
    await library.save(MEDWAY, { scope: 'meeting' });
    // One row for the save, listing each of the meeting's 4 items once (not once a clause).
    expect((await db.changes.toArray()).map((row) => row.items.length)).toEqual([4]);
    const live = CompareLibrary.open(await library.everything());
    const item = [...live.items.values()][0];
    if (!item) throw new Error('nothing saved');
    for (let i = 0; i <= CHANGES_KEPT; i++) await library.annotateItem(item, { tags: [], note: `note ${i}` });
    expect(await db.changes.count()).toBe(CHANGES_KEPT);
    const changes = await library.changesSince(live.stamp);
    expect(changes.all).toBe(true);
    expect(changes.stamp).toBe(await library.lastChange());
    const kept = live.apply(changes);
    expect(kept.items.get(itemKey(item) as ItemKey)?.note).toBe(`note ${CHANGES_KEPT}`);
  });

  it('wakes a watcher of the last change on every write of items or clauses, and only then', async () => {
    const seen: number[] = [];
    const stop = library.watch(
      () => library.lastChange(),
      (stamp) => seen.push(stamp),
      (error) => {
        throw error;
      },
    );
    await expect.poll(() => seen).toEqual([0]);
    await library.save(MEDWAY, { scope: 'meeting' });
    await expect.poll(() => seen).toEqual([0, 1]);
    const [first] = (await library.everything()).items;
    await library.deleteItem(first!);
    await expect.poll(() => seen).toEqual([0, 1, 2]);
    stop();
  });
});
