import { describe, expect, it } from 'vitest';
import { docsFromLibrary } from '@/lib/compare/adapters';
import { CompareIndex } from '@/lib/compare/compareIndex';
import { groupDocs } from '@/lib/compare/group';
import { LibraryGroups } from '@/lib/compare/libraryGroups';
import { itemKey } from '@/lib/library/identity';
import type { SavedItem } from '@/lib/library/schema';

function saved(council: string, meetingId: string, title: string, minutes: string, savedAt = '2025-01-01T00:00:00.000Z'): SavedItem {
  const host = `democracy.${council.toLowerCase()}.gov.uk`;
  return {
    host, meetingId, itemKey: `${meetingId}-${title}`, councilName: `${council} Council`, committeeName: 'Cabinet', date: '2024-01-25', tags: [], note: '', savedAt,
    order: 0, number: '7', id: null, title, description: '', documents: [], minutes, decision: '', notedPoints: [], fullMinutesUrl: null,
    procedural: false, minutesTruncated: 0, picked: 1, onPage: 1, source: 'meeting',
  };
}

const CTS = 'The council tax support scheme for working age claimants: the minimum payment, income bands and the hardship fund were reviewed.';
const HTST = 'Home to school transport eligibility for pupils: the statutory walking distance, post 16 travel assistance and the transport budget.';
const PARKS = 'Play area refurbishment in parks: new equipment, safer surfacing and accessible swings for the summer.';

const library = [
  saved('Northshire', 'n1', 'Council Tax Support Scheme', CTS),
  saved('Eastshire', 'e1', 'Council Tax Reduction Scheme', CTS),
  saved('Northshire', 'n1', 'Home to School Transport Policy', HTST),
  saved('Eastshire', 'e1', 'School Transport Policy', HTST),
  saved('Westshire', 'w1', 'Play Areas', PARKS),
];
const members = (live: LibraryGroups) => live.groups().map((g) => g.members.map((m) => m.id).sort()).sort();
const id = (item: SavedItem) => itemKey(item);

describe('LibraryGroups', () => {
  it('groups the library as groupDocs does when first read', () => {
    const live = new LibraryGroups();
    expect(live.apply(library, [])).toBe(5);
    const index = new CompareIndex();
    for (const doc of docsFromLibrary(library, [])) index.add(doc);
    expect(members(live)).toEqual(groupDocs(index).map((g) => g.members.map((m) => m.id).sort()).sort());
    expect(members(live)).toEqual([[id(library[0]!), id(library[1]!)].sort(), [id(library[2]!), id(library[3]!)].sort()]);
  });

  it('then takes only what was saved, changed or deleted since, and keeps the groups current', () => {
    const live = new LibraryGroups();
    live.apply(library, []);
    // Nothing changed: nothing placed. An item annotated only (tags and notes are not compared) stays put.
    expect(live.apply([], [])).toBe(0);
    expect(live.apply([{ ...library[0]!, tags: ['cts'], note: 'ask the clerk' }], [])).toBe(0);

    // A meeting of another council is saved: its council tax item joins that group, its play areas item pairs with Westshire's.
    const cts = saved('Southshire', 's1', 'Local Council Tax Support Scheme 2025', CTS, '2025-02-01T00:00:00.000Z');
    const parks = saved('Southshire', 's1', 'Parks: play area improvements', PARKS, '2025-02-01T00:00:00.000Z');
    expect(live.apply([cts, parks], [])).toBe(2);
    expect(members(live)).toEqual(
      [
        [id(library[0]!), id(library[1]!), id(cts)].sort(),
        [id(library[2]!), id(library[3]!)].sort(),
        [id(library[4]!), id(parks)].sort(),
      ].sort(),
    );

    // Deleted in the library: gone from its group; a group left with one member is no group.
    expect(live.apply([], [], [id(library[3]!)])).toBe(1);
    expect(members(live)).toEqual([[id(library[0]!), id(library[1]!), id(cts)].sort(), [id(library[4]!), id(parks)].sort()].sort());
  });

  it('indexes one copy of a text saved from several meetings; the others follow it, and one takes its place when it is deleted', () => {
    const again = saved('Northshire', 'n2', 'Council Tax Support Scheme', CTS);
    const live = new LibraryGroups();
    live.apply([...library, again], []);
    expect(live.index.size).toBe(5);
    expect(live.copiesOf(id(library[0]!))).toEqual([id(library[0]!), id(again)]);
    // The first copy deleted: the second is indexed and grouped in its place.
    live.apply([], [], [id(library[0]!)]);
    expect(live.copiesOf(id(again))).toEqual([id(again)]);
    expect(members(live)).toContainEqual([id(library[1]!), id(again)].sort());
  });
});
