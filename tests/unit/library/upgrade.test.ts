import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { LibraryDb } from '@/lib/library/db';
import { SavedClauseSchema, SavedItemSchema } from '@/lib/library/schema';

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
    expect(db.verno).toBe(3);
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
    // Nothing else about the clauses changed.
    expect(upgraded.map(({ outcome: _o, votes: _v, section: _s, exempt: _e, ...rest }) => rest)).toEqual(clauses);
    const upgradedItems = await db.items.toArray();
    for (const item of upgradedItems) SavedItemSchema.parse(item);
    expect(upgradedItems.map((i) => [i.title, i.procedural])).toEqual([
      ['Apologies for Absence', true],
      ['Child Sexual Exploitation in Southampton - Update', false],
    ]);
    expect(upgradedItems.map(({ procedural: _p, ...rest }) => rest)).toEqual(items);
    expect(await db.clauses.where('outcome').equals('noted').count()).toBe(1);
    db.close();
    await db.delete();
  });
});
