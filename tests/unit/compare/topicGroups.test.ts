import { describe, expect, it } from 'vitest';
import { CompareIndex } from '@/lib/compare/compareIndex';
import { byLargest, groupDocs } from '@/lib/compare/group';
import type { CompareDoc } from '@/lib/compare/schema';
import { TopicGroups } from '@/lib/compare/topicGroups';

function doc(id: string, council: string, title: string, text: string): CompareDoc {
  const host = `${council.toLowerCase()}.moderngov.co.uk`;
  return { id, kind: 'meeting-item', host, council: `${council} Council`, committee: 'Cabinet', meetingDate: '2024-01-01', itemNumber: '1', title, text, clauses: [], outcome: '', url: null };
}

const CTS = 'The council tax support scheme for working age claimants: the minimum payment, income bands and the hardship fund.';
const HTST = 'Home to school transport eligibility for pupils: the statutory walking distance, post 16 travel assistance and the transport budget.';
const PARKS = 'Play area refurbishment in parks: new equipment, safer surfacing and accessible swings for the summer.';

describe('TopicGroups', () => {
  it('groups the library as groupDocs does, then places each saved item in the group of its topic', () => {
    const index = new CompareIndex();
    for (const d of [
      doc('a1', 'Northshire', 'Council Tax Support Scheme', CTS),
      doc('b1', 'Eastshire', 'Council Tax Reduction Scheme', CTS),
      doc('a2', 'Northshire', 'Home to School Transport Policy', HTST),
      doc('b2', 'Eastshire', 'School Transport Policy', HTST),
      doc('c1', 'Westshire', 'Play Areas', PARKS),
    ]) {
      index.add(d);
    }
    const topics = new TopicGroups(index);
    topics.regroup();
    const ids = (groups: { members: { id: string }[] }[]) => groups.map((g) => g.members.map((m) => m.id).sort()).sort();
    expect(ids(topics.groups())).toEqual(ids(groupDocs(index)));
    expect(ids(topics.groups())).toEqual([['a1', 'b1'], ['a2', 'b2']]);

    // A meeting is saved: its council tax item joins that topic, its parks item pairs with Westshire's.
    topics.add([doc('d1', 'Southshire', 'Local Council Tax Support Scheme 2025', CTS), doc('d2', 'Southshire', 'Parks: play area improvements', PARKS)]);
    expect(ids(topics.groups())).toEqual([['a1', 'b1', 'd1'], ['a2', 'b2'], ['c1', 'd2']]);

    // A group left with one member is no group.
    topics.remove('a2');
    expect(ids(topics.groups())).toEqual([['a1', 'b1', 'd1'], ['c1', 'd2']]);
    expect(index.get('a2')).toBeUndefined();
  });

  it('lists the groups in the same order whether listed after every save or once at the end', () => {
    const library = [
      doc('a1', 'Northshire', 'Council Tax Support Scheme', CTS),
      doc('b1', 'Eastshire', 'Council Tax Reduction Scheme', CTS),
      doc('a2', 'Northshire', 'Home to School Transport Policy', HTST),
      doc('b2', 'Eastshire', 'School Transport Policy', HTST),
      doc('c1', 'Westshire', 'Play Areas', PARKS),
    ];
    const saves: { add: CompareDoc[]; remove?: string }[] = [
      { add: [doc('c2', 'Southshire', 'Parks: play area improvements', PARKS)] },
      { add: [doc('d1', 'Southshire', 'Local Council Tax Support Scheme 2025', CTS), doc('d2', 'Southshire', 'School transport', HTST)] },
      { add: [doc('e1', 'Upshire', 'Play area equipment', PARKS), doc('e2', 'Upshire', 'Home to school transport', HTST)], remove: 'a1' },
      { add: [doc('f1', 'Downshire', 'Council tax support', CTS)], remove: 'c1' },
    ];
    const listedEachTime = new TopicGroups(new CompareIndex());
    const listedAtEnd = new TopicGroups(new CompareIndex());
    for (const topics of [listedEachTime, listedAtEnd]) {
      for (const d of library) topics.index.add(d);
      topics.regroup();
    }
    const seen: string[][][] = [];
    const ids = (groups: { members: { id: string }[] }[]) => groups.map((g) => g.members.map((m) => m.id));
    seen.push(ids(listedEachTime.groups()));
    for (const save of saves) {
      for (const topics of [listedEachTime, listedAtEnd]) {
        topics.add(save.add);
        if (save.remove) topics.remove(save.remove);
      }
      const groups = listedEachTime.groups();
      // Largest first, then by label: sorting the list again leaves it as it is.
      expect([...groups].sort(byLargest)).toEqual(groups);
      seen.push(ids(groups));
    }
    expect(listedEachTime.groups()).toEqual(listedAtEnd.groups());
    // Each save reached the list: school transport gained two items, council tax lost Northshire's
    // and gained Downshire's, play areas lost Westshire's (members by council, as all share a date).
    expect(seen.at(-1)).toEqual([
      ['b2', 'a2', 'd2', 'e2'],
      ['f1', 'b1', 'd1'],
      ['c2', 'e1'],
    ]);
  });
});
