import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { referenceOfSavedItem } from '@/lib/cite/fromSaved';
import { containerTitle } from '@/lib/cite/reference';
import { docsFromLibrary } from '@/lib/compare/adapters';
import { meetingKey } from '@/lib/library/identity';
import { LibraryDb } from '@/lib/library/db';
import { itemKeyOf, itemRefOf, type ItemPage } from '@/lib/library/identity';
import { meetingOfItemPage } from '@/lib/library/itemPage';
import { planSave } from '@/lib/library/savePlan';
import { exportLibrary, restoreLibrary } from '@/lib/library/backup';
import { saveSelection } from '@/lib/library/save';
import { extractPage } from '@/lib/moderngov/extract';
import type { DecisionRecord } from '@/lib/moderngov/schema';
import { annotate } from '../../support/annotate';
import { ownFixture } from '../../support/pages';
import { item, meeting } from '../../support/records';
import { meetingOf, WORCESTERSHIRE } from '../compare/fixtures';

function pageOf(file: string, url: string): ItemPage {
  const record = extractPage(ownFixture(file), url);
  if (record.kind !== 'item' && record.kind !== 'decision') throw new Error(`${file} did not read as an agenda-item or decision page`);
  return record;
}

const refOf = (page: ItemPage) => {
  const asMeeting = meetingOfItemPage(page);
  return itemRefOf(asMeeting, asMeeting.items[0] ?? page.item, 0);
};

describe('the keys of agenda-item and decision pages (identity.ts)', () => {
  it('files an agenda-item page under its meeting, as the same item its meeting page has', () => {
    const page = pageOf('worcestershire-item-5-2015-05-22.html', 'https://worcestershire.moderngov.co.uk/mgAi.aspx?ID=9876');
    const onMeeting = meetingOf(WORCESTERSHIRE);
    const index = onMeeting.items.findIndex((i) => i.number === '5');
    // The item page says "Meeting: 22/05/2015 - … (Item 5)", linking MId=2453; the meeting page's item 5 is AI9876.
    expect(refOf(page)).toEqual({ host: 'worcestershire.moderngov.co.uk', meetingId: '2453', itemKey: '9876' });
    expect(itemRefOf(onMeeting, onMeeting.items[index] as (typeof onMeeting.items)[number], index)).toEqual(refOf(page));
  });

  it('keys a decision taken at a meeting by its agenda item id when the address gives it, else by the decision id', () => {
    // "Decided at meeting: 26/11/2024 - Cabinet" (MID=4102), address ?AIId=25237.
    const byItem = pageOf('topics/cheltenham-decision-2024-11-26.html', 'https://democracy.cheltenham.gov.uk/ieDecisionDetails.aspx?AIId=25237');
    expect(refOf(byItem)).toEqual({ host: 'democracy.cheltenham.gov.uk', meetingId: '4102', itemKey: '25237' });
    // "Decided at meeting: 12/12/2018 - Executive Cabinet" (MID=6801), address ?ID=229: no agenda item id.
    const byDecision = pageOf('topics/tameside-decision-2018-12-12.html', 'http://tameside.moderngov.co.uk/ieDecisionDetails.aspx?ID=229');
    expect(refOf(byDecision)).toEqual({ host: 'tameside.moderngov.co.uk', meetingId: '6801', itemKey: 'decision:229' });
  });

  it('keys a decision with no meeting (an officer or delegated decision) by its host and decision id', () => {
    const page = pageOf('topics/cambridge-decision-2016-10-10.html', 'https://democracy.cambridge.gov.uk/ieDecisionDetails.aspx?ID=3120');
    expect(page.meetingRef).toBeNull();
    expect(refOf(page)).toEqual({ host: 'democracy.cambridge.gov.uk', meetingId: 'decision:3120', itemKey: 'decision:3120' });
    // Read again, the same key.
    expect(refOf(pageOf('topics/cambridge-decision-2016-10-10.html', 'https://democracy.cambridge.gov.uk/ieDecisionDetails.aspx?ID=3120'))).toEqual(refOf(page));
    const asMeeting = meetingOfItemPage(page);
    // The decision maker and the date of decision stand for the committee and the meeting's date.
    expect([asMeeting.committee.name, asMeeting.meeting.date, asMeeting.meeting.url]).toEqual([
      (page as DecisionRecord).decisionMaker,
      (page as DecisionRecord).decisionDate,
      'https://democracy.cambridge.gov.uk/ieDecisionDetails.aspx?ID=3120',
    ]);
  });
});

let db: LibraryDb;
let n = 0;
beforeEach(async () => {
  db = new LibraryDb(`item-pages-${++n}-${Date.now()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const HOST = 'www.southampton.gov.uk';
const CSE_I = 'That the Licensing Committee consider making CSE training a condition of receiving a taxi licence in Southampton;';
const CSE_II = 'That officers explore opportunities to increase resources dedicated to analysing CSE data;';
const onMeetingPage = () => item('5', 'Child Sexual Exploitation in Southampton - Update', [['(i)', CSE_I], ['(ii)', CSE_II]]);

/** Item 5 of the Southampton meeting (id 15) as its decision page prints it: more said, the same clauses. */
function decisionPage(extra: Partial<DecisionRecord['item']> = {}, id: 'AIId=15' | 'ID=77' = 'AIId=15'): DecisionRecord {
  const base = onMeetingPage();
  return {
    kind: 'decision',
    council: { host: HOST, name: 'Southampton City Council' },
    url: `https://${HOST}/modernGov/ieDecisionDetails.aspx?${id}`,
    decisionMaker: 'Children and Families Scrutiny Panel',
    status: 'Recommendations Approved',
    keyDecision: false,
    subjectToCallIn: false,
    publicationDate: '2016-11-04',
    decisionDate: '2016-11-03',
    meetingRef: { meetingId: '7105', committeeId: '600', committeeName: 'Children and Families Scrutiny Panel', date: '2016-11-03', url: `https://${HOST}/modernGov/ieListDocuments.aspx?CId=600&MId=7105&Ver=4` },
    issueUrl: null,
    item: {
      ...base,
      number: null,
      id: id === 'AIId=15' ? '15' : null,
      description: 'Purpose: to update the Panel on the multi-agency response to child sexual exploitation in the city, following the inspection.',
      decision: `${CSE_I}\n${CSE_II}`,
      ...extra,
    },
    warnings: [],
    contentHash: `decision-${JSON.stringify(extra)}`,
  };
}

const saveDecision = (page: DecisionRecord) => saveSelection(db, meetingOfItemPage(page), { scope: 'item', itemKey: itemKeyOf(meetingOfItemPage(page).items[0] ?? page.item, 0) }, new Date(), { from: 'decision' });
const items = async () => db.items.where('[host+meetingId]').equals([HOST, '7105']).toArray();

describe('one record for an item saved from its meeting page and from its own page (savePlan.ts)', () => {
  it('keeps the fuller copy whichever page is saved last, with its tags, note and place on the agenda', async () => {
    await saveSelection(db, meeting({ items: [item('4', 'Apologies'), onMeetingPage(), item('6', 'Elective Home Education')] }), { scope: 'meeting' });
    await annotate(db, [HOST, '7105', '15'], ['cse'], 'compare with Worcestershire');
    await annotate(db, [HOST, '7105', '15', 0], ['taxis'], 'licensing angle');

    // The decision page says more: it replaces the meeting page's copy, under the same key.
    const fuller = await saveDecision(decisionPage());
    expect(fuller.keptFuller).toEqual([]);
    let saved = await db.items.get([HOST, '7105', '15']);
    expect(saved).toMatchObject({ source: 'decision', number: '5', order: 1, tags: ['cse'], note: 'compare with Worcestershire', description: expect.stringContaining('multi-agency response') });
    expect((await items()).length).toBe(3);
    const clause = await db.clauses.get([HOST, '7105', '15', 0]);
    expect(clause).toMatchObject({ text: CSE_I, tags: ['taxis'], note: 'licensing angle', itemOrder: 1, itemNumber: '5' });
    // The meeting row is still the meeting page's, saved whole.
    expect(await db.meetings.get([HOST, '7105'])).toMatchObject({ whole: 1, source: 'meeting', title: 'Agenda and minutes' });

    // The meeting page again: its copy says less, so the decision page's is kept, and it says so.
    const again = await saveSelection(db, meeting({ items: [item('4', 'Apologies'), onMeetingPage(), item('6', 'Elective Home Education')] }), { scope: 'meeting' });
    expect(again.keptFuller).toEqual(['item 5 (saved from its decision page)']);
    saved = await db.items.get([HOST, '7105', '15']);
    expect(saved).toMatchObject({ source: 'decision', tags: ['cse'], description: expect.stringContaining('multi-agency response') });

    // A poorer decision page (no purpose, no decision text, no clauses) does not replace a fuller meeting copy either.
    await db.items.update([HOST, '7105', '15'], { source: 'meeting', description: '' });
    const poorer = await saveDecision(decisionPage({ description: '', decision: '', minutes: '', clauses: [] }));
    expect(poorer.keptFuller).toEqual(['“Child Sexual Exploitation in Southampton - Update” (saved from its meeting page)']);
    expect((await db.clauses.where('[host+meetingId+itemKey]').equals([HOST, '7105', '15']).toArray()).map((c) => [c.text, c.onPage])).toEqual([
      [CSE_I, 1],
      [CSE_II, 1],
    ]);
  });

  it('files a decision page saved first under its meeting, then lets the meeting page write the meeting', async () => {
    await saveDecision(decisionPage({}, 'ID=77'));
    expect(await db.meetings.get([HOST, '7105'])).toMatchObject({ whole: 0, source: 'decision', title: 'Decision', committeeName: 'Children and Families Scrutiny Panel', date: '2016-11-03' });
    expect((await items()).map((i) => [i.itemKey, i.source])).toEqual([['decision:77', 'decision']]);

    // Saving one item of the meeting page rewrites the meeting row from the meeting page…
    const record = meeting({ items: [item('4', 'Apologies'), onMeetingPage(), item('6', 'Elective Home Education')] });
    await saveSelection(db, record, { scope: 'item', itemKey: '16' });
    expect(await db.meetings.get([HOST, '7105'])).toMatchObject({ whole: 0, source: 'meeting', title: 'Agenda and minutes', venue: 'Conference Room 3 - Civic Centre' });
    // …and the whole meeting page does not count the decision, saved from its own page, as gone from it.
    const whole = await saveSelection(db, record, { scope: 'meeting' });
    expect(whole.gone).toEqual([]);
    expect((await items()).map((i) => [i.itemKey, i.onPage, i.source]).sort()).toEqual([
      ['14', 1, 'meeting'],
      ['15', 1, 'meeting'],
      ['16', 1, 'meeting'],
      ['decision:77', 1, 'decision'],
    ]);
  });

  it('compares an item saved from its own page as what it is', async () => {
    await saveDecision(decisionPage({}, 'ID=77'));
    const [doc] = docsFromLibrary(await db.items.toArray(), await db.clauses.toArray());
    expect(doc).toMatchObject({ kind: 'decision', host: HOST, title: 'Child Sexual Exploitation in Southampton - Update', clauses: [CSE_I, CSE_II] });
  });

  it('cites a decision saved from its own page as a decision of its decision maker', async () => {
    const page = pageOf('topics/cambridge-decision-2016-10-10.html', 'https://democracy.cambridge.gov.uk/ieDecisionDetails.aspx?ID=3120');
    const asMeeting = meetingOfItemPage(page);
    await saveSelection(db, asMeeting, { scope: 'item', itemKey: 'decision:3120' }, new Date(), { from: 'decision' });
    const [saved] = await db.items.toArray();
    const meetings = new Map((await db.meetings.toArray()).map((m) => [meetingKey(m), m]));
    const ref = referenceOfSavedItem(saved as NonNullable<typeof saved>, meetings);
    expect(ref).toMatchObject({ itemTitle: 'Public Spaces Protection Orders for Dog Control', pageTitle: 'Decision', url: 'https://democracy.cambridge.gov.uk/ieDecisionDetails.aspx?ID=3120', council: page.council.name });
    // The page: "Decision Maker: Leader of the Council", "Date of decision: 10/10/2016".
    expect(containerTitle(ref)).toBe('Decision of the Leader of the Council, 10 October 2016');
  });

  it('backs up and restores an item saved from its own page as what it is', async () => {
    await saveDecision(decisionPage({}, 'ID=77'));
    const backup = await exportLibrary(db);
    const fresh = new LibraryDb(`item-pages-restored-${++n}-${Date.now()}`);
    await fresh.open();
    try {
      await restoreLibrary(fresh, new Blob([backup]));
      expect(await fresh.items.get([HOST, '7105', 'decision:77'])).toMatchObject({ source: 'decision', title: 'Child Sexual Exploitation in Southampton - Update' });
      expect(await fresh.meetings.get([HOST, '7105'])).toMatchObject({ source: 'decision', whole: 0 });
    } finally {
      fresh.close();
      await fresh.delete();
    }
  });

  it('plans an agenda-item page of a meeting saved whole as the same item (pure plan, no database)', () => {
    const page = pageOf('worcestershire-item-5-2015-05-22.html', 'https://worcestershire.moderngov.co.uk/mgAi.aspx?ID=9876');
    const record = meetingOfItemPage(page);
    const plan = planSave(record, { scope: 'item', itemKey: '9876' }, { from: 'item' }, { meeting: undefined, items: [], clauses: [], deletions: [] }, '2026-11-30T12:00:00.000Z');
    expect(plan.items.map((i) => [i.host, i.meetingId, i.itemKey, i.number, i.source])).toEqual([['worcestershire.moderngov.co.uk', '2453', '9876', '5', 'item']]);
    expect(plan.meeting).toMatchObject({ meetingId: '2453', whole: 0, source: 'item', date: '2015-05-22' });
  });
});
