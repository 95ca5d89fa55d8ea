import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LibraryDb } from '@/lib/library/db';
import { clauseKey, parseClauseKey } from '@/lib/library/identity';
import { annotateClause, annotateItem, deleteClause, deleteItem, NotInLibraryError, savedState } from '@/lib/library/queries';
import { previewUpdate, saveSelection } from '@/lib/library/save';
import type { Item } from '@/lib/moderngov/schema';
import { annotate } from '../../support/annotate';
import { item, meeting } from '../../support/records';

let db: LibraryDb;
let n = 0;
beforeEach(async () => {
  db = new LibraryDb(`keep-${++n}-${Date.now()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const HOST = 'www.southampton.gov.uk';
const CSE_I = 'That the Licensing Committee consider making CSE training a condition of receiving a taxi licence in Southampton;';
const CSE_II = 'That officers explore opportunities to increase resources dedicated to analysing CSE data;';
const item5 = (clauses: [string | null, string][], extra: Partial<Item> = {}) => item('5', 'Child Sexual Exploitation in Southampton - Update', clauses, extra);
const item6 = (title = 'Elective Home Education and Safeguarding Arrangements') => item('6', title, [['(i)', 'That the Panel were provided with information on EHE;']]);
/** Item 5 as the meeting page shows it when its full minutes could not be fetched: cut, no clauses. */
const cut5 = () =>
  item5([], { minutes: 'The Panel considered the report… view the full minutes text for item 5', minutesTruncated: true, fullMinutesUrl: `https://${HOST}/modernGov/mgAi.aspx?ID=15` });

async function clausesOf(itemKey: string) {
  return (await db.clauses.where('[host+meetingId+itemKey]').equals([HOST, '7105', itemKey]).toArray()).map((c) => ({ label: c.label, text: c.text, note: c.note, tags: c.tags, onPage: c.onPage }));
}

describe('cut-short minutes never replace a complete saved copy (finding 1)', () => {
  async function savedComplete() {
    await saveSelection(db, meeting({ items: [item5([['(i)', CSE_I], ['(ii)', CSE_II]]), item6()] }), { scope: 'meeting' });
    await annotate(db, [HOST, '7105', '15', 0], ['taxis'], 'licensing angle');
    await annotate(db, [HOST, '7105', '15'], ['cse'], 'item note');
    return { item: await db.items.get([HOST, '7105', '15']), clauses: await clausesOf('15') };
  }
  const cutPage = (title6?: string) => meeting({ items: [cut5(), item6(title6)] });

  it.each([
    ['"Save item" of another item', { scope: 'item', itemKey: '16' }, {}],
    ['"Save meeting"', { scope: 'meeting' }, {}],
    ['"Update saved copy"', { scope: 'saved' }, {}],
    ['a batch re-read', { scope: 'meeting' }, { respectDeletions: true }],
    ['even when cut text is chosen', { scope: 'meeting' }, { includeCut: true }],
  ] as const)('%s keeps item 5 complete, with its clauses, tags and notes', async (_how, selection, options) => {
    const before = await savedComplete();
    const report = await saveSelection(db, cutPage('Elective Home Education: an update'), selection, new Date(), options);
    expect(await db.items.get([HOST, '7105', '15'])).toEqual(before.item);
    expect(await clausesOf('15')).toEqual(before.clauses);
    expect(before.clauses[0]).toMatchObject({ note: 'licensing angle', tags: ['taxis'] });
    if (selection.scope !== 'item') expect(report.keptComplete).toEqual(['item 5']);
    // Item 6 is written as the page has it now.
    expect((await db.items.get([HOST, '7105', '16']))?.title).toBe('Elective Home Education: an update');
  });

  it('leaves out cut items not yet saved unless the cut text is chosen, and then marks them cut', async () => {
    const page = meeting({ items: [cut5(), item6()] });
    const report = await saveSelection(db, page, { scope: 'meeting' });
    expect(report.leftOutCut).toEqual(['item 5']);
    expect(await db.items.get([HOST, '7105', '15'])).toBeUndefined();
    // Not whole: a later run (or the panel) may still save item 5 complete.
    expect((await db.meetings.get([HOST, '7105']))?.whole).toBe(0);
    await saveSelection(db, page, { scope: 'item', itemKey: '15' }, new Date(), { includeCut: true });
    expect((await db.items.get([HOST, '7105', '15']))?.minutesTruncated).toBe(1);
  });
});

describe('only what was picked is written', () => {
  it('"Save item" writes that item only: items saved before keep their text, the meeting its hash', async () => {
    const first = meeting({ items: [item5([['(i)', CSE_I]]), item6()] });
    await saveSelection(db, first, { scope: 'item', itemKey: '15' });
    const edited = meeting({ items: [item5([['(i)', 'A corrected clause;']]), item6()] });
    await saveSelection(db, edited, { scope: 'item', itemKey: '16' });
    expect((await clausesOf('15')).map((c) => c.text)).toEqual([CSE_I]);
    expect((await db.meetings.get([HOST, '7105']))?.contentHash).toBe(first.contentHash);
    expect(await db.items.get([HOST, '7105', '16'])).toBeDefined();
  });
});

describe('tags and notes follow their clause by label and text (finding 2)', () => {
  it('a clause inserted above moves the note with its clause, in the save and in the panel marks; a clause gone is kept and marked', async () => {
    await saveSelection(db, meeting({ items: [item5([['(i)', CSE_I], ['(ii)', CSE_II], ['(iii)', 'That the report be noted.']])] }), { scope: 'meeting' });
    await annotate(db, [HOST, '7105', '15', 0], ['taxis'], 'on the taxi clause');
    await annotate(db, [HOST, '7105', '15', 2], [], 'on the noted clause');
    // The council inserts a clause first (renumbering the rest) and drops "noted".
    const edited = meeting({ items: [item5([['(i)', 'That a new clause comes first;'], ['(ii)', CSE_I], ['(iii)', CSE_II]])] });

    const marks = await savedState(db, edited);
    const noted = [...marks.clauses].map(([key, mark]) => [parseClauseKey(key).clauseIndex, mark.note]);
    expect(noted).toEqual([
      [1, 'on the taxi clause'],
      [2, ''],
    ]);

    const preview = await previewUpdate(db, edited);
    expect(preview).toEqual({
      added: ['clause (i) of item 5'],
      // Item 5's minutes hold its clauses: they changed too.
      changed: ['item 5', 'clause (ii) of item 5 (was (i))', 'clause (iii) of item 5 (was (ii))'],
      gone: ['clause (iii) of item 5 (kept, with its tags and note)'],
      annotationsKept: ['clause (ii) of item 5 (they follow the clause from place 1 to 2)'],
      keptComplete: [],
      leftOutCut: [],
      skippedDeleted: [],
      keptFuller: [],
    });
    // The preview wrote nothing.
    expect((await clausesOf('15')).map((c) => c.label)).toEqual(['(i)', '(ii)', '(iii)']);

    await saveSelection(db, edited, { scope: 'saved' });
    expect(await clausesOf('15')).toEqual([
      { label: '(i)', text: 'That a new clause comes first;', note: '', tags: [], onPage: 1 },
      { label: '(ii)', text: CSE_I, note: 'on the taxi clause', tags: ['taxis'], onPage: 1 },
      { label: '(iii)', text: CSE_II, note: '', tags: [], onPage: 1 },
      { label: '(iii)', text: 'That the report be noted.', note: 'on the noted clause', tags: [], onPage: 0 },
    ]);
  });

  it('an edited clause keeps its note by its label', async () => {
    await saveSelection(db, meeting({ items: [item5([['(i)', CSE_I]])] }), { scope: 'meeting' });
    await annotate(db, [HOST, '7105', '15', 0], [], 'keep me');
    await saveSelection(db, meeting({ items: [item5([['(i)', 'That the Licensing Committee consider CSE training for drivers;']])] }), { scope: 'saved' });
    expect(await clausesOf('15')).toEqual([{ label: '(i)', text: 'That the Licensing Committee consider CSE training for drivers;', note: 'keep me', tags: [], onPage: 1 }]);
  });
});

describe('an edit to a deleted record says so (finding 3)', () => {
  it('annotating an item or clause no longer in the library throws NotInLibraryError and writes nothing', async () => {
    await saveSelection(db, meeting(), { scope: 'meeting' });
    const ref = { host: HOST, meetingId: '7105', itemKey: '15' };
    await deleteItem(db, ref);
    await expect(annotateItem(db, ref, { tags: ['x'], note: 'lost?' }, 'Item 5')).rejects.toThrow(
      'Item 5 is no longer in the library (deleted, perhaps in another tab), so the tags and note were not saved.',
    );
    await expect(annotateClause(db, { ...ref, clauseIndex: 0 }, { label: '(i)', text: CSE_I }, { tags: [], note: 'x' })).rejects.toBeInstanceOf(NotInLibraryError);
    expect(await db.items.count()).toBe(2);
  });

  it('annotating a clause an update has moved finds it by its label and text', async () => {
    await saveSelection(db, meeting({ items: [item5([['(i)', CSE_I]])] }), { scope: 'meeting' });
    await saveSelection(db, meeting({ items: [item5([['(i)', 'Inserted;'], ['(i)', CSE_I]])] }), { scope: 'saved' });
    // The panel still shows the page as it was: clause (i) at place 0.
    await annotateClause(db, { host: HOST, meetingId: '7105', itemKey: '15', clauseIndex: 0 }, { label: '(i)', text: CSE_I }, { tags: ['t'], note: 'right clause' });
    expect((await clausesOf('15')).map((c) => [c.text, c.note])).toEqual([
      ['Inserted;', ''],
      [CSE_I, 'right clause'],
    ]);
  });
});

describe('deletions are remembered (finding 4)', () => {
  it('a batch save and an update leave deleted items and clauses out; a deliberate save brings them back', async () => {
    const page = meeting();
    await saveSelection(db, page, { scope: 'meeting' });
    await deleteItem(db, { host: HOST, meetingId: '7105', itemKey: '16' });
    await deleteClause(db, { host: HOST, meetingId: '7105', itemKey: '15', clauseIndex: 1 });

    const batch = await saveSelection(db, page, { scope: 'meeting' }, new Date(), { respectDeletions: true });
    expect(batch.skippedDeleted).toEqual(['clause (ii) of item 5', 'item 6']);
    expect(await db.items.get([HOST, '7105', '16'])).toBeUndefined();
    expect((await clausesOf('15')).map((c) => c.label)).toEqual(['(i)']);
    const update = await saveSelection(db, page, { scope: 'saved' });
    expect(update.skippedDeleted).toEqual(['clause (ii) of item 5', 'item 6']);

    await saveSelection(db, page, { scope: 'item', itemKey: '16' });
    expect(await db.items.get([HOST, '7105', '16'])).toBeDefined();
    expect(await db.deletions.count()).toBe(1);
    await saveSelection(db, page, { scope: 'clause', itemKey: '15', clauseIndex: 1 });
    expect((await clausesOf('15')).map((c) => c.label)).toEqual(['(i)', '(ii)']);
    expect(await db.deletions.count()).toBe(0);
  });

  it('a meeting whose every item was deleted is not re-created by a batch save', async () => {
    const page = meeting({ items: [item6()] });
    await saveSelection(db, page, { scope: 'meeting' });
    await deleteItem(db, { host: HOST, meetingId: '7105', itemKey: '16' });
    expect(await db.meetings.count()).toBe(0);
    await saveSelection(db, page, { scope: 'meeting' }, new Date(), { respectDeletions: true });
    expect([await db.meetings.count(), await db.items.count()]).toEqual([0, 0]);
  });
});

describe('identity keys', () => {
  it('formats and parses back, whatever a URL-keyed meeting holds', () => {
    const ref = { host: HOST, meetingId: 'url:https://x.gov.uk/a|b"c', itemKey: 'n:5', clauseIndex: 3 };
    expect(parseClauseKey(clauseKey(ref))).toEqual(ref);
    expect(() => parseClauseKey('["a","b"]')).toThrow('Not a clause key');
  });
});
