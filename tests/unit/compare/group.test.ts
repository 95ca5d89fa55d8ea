import { describe, expect, it } from 'vitest';
import { docsFromMeeting } from '@/lib/compare/adapters';
import { CompareIndex } from '@/lib/compare/compareIndex';
import { GROUP_THRESHOLD, groupDocs } from '@/lib/compare/group';
import type { CompareGroup } from '@/lib/compare/schema';
import { topicSearch } from '@/lib/compare/topic';
import type { MeetingRecord } from '@/lib/moderngov/schema';
import { meetingOf, SOUTHAMPTON, WORCESTERSHIRE } from './fixtures';
import { NORTHSHIRE } from './northshire';

function indexOf(...records: MeetingRecord[]): CompareIndex {
  const index = new CompareIndex();
  for (const record of records) for (const doc of docsFromMeeting(record)) index.add(doc);
  return index;
}

const placed = (group: CompareGroup | undefined) => group?.members.map((m) => [m.host, m.meetingDate, m.itemNumber, m.title]);

const CSE = [
  ['worcestershire.moderngov.co.uk', '2015-05-22', '5', 'Child Sexual Exploitation: Update'],
  ['www.southampton.gov.uk', '2016-11-03', '5', 'Child Sexual Exploitation in Southampton - Update'],
];
const MISSING = [
  ['worcestershire.moderngov.co.uk', '2015-05-22', '6', 'Missing Children and Young People: Update'],
  ['democracy.northshire.gov.uk', '2017-01-19', '2', 'Children Missing from Care'],
];
/** Items of the three meetings about something else than both topics. */
const UNRELATED = [
  'Apologies and Welcome',
  'Declaration of Interest and of any Party Whip',
  'Public Participation',
  'Confirmation of the Minutes of the Previous Meeting',
  'Elective Home Education and Safeguarding Arrangements',
  'Children and Families Performance',
  'Monitoring Scrutiny Recommendations',
  'Apologies for Absence',
  'Highways Winter Maintenance Programme',
];

describe('groups across the seed meetings', () => {
  const southampton = meetingOf(SOUTHAMPTON);
  const worcestershire = meetingOf(WORCESTERSHIRE);

  it('puts the two councils’ Child Sexual Exploitation items in one group, and nothing else', () => {
    const groups = groupDocs(indexOf(southampton, worcestershire));
    expect(groups.map((g) => ({ label: g.label, members: placed(g) }))).toEqual([{ label: 'child sexual exploitation', members: CSE }]);
  });

  it('groups "Missing Children and Young People" with another council’s "Children Missing from Care"', () => {
    const groups = groupDocs(indexOf(southampton, worcestershire, NORTHSHIRE));
    const cse = groups.find((g) => g.members.some((m) => m.title === 'Child Sexual Exploitation: Update'));
    const missing = groups.find((g) => g.members.some((m) => m.title === 'Missing Children and Young People: Update'));
    expect(placed(cse)).toEqual(CSE);
    expect(placed(missing)).toEqual(MISSING);
    expect(missing?.label).toBe('missing children');
    expect(groups).toHaveLength(2);
    const grouped = groups.flatMap((g) => g.members.map((m) => m.title));
    for (const title of UNRELATED) expect(grouped).not.toContain(title);
  });

  it('keeps the threshold between the topics’ own pairs and every other pair', () => {
    const index = indexOf(southampton, worcestershire, NORTHSHIRE);
    const ids = new Map([...index.docs()].map((doc) => [doc.title, doc.id]));
    const score = (a: string, b: string) => index.similar(ids.get(a) ?? '', 50).find((n) => n.doc.title === b)?.score ?? 0;
    expect(score(CSE[0]?.[3] ?? '', CSE[1]?.[3] ?? '')).toBeGreaterThan(GROUP_THRESHOLD);
    expect(score(MISSING[0]?.[3] ?? '', MISSING[1]?.[3] ?? '')).toBeGreaterThan(GROUP_THRESHOLD);
    // The closest other pair: Southampton's CSE item mentions missing children too.
    for (const title of [...UNRELATED, CSE[0]?.[3] ?? '', CSE[1]?.[3] ?? '']) {
      for (const n of index.similar(ids.get(title) ?? '', 50)) {
        const pair = [title, n.doc.title];
        const sameTopic = [CSE, MISSING].some((topic) => pair.every((t) => topic.some((m) => m[3] === t)));
        if (!sameTopic) expect(n.score, pair.join(' ~ ')).toBeLessThan(GROUP_THRESHOLD);
      }
    }
  });

  it('finds a typed topic', () => {
    const index = indexOf(southampton, worcestershire, NORTHSHIRE);
    const titles = (text: string) => topicSearch(index, text, 2).map((n) => n.doc.title).sort();
    expect(titles('children missing from care')).toEqual(['Children Missing from Care', 'Missing Children and Young People: Update']);
    expect(titles('child sexual exploitation')).toEqual(['Child Sexual Exploitation in Southampton - Update', 'Child Sexual Exploitation: Update']);
    expect(topicSearch(index, 'children educated at home', 1)[0]?.doc.title).toBe('Elective Home Education and Safeguarding Arrangements');
  });
});
