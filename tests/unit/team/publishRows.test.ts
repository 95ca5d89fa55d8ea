import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LibraryDb } from '@/lib/library/db';
import { clauseKey, itemKey } from '@/lib/library/identity';
import { saveSelection } from '@/lib/library/save';
import { notesInScope } from '@/lib/team/publishRows';
import { PublishRowSchema, type PublishRow } from '@/lib/team/schema';
import { annotate } from '../../support/annotate';
import { publishRows } from '../../support/publishRows';
import { item, meeting } from '../../support/records';

let db: LibraryDb;
let n = 0;
const SOTON = 'www.southampton.gov.uk';
const LEEDS = 'democracy.leeds.gov.uk';
beforeEach(async () => {
  db = new LibraryDb(`publish-${++n}-${Date.now()}`);
  await db.open();
  await saveSelection(db, meeting(), { scope: 'meeting' });
  await saveSelection(db, meeting({ id: '7200', date: '2016-12-01' }), { scope: 'meeting' });
  await saveSelection(db, meeting({ host: LEEDS, council: 'Leeds City Council', committee: 'Executive Board', items: [item('3', 'Budget', [['(a)', 'That the budget be approved.']])] }), { scope: 'meeting' });
  await annotate(db, [SOTON, '7105', '15', 0], ['taxis'], 'shared thought');
  await annotate(db, [SOTON, '7105', '16'], [], 'private thought');
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const summary = (rows: PublishRow[]) =>
  rows.map((r) => (r.kind === 'annotation' ? `annotation ${r.note} ${r.shared ? 'shared' : 'private'}` : r.kind === 'council' || r.kind === 'committee' ? `${r.kind} ${r.record.host}` : `${r.kind} ${r.record.host} ${r.record.meetingId}`));

describe('what is published', () => {
  it('a meeting: its council, committee, meeting, items and clauses, then its notes, private unless chosen', async () => {
    const shared = clauseKey({ host: SOTON, meetingId: '7105', itemKey: '15', clauseIndex: 0 });
    const rows = await publishRows(db, { kind: 'meeting', meeting: { host: SOTON, meetingId: '7105' } }, (target) => target === shared);
    for (const row of rows) PublishRowSchema.parse(row);
    expect(summary(rows)).toEqual([
      `council ${SOTON}`,
      `committee ${SOTON}`,
      `meeting ${SOTON} 7105`,
      ...['item', 'item', 'item', 'clause', 'clause', 'clause'].map((k) => `${k} ${SOTON} 7105`),
      'annotation private thought private',
      'annotation shared thought shared',
    ]);
    expect(rows.filter((r) => r.kind === 'annotation')).toEqual([
      { kind: 'annotation', target: itemKey({ host: SOTON, meetingId: '7105', itemKey: '16' }), targetKind: 'item', note: 'private thought', tags: [], shared: false },
      { kind: 'annotation', target: shared, targetKind: 'clause', note: 'shared thought', tags: ['taxis'], shared: true },
    ]);
  });

  it('records go without the researcher’s words: no note, tags or search words', async () => {
    const rows = (await publishRows(db, { kind: 'library' }, () => true)).filter((r) => r.kind === 'item' || r.kind === 'clause');
    expect(rows).toHaveLength(14); // 6 + 6 of the two Southampton meetings, 2 of Leeds
    expect(rows.flatMap((r) => Object.keys(r.record).filter((k) => ['note', 'tags', 'words'].includes(k)))).toEqual([]);
  });

  it('the whole library, one council, and ticked rows with what holds them', async () => {
    expect(summary(await publishRows(db, { kind: 'library' }, () => false)).filter((s) => s.startsWith('meeting'))).toEqual([
      `meeting ${LEEDS} 7105`,
      `meeting ${SOTON} 7105`,
      `meeting ${SOTON} 7200`,
    ]);
    expect(summary(await publishRows(db, { kind: 'council', host: LEEDS }, () => false))).toEqual([
      `council ${LEEDS}`,
      `committee ${LEEDS}`,
      `meeting ${LEEDS} 7105`,
      `item ${LEEDS} 7105`,
      `clause ${LEEDS} 7105`,
    ]);
    // A ticked clause brings its item (its context), meeting, committee and council; a ticked item comes alone.
    const picked = await publishRows(db, { kind: 'selection', items: [{ host: SOTON, meetingId: '7200', itemKey: '18' }], clauses: [{ host: SOTON, meetingId: '7105', itemKey: '16', clauseIndex: 0 }] }, () => false);
    expect(summary(picked)).toEqual([`council ${SOTON}`, `committee ${SOTON}`, `meeting ${SOTON} 7200`, `meeting ${SOTON} 7105`, `item ${SOTON} 7200`, `item ${SOTON} 7105`, `clause ${SOTON} 7105`, 'annotation private thought private']);
  });

  it('lists the notes in a scope for the researcher to share or not', async () => {
    expect(await notesInScope(db, { kind: 'council', host: SOTON })).toEqual([
      { target: itemKey({ host: SOTON, meetingId: '7105', itemKey: '16' }), targetKind: 'item', what: 'Item 6, Children and Families Scrutiny Panel 2016-11-03', note: 'private thought', tags: [] },
      {
        target: clauseKey({ host: SOTON, meetingId: '7105', itemKey: '15', clauseIndex: 0 }),
        targetKind: 'clause',
        what: 'Clause (i) of item 5, Children and Families Scrutiny Panel 2016-11-03',
        note: 'shared thought',
        tags: ['taxis'],
      },
    ]);
  });

  it('lists the same notes for the whole library, a meeting and ticked rows: exactly the annotated items and clauses', async () => {
    const onItem = { target: itemKey({ host: SOTON, meetingId: '7105', itemKey: '16' }), note: 'private thought', tags: [] };
    const onClause = { target: clauseKey({ host: SOTON, meetingId: '7105', itemKey: '15', clauseIndex: 0 }), note: 'shared thought', tags: ['taxis'] };
    const listed = async (scope: Parameters<typeof notesInScope>[1]) => (await notesInScope(db, scope)).map(({ target, note, tags }) => ({ target, note, tags }));
    expect(await listed({ kind: 'library' })).toEqual([onItem, onClause]);
    expect(await listed({ kind: 'council', host: LEEDS })).toEqual([]);
    expect(await listed({ kind: 'meeting', meeting: { host: SOTON, meetingId: '7105' } })).toEqual([onItem, onClause]);
    expect(await listed({ kind: 'meeting', meeting: { host: SOTON, meetingId: '7200' } })).toEqual([]);
    // A ticked clause brings its item, and the item's note with it.
    expect(await listed({ kind: 'selection', items: [], clauses: [{ host: SOTON, meetingId: '7105', itemKey: '16', clauseIndex: 0 }] })).toEqual([onItem]);
    expect(await listed({ kind: 'selection', items: [{ host: SOTON, meetingId: '7105', itemKey: '15' }], clauses: [{ host: SOTON, meetingId: '7105', itemKey: '15', clauseIndex: 0 }] })).toEqual([onClause]);
    expect(await listed({ kind: 'selection', items: [{ host: SOTON, meetingId: '7200', itemKey: '18' }], clauses: [] })).toEqual([]);
  });
});
