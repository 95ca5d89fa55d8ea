import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { LibraryDb } from '@/lib/library/db';
import { clauseWords, itemWords } from '@/lib/library/derived';
import { saveSelection } from '@/lib/library/save';
import { planSave } from '@/lib/library/savePlan';
import { searchClauses, searchItems } from '@/lib/library/search';
import { SavedClauseSchema, SavedItemSchema, SavedMeetingSchema, type SavedClause, type SavedItem } from '@/lib/library/schema';
import { LIBRARY_VERSION, type UpgradeProgress } from '@/lib/library/versions';
import { meeting } from '../../support/records';

/** Version 1 of the library, as the version 1 code declared it. */
function openVersion1(name: string): Dexie {
  const v1 = new Dexie(name);
  v1.version(1).stores({
    councils: 'host',
    committees: '[host+committeeId], host',
    meetings: '[host+meetingId], host, date, [host+committeeId]',
    items: '[host+meetingId+itemKey], [host+meetingId], host, committeeName, date, *tags, *words',
    clauses: '[host+meetingId+itemKey+clauseIndex], [host+meetingId], [host+meetingId+itemKey], host, committeeName, date, *tags, *words',
  });
  return v1;
}

/** A clause as version 1 stored it: no outcome, no votes. */
function v1Clause(clauseIndex: number, text: string, keyword = 'RESOLVED') {
  return {
    host: 'www.southampton.gov.uk',
    meetingId: '7105',
    itemKey: '12841',
    councilName: 'Southampton City Council',
    committeeName: 'Children and Families Scrutiny Panel',
    date: '2016-11-03',
    tags: ['cse'],
    note: 'kept',
    words: ['taxi'],
    savedAt: '2026-11-01T10:00:00.000Z',
    clauseIndex,
    itemOrder: 0,
    itemNumber: '5',
    itemTitle: 'Child Sexual Exploitation in Southampton - Update',
    label: `(${'i'.repeat(clauseIndex + 1)})`,
    text,
    keyword,
  };
}

/** An item as version 1 stored it: no procedural flag. */
function v1Item(itemKey: string, number: string, title: string) {
  return {
    host: 'www.southampton.gov.uk',
    meetingId: '7105',
    itemKey,
    councilName: 'Southampton City Council',
    committeeName: 'Children and Families Scrutiny Panel',
    date: '2016-11-03',
    tags: [],
    note: '',
    words: [],
    savedAt: '2026-11-01T10:00:00.000Z',
    order: Number(number),
    number,
    id: itemKey,
    title,
    description: '',
    documents: [],
    minutes: '',
    decision: '',
    notedPoints: [],
    minutesTruncated: 0,
    fullMinutesUrl: null,
    picked: 1,
  };
}

describe('library upgrade from version 1 to the current version', () => {
  it('keeps every record; gives each clause its outcome, votes and the outcome index (v2), its section and exempt mark, and each item its procedural mark (v3)', async () => {
    const name = `upgrade-${Date.now()}`;
    const v1 = openVersion1(name);
    await v1.open();
    const clauses = [
      v1Clause(0, 'That the Licensing Committee consider making CSE training a condition of receiving a taxi licence in Southampton;'),
      v1Clause(1, 'that the update be noted.'),
      v1Clause(2, 'That the motion be carried.\n(For 24, Against 5, Abstentions 2)'),
      v1Clause(3, 'The resolution is set out in a minute exempt from publication.', 'Decision'),
    ];
    await v1.table('clauses').bulkPut(clauses);
    const items = [v1Item('12840', '1', 'Apologies for Absence'), v1Item('12841', '5', 'Child Sexual Exploitation in Southampton - Update')];
    await v1.table('items').bulkPut(items);
    await v1.table('councils').put({ host: 'www.southampton.gov.uk', name: 'Southampton City Council' });
    v1.close();

    const db = new LibraryDb(name);
    await db.open();
    expect(db.verno).toBe(LIBRARY_VERSION);
    expect(await db.councils.toArray()).toEqual([{ host: 'www.southampton.gov.uk', name: 'Southampton City Council' }]);
    const upgraded = await db.clauses.toArray();
    expect(upgraded).toHaveLength(4);
    for (const clause of upgraded) SavedClauseSchema.parse(clause);
    expect(upgraded.map((c) => [c.outcome, c.votes, c.section, c.exempt])).toEqual([
      ['resolved', null, 'minutes', false],
      ['noted', null, 'minutes', false],
      ['resolved', { for: 24, against: 5, abstentions: 2 }, 'minutes', false],
      ['resolved', null, 'decision', true],
    ]);
    // Nothing else about the clauses changed but what version 3 derives (on the page) and their words, no longer stored (v9).
    expect(upgraded.map(({ outcome: _o, votes: _v, section: _s, exempt: _e, onPage: _p, ...rest }) => rest)).toEqual(clauses.map(({ words: _w, ...rest }) => rest));
    expect(upgraded.map((c) => c.onPage)).toEqual([1, 1, 1, 1]);
    const upgradedItems = await db.items.toArray();
    for (const item of upgradedItems) SavedItemSchema.parse(item);
    expect(upgradedItems.map((i) => [i.title, i.procedural, i.onPage])).toEqual([
      ['Apologies for Absence', true, 1],
      ['Child Sexual Exploitation in Southampton - Update', false, 1],
    ]);
    expect(upgradedItems.map(({ procedural: _p, onPage: _o, source: _s, ...rest }) => rest)).toEqual(items.map(({ words: _w, ...rest }) => rest));
    // Version 4: every item saved before came from a meeting page.
    expect(upgradedItems.map((i) => i.source)).toEqual(['meeting', 'meeting']);
    // Version 7 dropped the outcome index (search tests the outcome on the rows): the noted clause is found by it.
    expect((await searchClauses(db, { outcome: 'noted' })).rows.map((c) => c.text)).toEqual(['that the update be noted.']);
    db.close();
    await db.delete();
  });
});

/** Version 2 of the library, as the version 2 code declared it. */
function openVersion2(name: string): Dexie {
  const v2 = openVersion1(name);
  v2.version(2).stores({
    clauses: '[host+meetingId+itemKey+clauseIndex], [host+meetingId], [host+meetingId+itemKey], host, committeeName, date, outcome, *tags, *words',
  });
  return v2;
}

/** An item as version 2 stored it. */
function v2Item(itemKey: string, title: string) {
  return {
    host: 'www.southampton.gov.uk',
    meetingId: '7105',
    itemKey,
    councilName: 'Southampton City Council',
    committeeName: 'Children and Families Scrutiny Panel',
    date: '2016-11-03',
    tags: ['cse'],
    note: 'my note',
    words: ['stale'],
    savedAt: '2026-11-01T10:00:00.000Z',
    order: 0,
    number: '5',
    id: itemKey,
    title,
    description: '',
    documents: [],
    minutes: 'The Panel noted the report.',
    decision: '',
    notedPoints: [],
    minutesTruncated: 0,
    fullMinutesUrl: null,
    picked: 1,
  };
}

describe('library upgrade from version 2 to 3', () => {
  it('marks every item and clause as on the page, checks each with its schema, derives words again, adds deletions, and keeps a record it cannot validate', async () => {
    const name = `upgrade-v2-${Date.now()}`;
    const v2 = openVersion2(name);
    await v2.open();
    const clause = { ...v1Clause(0, 'that the update be noted.'), outcome: 'resolved', votes: null, words: ['stale'] };
    const broken = { ...v2Item('12842', 'Broken'), title: 42 };
    await v2.table('items').bulkPut([v2Item('12841', 'Child Sexual Exploitation in Southampton - Update'), broken]);
    await v2.table('clauses').put(clause);
    v2.close();

    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const db = new LibraryDb(name);
    await db.open();
    expect(db.verno).toBe(LIBRARY_VERSION);
    const [item, kept] = await db.items.toArray();
    SavedItemSchema.parse(item);
    expect(item).toMatchObject({ onPage: 1, tags: ['cse'], note: 'my note', title: 'Child Sexual Exploitation in Southampton - Update' });
    // Its words are its text's (postings, v7), not the stale stored ones, which are dropped (v9).
    expect(item).not.toHaveProperty('words');
    expect((await searchItems(db, { text: 'exploitation panel noted' })).rows.map((i) => i.itemKey)).toEqual(['12841']);
    expect((await searchItems(db, { text: 'stale' })).rows).toEqual([]);
    // The record that does not validate is kept as it was, and the upgrade says so.
    expect(kept).toEqual(broken);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('item ["www.southampton.gov.uk","7105","12842"] kept as it was'));
    const [upgraded] = await db.clauses.toArray();
    SavedClauseSchema.parse(upgraded);
    // Outcome recomputed from the text: "be noted" is noted, whatever version 2 stored.
    expect(upgraded).toMatchObject({ onPage: 1, outcome: 'noted', tags: ['cse'], note: 'kept' });
    expect(upgraded).not.toHaveProperty('words');
    expect((await searchClauses(db, { text: 'update' })).rows.map((c) => c.label)).toEqual(['(i)']);
    expect(await db.deletions.count()).toBe(0);
    warn.mockRestore();
    db.close();
    await db.delete();
  });
});

/** A meeting row as versions 1 to 3 stored it: no `source`. */
function v3Meeting(meetingId: string) {
  return {
    host: 'www.southampton.gov.uk',
    meetingId,
    councilName: 'Southampton City Council',
    committeeId: '600',
    committeeName: 'Children and Families Scrutiny Panel',
    date: '2016-11-03',
    title: 'Agenda and minutes',
    time: '5.30 pm',
    venue: 'Conference Room 3 - Civic Centre',
    contact: null,
    status: null,
    url: `https://www.southampton.gov.uk/modernGov/ieListDocuments.aspx?CId=600&MId=${meetingId}&Ver=4`,
    documents: [],
    apologies: null,
    declarations: null,
    warnings: [],
    contentHash: 'abc',
    retrievedAt: '2026-11-01T10:00:00.000Z',
    whole: 1,
  };
}

describe('library upgrade from version 3 (through version 4)', () => {
  it('says every meeting and item was saved from a meeting page, checks each with its schema, and keeps a record it cannot validate', async () => {
    const name = `upgrade-v3-${Date.now()}`;
    const v3 = openVersion2(name);
    v3.version(3).stores({ deletions: 'key, [host+meetingId]' });
    await v3.open();
    const item = { ...v2Item('12841', 'Child Sexual Exploitation in Southampton - Update'), procedural: false, onPage: 1 };
    const broken = { ...v3Meeting('7106'), whole: 'yes' };
    await v3.table('meetings').bulkPut([v3Meeting('7105'), broken]);
    await v3.table('items').put(item);
    v3.close();

    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const db = new LibraryDb(name);
    await db.open();
    expect(db.verno).toBe(LIBRARY_VERSION);
    const [meeting, kept] = await db.meetings.toArray();
    expect(SavedMeetingSchema.parse(meeting)).toEqual({ ...v3Meeting('7105'), source: 'meeting' });
    expect(kept).toEqual(broken);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('meeting ["www.southampton.gov.uk","7106"] kept as it was'));
    const [upgraded] = await db.items.toArray();
    expect(upgraded).toEqual({ ...withoutWords(item), source: 'meeting' });
    warn.mockRestore();
    db.close();
    await db.delete();
  });
});

/** A record as versions 1 to 8 stored it: with the words derived from its text. */
const withStoredWords = <T extends SavedItem | SavedClause>(r: T): T & { words: string[] } => ({ ...r, words: 'clauseIndex' in r ? clauseWords(r) : itemWords(r) });
const withoutWords = ({ words: _w, ...rest }: Record<string, unknown>) => rest;

/** Version 6 of the library (the last before postings), every table as it declared them. */
function openVersion6(name: string): Dexie {
  const v6 = new Dexie(name);
  v6.version(6).stores({
    councils: 'host',
    committees: '[host+committeeId], host',
    meetings: '[host+meetingId], host, date, [host+committeeId]',
    items: '[host+meetingId+itemKey], [host+meetingId], host, committeeName, date, *tags, *words',
    clauses: '[host+meetingId+itemKey+clauseIndex], [host+meetingId], [host+meetingId+itemKey], host, committeeName, date, outcome, *tags, *words',
    deletions: 'key, [host+meetingId]',
    outbox: '[by+key], [by+state+seq]',
    teamRows: '[kind+key], [kind+host], kind',
    teamState: 'name',
  });
  return v6;
}

describe('library upgrade from version 6 to 7', () => {
  it('keeps every record as it was and builds the postings and meeting order a save builds; a record that does not validate is kept, out of the word index, and said so', async () => {
    // The same saves, written by version 6 (records as planned, stored plainly) and by the current code.
    const saves = [
      { record: meeting({ host: 'a.example.gov.uk', id: '1', date: '2021-03-01' }), selection: { scope: 'meeting' } as const },
      { record: meeting({ host: 'b.example.gov.uk', id: '2', date: '' }), selection: { scope: 'item', itemKey: '16' } as const },
      { record: meeting({ host: 'a.example.gov.uk', id: '3', date: '2019-01-01' }), selection: { scope: 'clause', itemKey: '15', clauseIndex: 1 } as const },
    ];
    const name = `upgrade-v6-${Date.now()}`;
    const v6 = openVersion6(name);
    await v6.open();
    const now = '2026-11-30T10:00:00.000Z';
    for (const { record, selection } of saves) {
      const plan = planSave(record, selection, {}, { meeting: undefined, items: [], clauses: [], deletions: [] }, now);
      await v6.table('meetings').put(plan.meeting);
      await v6.table('items').bulkPut(plan.items.map(withStoredWords));
      await v6.table('clauses').bulkPut(plan.clauses.map(withStoredWords));
    }
    const broken = { ...v1Clause(0, 'That the broken clause be kept.'), host: 'a.example.gov.uk', meetingId: '1', itemKey: 'x', text: 42 };
    await v6.table('clauses').put(broken);
    const before = { meetings: await v6.table('meetings').toArray(), items: await v6.table('items').toArray(), clauses: await v6.table('clauses').toArray() };
    v6.close();

    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const db = new LibraryDb(name);
    await db.open();
    expect(db.verno).toBe(LIBRARY_VERSION);
    // Every record as it was, but the words version 9 no longer stores; the one that does not validate keeps them.
    expect({ meetings: await db.meetings.toArray(), items: await db.items.toArray(), clauses: await db.clauses.toArray() }).toEqual({
      meetings: before.meetings,
      items: before.items.map(withoutWords),
      clauses: before.clauses.map((c) => (c.itemKey === 'x' ? c : withoutWords(c))),
    });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('clause ["a.example.gov.uk","1","x",0] kept as it was'));

    const fresh = new LibraryDb(`${name}-fresh`);
    await fresh.open();
    for (const { record, selection } of saves) await saveSelection(fresh, record, selection, new Date(now));
    const postings = async (d: LibraryDb) => ({ keys: await d.postings.toCollection().primaryKeys(), values: await d.postings.toArray(), index: await d.meetingIndex.toArray(), words: await d.meetingWords.toArray() });
    expect(await postings(db)).toEqual(await postings(fresh));
    expect((await postings(db)).keys.length).toBeGreaterThan(10);
    // Newest meeting first, undated last; listing reads a meeting's rows by key, so the record kept as it was is listed (meeting 1's fourth), as before.
    expect((await searchClauses(db, {})).rows.map((c) => c.meetingId)).toEqual(['1', '1', '1', '1', '3', '2']);
    expect((await searchClauses(db, { text: 'taxi' })).rows.map((c) => [c.meetingId, c.label])).toEqual([['1', '(i)']]);
    warn.mockRestore();
    for (const d of [db, fresh]) {
      d.close();
      await d.delete();
    }
  });
});

/** Version 8 of the library (the last storing records' words), every table as versions 6 to 8 declared them. */
function openVersion8(name: string): Dexie {
  const v8 = openVersion6(name);
  v8.version(7).stores({
    meetings: '[host+meetingId], host, date, [host+committeeId], committeeName',
    items: '[host+meetingId+itemKey], *tags',
    clauses: '[host+meetingId+itemKey+clauseIndex], *tags',
    postings: '',
    meetingIndex: '[host+meetingId], orderKey',
    meetingWords: '[host+meetingId]',
  });
  v8.version(8).stores({ changes: '++seq' });
  return v8;
}

describe('library upgrade from version 8 to 9', () => {
  it('drops every item’s and clause’s words and keeps the rest as it was; the postings are a fresh save’s; a record that does not validate is kept as it was, and said so', async () => {
    const saves = [
      { record: meeting({ host: 'a.example.gov.uk', id: '1', date: '2021-03-01' }), selection: { scope: 'meeting' } as const },
      { record: meeting({ host: 'b.example.gov.uk', id: '2', date: '' }), selection: { scope: 'item', itemKey: '16' } as const },
      { record: meeting({ host: 'a.example.gov.uk', id: '3', date: '2019-01-01' }), selection: { scope: 'clause', itemKey: '15', clauseIndex: 1 } as const },
    ];
    const now = new Date('2026-11-30T10:00:00.000Z');
    const name = `upgrade-v8-${Date.now()}`;
    const fresh = new LibraryDb(`${name}-fresh`);
    await fresh.open();
    for (const { record, selection } of saves) await saveSelection(fresh, record, selection, now);

    // Version 8's copy of the same library: the records with their words, the same postings (built from those words) and changes.
    const v8 = openVersion8(name);
    await v8.open();
    for (const table of ['councils', 'committees', 'meetings', 'meetingIndex', 'meetingWords', 'changes'] as const) await v8.table(table).bulkPut(await fresh.table(table).toArray());
    await v8.table('postings').bulkPut(await fresh.postings.toArray(), (await fresh.postings.toCollection().primaryKeys()) as never[]);
    await v8.table('items').bulkPut((await fresh.items.toArray()).map(withStoredWords));
    await v8.table('clauses').bulkPut((await fresh.clauses.toArray()).map(withStoredWords));
    const broken = { ...v1Clause(0, 'That the broken clause be kept.'), host: 'a.example.gov.uk', meetingId: '1', itemKey: 'x', text: 42 };
    await v8.table('clauses').put(broken);
    expect((await v8.table('clauses').toArray()).every((c: { words?: string[] }) => (c.words?.length ?? 0) > 0)).toBe(true);
    const changesBefore = await v8.table('changes').count();
    v8.close();

    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const db = new LibraryDb(name);
    await db.open();
    expect(db.verno).toBe(9);
    expect(await db.items.toArray()).toEqual(await fresh.items.toArray());
    expect((await db.items.toArray()).some((i) => 'words' in i)).toBe(false);
    // Every clause as a fresh save stores it (no words), the broken one as it was, words and all.
    const freshClauses = await fresh.clauses.toArray();
    expect(await db.clauses.toArray()).toEqual([...freshClauses.filter((c) => c.meetingId === '1'), broken, ...freshClauses.filter((c) => c.meetingId !== '1')]);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('clause ["a.example.gov.uk","1","x",0] kept as it was'));
    const postings = async (d: LibraryDb) => ({ keys: await d.postings.toCollection().primaryKeys(), values: await d.postings.toArray(), index: await d.meetingIndex.toArray(), words: await d.meetingWords.toArray() });
    expect(await postings(db)).toEqual(await postings(fresh));
    // Every record was rewritten: an open reader of the changes reads everything again.
    expect(await db.changes.count()).toBe(changesBefore + 1);
    expect((await db.changes.toCollection().last())?.all).toBe(1);
    // Search finds what it found before.
    expect((await searchClauses(db, { text: 'taxi' })).rows.map((c) => [c.meetingId, c.label])).toEqual((await searchClauses(fresh, { text: 'taxi' })).rows.map((c) => [c.meetingId, c.label]));
    warn.mockRestore();
    for (const d of [db, fresh]) {
      d.close();
      await d.delete();
    }
  });
  it('rewrites a library bigger than one batch of 2,000 records a batch at a time, saying how far it has come after each', async () => {
    const name = `upgrade-v8-batches-${Date.now()}`;
    const fresh = new LibraryDb(`${name}-fresh`);
    await fresh.open();
    await saveSelection(fresh, meeting({ host: 'a.example.gov.uk', id: '1', date: '2021-03-01' }), { scope: 'meeting' }, new Date('2026-11-30T10:00:00.000Z'));
    const [item] = await fresh.items.toArray();
    const [clause] = await fresh.clauses.toArray();
    if (!item || !clause) throw new Error('the save stored no item or clause');
    // 10 items and 4,500 clauses (clause indexes 0 to 4,499 of one item): 4,510 records, the clauses in three batches.
    const items = Array.from({ length: 10 }, (_, k) => ({ ...item, itemKey: `i${k}` }));
    const clauses = Array.from({ length: 4_500 }, (_, k) => ({ ...clause, clauseIndex: k }));
    const v8 = openVersion8(name);
    await v8.open();
    await v8.table('items').bulkPut(items.map(withStoredWords));
    await v8.table('clauses').bulkPut(clauses.map(withStoredWords));
    v8.close();

    const reports: UpgradeProgress[] = [];
    const db = new LibraryDb(name, { onUpgrade: (p) => reports.push(p) });
    await db.open();
    expect(reports.map((p) => [p.toVersion, p.done, p.total])).toEqual([
      [9, 0, 4_510],
      [9, 10, 4_510],
      [9, 2_010, 4_510],
      [9, 4_010, 4_510],
      [9, 4_510, 4_510],
    ]);
    expect(await db.items.toArray()).toEqual(items);
    expect(await db.clauses.toArray()).toEqual(clauses);
    // Opened again, the library is at version 9: nothing is rewritten, nothing reported.
    db.close();
    const again = new LibraryDb(name, { onUpgrade: (p) => reports.push(p) });
    await again.open();
    expect(reports).toHaveLength(5);
    for (const d of [again, fresh]) {
      d.close();
      await d.delete();
    }
  });
});
